/// Writes a workshop's findings straight into a session file's bytes.
///
/// Why: the findings are nearly all of a session file (10,000 findings, 4 MB), and the general
/// path builds a `JSONNode` per field through the model's `Codable` (a container, a boxed key
/// and a string per field, then the writer sorts each object's keys): most of a save's time.
/// Here each finding is written field by field, keys already in sorted order, timestamps formatted
/// in place, texts escaped by the same function as every other text (`IndentedJSONWriter`).
///
/// The bytes are exactly those of the general path: same layout, same escaping, absent optional
/// fields omitted (the synthesized `encodeIfPresent`), never `null`. `FindingJSONWriterTests`
/// compares the two on findings with every optional field set and unset, and fails when `Finding`
/// or `DataNeedDetails` gains a stored property this file does not write.
enum FindingJSONWriter {
    /// Whether every finding can be written here: a timestamp outside years 0001-9999 cannot be
    /// written at all, and those findings take the general path, which refuses them with the
    /// error (and the coding path) it always gave.
    static func canWrite(_ findings: [Finding]) -> Bool {
        findings.allSatisfy { finding in
            finding.createdAt.isWritable && finding.updatedAt.isWritable && (finding.deletedAt?.isWritable ?? true)
        }
    }
}

extension IndentedJSONWriter {
    /// The findings as the array value at `depth` (the depth its `[` is written at).
    mutating func write(_ findings: [Finding], depth: Int) {
        guard !findings.isEmpty else { bytes.append(contentsOf: "[]".utf8); return }
        let indent = FindingIndents(depth: depth + 1)
        bytes.append(UInt8(ascii: "["))
        for (i, finding) in findings.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: indent.finding)
            write(finding, indent)
        }
        bytes.append(contentsOf: indent.array)
        bytes.append(UInt8(ascii: "]"))
    }

    /// One finding, its keys in the order of their UTF-8 bytes.
    private mutating func write(_ f: Finding, _ indent: FindingIndents) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        let at = indent.findingMember
        if let actorRole = f.actorRole { member("\"actorRole\": ", &first, at); write(actorRole.rawValue) }
        if let author = f.author { member("\"author\": ", &first, at); write(author) }
        if let category = f.category { member("\"category\": ", &first, at); write(category) }
        member("\"createdAt\": ", &first, at); write(f.createdAt)
        if let dataNeed = f.dataNeed { member("\"dataNeed\": ", &first, at); write(dataNeed, indent) }
        if let deletedAt = f.deletedAt { member("\"deletedAt\": ", &first, at); write(deletedAt) }
        member("\"gender\": ", &first, at); write(f.gender)
        member("\"id\": ", &first, at); write(f.id)
        member("\"kind\": ", &first, at); write(f.kind.rawValue)
        if let samePointAs = f.samePointAs { member("\"samePointAs\": ", &first, at); write(samePointAs) }
        if let teamId = f.teamId { member("\"teamId\": ", &first, at); write(teamId) }
        member("\"text\": ", &first, at); write(f.text)
        member("\"updatedAt\": ", &first, at); write(f.updatedAt)
        bytes.append(contentsOf: indent.finding)
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func write(_ d: DataNeedDetails, _ indent: FindingIndents) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        let at = indent.dataNeedMember
        if let availability = d.availability { member("\"availability\": ", &first, at); write(availability.rawValue) }
        if let impact = d.impact { member("\"impact\": ", &first, at); write(impact) }
        if let producer = d.producer { member("\"producer\": ", &first, at); write(producer) }
        if let relevance = d.relevance { member("\"relevance\": ", &first, at); write(relevance) }
        member("\"sexDisaggregation\": ", &first, at); write(d.sexDisaggregation)
        if let wantedFormat = d.wantedFormat { member("\"wantedFormat\": ", &first, at); write(wantedFormat) }
        bytes.append(contentsOf: indent.findingMember)
        bytes.append(UInt8(ascii: "}"))
    }

    /// `,` unless first, the line break and indentation, then `"key": ` (given whole).
    private mutating func member(_ key: StaticString, _ first: inout Bool, _ indent: [UInt8]) {
        if first { first = false } else { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: indent)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// As `Timestamp.encode(to:)` writes it (a string); only writable moments come here.
    private mutating func write(_ time: Timestamp) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "\""), count: Timestamp.iso8601Width + 2))
        bytes.withUnsafeMutableBytes { all in
            time.writeISO8601(into: UnsafeMutableRawBufferPointer(rebasing: all[(start + 1)..<(start + 1 + Timestamp.iso8601Width)]))
        }
    }

    /// As `JSONNumberText` writes an integer.
    private mutating func write(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    private mutating func write(_ value: Bool) { bytes.append(contentsOf: value ? "true".utf8 : "false".utf8) }
}

/// The line breaks and indentations of the findings array at one depth, made once per array.
private struct FindingIndents {
    /// Before each finding, and before the array's `]` (one level less).
    let finding: [UInt8]
    let array: [UInt8]
    /// Before each field of a finding, and before the `}` of its `dataNeed`.
    let findingMember: [UInt8]
    /// Before each field of a `dataNeed`.
    let dataNeedMember: [UInt8]

    /// `depth`: the depth of the findings themselves.
    init(depth: Int) {
        func line(_ depth: Int) -> [UInt8] { [UInt8(ascii: "\n")] + Array(repeating: 0x20, count: 2 * depth) }
        finding = line(depth)
        array = line(depth - 1)
        findingMember = line(depth + 1)
        dataNeedMember = line(depth + 2)
    }
}
