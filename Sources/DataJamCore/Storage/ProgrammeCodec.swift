import Foundation

/// Turns programme files into `Programme` values and back, with the session file's rules
/// (`SessionCodec`): size, UTF-8, strict JSON without duplicate keys, the format name and version,
/// every field's type, no unknown field even when null, then `ProgrammeValidator`. The first
/// problem is one line naming the file and the place; a file either loads whole or not at all.
public struct ProgrammeCodec: Sendable {
    public init() {}

    /// Indented, sorted keys, UTF-8, ending with a newline: the layout of session files
    /// (`SortedKeysEncoder`, `IndentedJSONWriter`).
    public func encode(_ programme: Programme) throws -> Data {
        Data(IndentedJSONWriter.write(try SortedKeysEncoder.node(of: programme), capacity: 16 * 1024))
    }

    public func decode(_ data: Data, file: String) throws(SessionFileError) -> Programme {
        try StrictDocument.withBytes(of: data) { bytes throws(SessionFileError) in try decode(bytes, file: file) }
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(SessionFileError) -> Programme {
        func fail(_ place: String, _ message: String) -> SessionFileError {
            SessionFileError(file: file, place: place, message: message)
        }
        let tape = try StrictDocument.tape(of: bytes, file: file, kind: "programme file", formatName: ProgrammeFormat.name)
        let format = StrictDocument.format(in: tape)
        guard format == ProgrammeFormat.name else {
            if format == SessionFormat.name {
                throw fail("format", "is \"\(SessionFormat.name)\": this is a workshop's session file, not the programme file (\(ProgrammeFormat.fileName))")
            }
            let found = tape.describe(tape.entry(at: DocumentPath([.key("format")])))
            throw fail("format", "must be \"\(ProgrammeFormat.name)\", found \(found): not a DataJam programme file")
        }
        let version = try StrictDocument.version(in: tape, file: file)
        guard version <= ProgrammeFormat.currentVersion else {
            throw fail("version", "is \(version), written by a newer DataJam (this one reads up to \(ProgrammeFormat.currentVersion)): upgrade datajam to open it")
        }
        guard version == ProgrammeFormat.currentVersion else {
            throw fail("version", "\(version) is not a known format version (\(ProgrammeFormat.currentVersion) to \(ProgrammeFormat.currentVersion))")
        }
        let programme = try StrictDocument.decode(Programme.self, from: tape, file: file)
        if let problem = ProgrammeValidator.problems(in: programme).first {
            throw fail(problem.path.description, problem.message)
        }
        return programme
    }

    /// Whether `data` claims to be a programme file (its top-level `format`), without checking the
    /// rest: how `report` and `validate` tell the programme file among session files given to them.
    public static func claimsProgramme(_ data: Data) -> Bool {
        // A cheap look for the format's name first, so session files are not parsed twice.
        guard let marker = "\"\(ProgrammeFormat.name)\"".data(using: .utf8), data.range(of: marker) != nil,
              let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return document["format"] as? String == ProgrammeFormat.name
    }
}
