import Foundation

/// Turns programme files into `Programme` values and back, with the session file's rules
/// (`SessionCodec`): size, UTF-8, strict JSON without duplicate keys, the format name and version,
/// every field's type, no unknown field even when null, then `ProgrammeValidator`. The first
/// problem is one line naming the file and the place; a file either loads whole or not at all.
public struct ProgrammeCodec: Sendable {
    public init() {}

    /// Indented, sorted keys, UTF-8, ending with a newline: the layout of session files.
    public func encode(_ programme: Programme) throws -> Data {
        JSONLayout.indent(try Self.encoder.encode(programme))
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let schemaTree = UnknownFieldCheck.tree(ofSchema: ProgrammeSchema.text)

    public func decode(_ data: Data, file: String) throws(SessionFileError) -> Programme {
        func fail(_ place: String, _ message: String) -> SessionFileError {
            SessionFileError(file: file, place: place, message: message)
        }
        func fail(_ message: String) -> SessionFileError { SessionFileError(file: file, message: message) }
        guard data.count <= Limits.fileBytes else {
            throw fail("is \(data.count / 1_048_576) MiB; a programme file is at most \(Limits.fileBytes / 1_048_576) MiB")
        }
        guard !data.isEmpty else { throw fail("is empty, not a programme file (was it truncated? restore it from a copy)") }
        let bytes = [UInt8](data)
        if let bad = SessionCodec.firstInvalidUTF8Offset(bytes) {
            throw fail("is not valid UTF-8 (bad byte at offset \(bad)); save it as UTF-8")
        }
        switch JSONScanner.problem(in: bytes, depthLimit: Limits.nestingDepth) {
        case nil: break
        case .tooDeep(let limit)?:
            throw fail("nests lists and objects more than \(limit) deep; not a programme file")
        case .syntax(let what, let line, let column)?:
            throw fail("is not valid JSON (\(what) at line \(line), column \(column)); was it truncated?")
        case .duplicateKey(let path, let key)?:
            let place = path.steps.isEmpty ? nil : path.description
            throw SessionFileError(file: file, place: place,
                                   message: "duplicate key \"\(key.prefix(40))\": readers disagree on which value counts; keep one")
        }
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw fail("is not valid JSON; was it truncated?")
        }
        guard let document = tree as? [String: Any] else {
            throw fail("is \(JSONTree.describe(tree)), not a programme file (expected an object with \"format\": \"\(ProgrammeFormat.name)\")")
        }
        guard let format = document["format"] as? String, format == ProgrammeFormat.name else {
            if document["format"] as? String == SessionFormat.name {
                throw fail("format", "is \"\(SessionFormat.name)\": this is a workshop's session file, not the programme file (\(ProgrammeFormat.fileName))")
            }
            throw fail("format", "must be \"\(ProgrammeFormat.name)\", found \(JSONTree.describe(document["format"])): not a DataJam programme file")
        }
        guard let number = document["version"] as? NSNumber, String(cString: number.objCType) != "c",
              let version = Int(exactly: number.doubleValue) else {
            throw fail("version", "must be a whole number, found \(JSONTree.describe(document["version"]))")
        }
        guard version <= ProgrammeFormat.currentVersion else {
            throw fail("version", "is \(version), written by a newer DataJam (this one reads up to \(ProgrammeFormat.currentVersion)): upgrade datajam to open it")
        }
        guard version == ProgrammeFormat.currentVersion else {
            throw fail("version", "\(version) is not a known format version (\(ProgrammeFormat.currentVersion) to \(ProgrammeFormat.currentVersion))")
        }

        let programme: Programme
        do {
            programme = try JSONDecoder().decode(Programme.self, from: data)
        } catch let error as DecodingError {
            throw SessionCodec.describe(error, in: document, file: file)
        } catch {
            throw fail("could not be read: \(error)")
        }
        // A field the model does not know would be lost at the next save: refuse rather than drop it.
        if let unknown = UnknownFieldCheck.firstUnknownField(in: document, against: Self.schemaTree) {
            throw fail(unknown.description, "unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)")
        }
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
