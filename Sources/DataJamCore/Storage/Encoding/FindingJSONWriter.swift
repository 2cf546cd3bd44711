/// Writes a workshop's findings straight into a session file's bytes.
///
/// Why: the findings are nearly all of a session file (10,000 findings, 4 MB), and the general
/// path builds a `JSONNode` per field through the model's `Codable` (a container, a boxed key
/// and a string per field, then the writer sorts each object's keys): most of a save's time.
/// Here each finding is written field by field, keys already in sorted order, timestamps formatted
/// in place, texts escaped by the same function as every other text (`JSONTextEscape`), into a
/// buffer written through a pointer (`ByteSink`).
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
    /// The findings as the array value at `depth` (the depth its `[` is written at). Each finding
    /// is laid out in a small buffer (`ByteSink`, room made once for its longest form), then
    /// copied to the file's bytes at once.
    mutating func write(_ findings: [Finding], depth: Int) {
        guard !findings.isEmpty else { bytes.append(contentsOf: "[]".utf8); return }
        var sink = ByteSink(capacity: 4096)
        bytes.append(UInt8(ascii: "["))
        for (i, finding) in findings.enumerated() {
            sink.removeAll()
            sink.reserve(FindingJSONWriter.longest(finding, depth: depth + 1))
            if i > 0 { sink.put(UInt8(ascii: ",")) }
            sink.newline(depth + 1)
            FindingJSONWriter.write(finding, depth: depth + 1, to: &sink)
            bytes.append(contentsOf: sink.written)
        }
        sink.removeAll()
        sink.reserve(1 + 2 * depth + 1)
        sink.newline(depth)
        sink.put(UInt8(ascii: "]"))
        bytes.append(contentsOf: sink.written)
    }
}

extension FindingJSONWriter {
    /// One finding at `depth`, its keys in the order of their UTF-8 bytes.
    static func write(_ f: Finding, depth: Int, to sink: inout ByteSink) {
        sink.put(UInt8(ascii: "{"))
        var first = true
        let at = depth + 1
        if let actorRole = f.actorRole { member("\"actorRole\": ", &first, at, &sink); write(actorRole.rawValue, &sink) }
        if let author = f.author { member("\"author\": ", &first, at, &sink); write(author, &sink) }
        if let category = f.category { member("\"category\": ", &first, at, &sink); write(category, &sink) }
        member("\"createdAt\": ", &first, at, &sink); write(f.createdAt, &sink)
        if let dataNeed = f.dataNeed { member("\"dataNeed\": ", &first, at, &sink); write(dataNeed, depth: at, &sink) }
        if let deletedAt = f.deletedAt { member("\"deletedAt\": ", &first, at, &sink); write(deletedAt, &sink) }
        member("\"gender\": ", &first, at, &sink); write(f.gender, &sink)
        member("\"id\": ", &first, at, &sink); write(f.id, &sink)
        member("\"kind\": ", &first, at, &sink); write(f.kind.rawValue, &sink)
        if let samePointAs = f.samePointAs { member("\"samePointAs\": ", &first, at, &sink); write(samePointAs, &sink) }
        if let teamId = f.teamId { member("\"teamId\": ", &first, at, &sink); write(teamId, &sink) }
        member("\"text\": ", &first, at, &sink); write(f.text, &sink)
        member("\"updatedAt\": ", &first, at, &sink); write(f.updatedAt, &sink)
        sink.newline(depth)
        sink.put(UInt8(ascii: "}"))
    }

    private static func write(_ d: DataNeedDetails, depth: Int, _ sink: inout ByteSink) {
        sink.put(UInt8(ascii: "{"))
        var first = true
        let at = depth + 1
        if let availability = d.availability { member("\"availability\": ", &first, at, &sink); write(availability.rawValue, &sink) }
        if let impact = d.impact { member("\"impact\": ", &first, at, &sink); write(impact, &sink) }
        if let producer = d.producer { member("\"producer\": ", &first, at, &sink); write(producer, &sink) }
        if let relevance = d.relevance { member("\"relevance\": ", &first, at, &sink); write(relevance, &sink) }
        member("\"sexDisaggregation\": ", &first, at, &sink); write(d.sexDisaggregation, &sink)
        if let wantedFormat = d.wantedFormat { member("\"wantedFormat\": ", &first, at, &sink); write(wantedFormat, &sink) }
        sink.newline(depth)
        sink.put(UInt8(ascii: "}"))
    }

    /// The most bytes `write(f, depth:to:)` can write, with the `,` and line break before it:
    /// every line at its longest (a comma, the indentation, the longest key), every text six
    /// bytes a byte (`JSONTextEscape.maximumExpansion`), numbers at twenty digits.
    static func longest(_ f: Finding, depth: Int) -> Int {
        // 13 fields, 6 in `dataNeed`, the lines of the three closing braces and the one before
        // the finding; "sexDisaggregation" is the longest key (21 bytes with quotes, `: `).
        let lines = 23 * (2 + 2 * (depth + 2) + 21)
        let values = 3 * (Timestamp.iso8601Width + 2) + 2 * 5 + 2 * 20 + 8
        func text(_ s: String?) -> Int { s.map { 2 + $0.utf8.count * JSONTextEscape.maximumExpansion } ?? 0 }
        var texts = text(f.id) + text(f.teamId) + text(f.kind.rawValue) + text(f.text) + text(f.category) + text(f.author)
            + text(f.actorRole?.rawValue) + text(f.samePointAs)
        if let d = f.dataNeed { texts += text(d.producer) + text(d.availability?.rawValue) + text(d.wantedFormat) }
        return lines + values + texts
    }

    /// `,` unless first, the line break and indentation, then `"key": ` (given whole).
    @inline(__always)
    private static func member(_ key: StaticString, _ first: inout Bool, _ depth: Int, _ sink: inout ByteSink) {
        if first { first = false } else { sink.put(UInt8(ascii: ",")) }
        sink.newline(depth)
        sink.put(key)
    }

    /// A text between quotes, escaped as every text of the file (`JSONTextEscape`).
    private static func write(_ text: String, _ sink: inout ByteSink) {
        sink.put(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            if JSONTextEscape.needsEscape(utf8) {
                sink.put(upTo: utf8.count * JSONTextEscape.maximumExpansion) { JSONTextEscape.write(utf8, to: $0) }
            } else {
                sink.put(utf8)
            }
        }
        sink.put(UInt8(ascii: "\""))
    }

    /// As `Timestamp.encode(to:)` writes it (a string); only writable moments come here.
    private static func write(_ time: Timestamp, _ sink: inout ByteSink) {
        sink.put(UInt8(ascii: "\""))
        sink.put(upTo: Timestamp.iso8601Width) { out in
            time.writeISO8601(into: UnsafeMutableRawBufferPointer(start: out, count: Timestamp.iso8601Width))
            return Timestamp.iso8601Width
        }
        sink.put(UInt8(ascii: "\""))
    }

    /// As `JSONNumberText` writes an integer.
    private static func write(_ value: Int, _ sink: inout ByteSink) {
        var digits = String(value)
        digits.withUTF8 { sink.put($0) }
    }

    private static func write(_ value: Bool, _ sink: inout ByteSink) { sink.put(value ? "true" : "false") }
}
