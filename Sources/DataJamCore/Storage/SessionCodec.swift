import Foundation

/// Turns session files into `Workshop` values and back.
///
/// Reading checks far more than syntax, in this order, and stops at the first problem with one
/// line naming the file, the place and the fault: size, UTF-8, strict JSON (nesting depth, syntax,
/// duplicate keys in any object), the format name and version (migrating older versions), the
/// types of every field and the range of every text form (a timestamp must fall in UTC years
/// 0001-9999), fields the model does not know even when null (a save would drop them), then the
/// semantic rules. A file either loads whole or not at all, and what loads is written back in a
/// form that loads again: a file DataJam writes, DataJam reads.
public struct SessionCodec: Sendable {
    public var migrator: SessionMigrator

    public init(migrator: SessionMigrator = .standard) { self.migrator = migrator }

    // MARK: Writing

    /// Indented, sorted keys, UTF-8, slashes unescaped, ending with a newline: readable and
    /// diff-friendly (see `IndentedJSONWriter`). The model encodes itself into a light tree that is
    /// written once; `JSONEncoder` followed by re-indenting its output took twice as long.
    public func encode(_ workshop: Workshop) throws -> Data {
        let node = try SortedKeysEncoder.node(of: workshop)
        // About 420 bytes per finding: reserving avoids most regrowth of a 4 MB buffer.
        return Data(IndentedJSONWriter.write(node, capacity: 64 * 1024 + workshop.findings.count * 480))
    }

    // MARK: Reading

    public func decode(_ data: Data, file: String) throws(SessionFileError) -> Workshop {
        guard data.count <= Limits.fileBytes else {
            throw SessionFileError(file: file, message: "is \(data.count / 1_048_576) MiB; a session file is at most \(Limits.fileBytes / 1_048_576) MiB")
        }
        let result: Result<Workshop, SessionFileError> = data.withUnsafeBytes { raw in
            do throws(SessionFileError) {
                return .success(try decode(raw.bindMemory(to: UInt8.self), file: file))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Every check in one pass over the bytes (after a quick UTF-8 check): the scanner checks the
    /// syntax and builds a flat tape of the document, the model decodes itself from the tape, and
    /// the keys it never asked for are the unknown fields. Only a file of an older version goes
    /// through a tree of Foundation objects, which the migration steps rewrite.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(SessionFileError) -> Workshop {
        func fail(_ place: String, _ message: String) -> SessionFileError {
            SessionFileError(file: file, place: place, message: message)
        }
        func fail(_ message: String) -> SessionFileError { SessionFileError(file: file, message: message) }
        guard bytes.count <= Limits.fileBytes else {
            throw fail("is \(bytes.count / 1_048_576) MiB; a session file is at most \(Limits.fileBytes / 1_048_576) MiB")
        }
        guard !bytes.isEmpty else { throw fail("is empty, not a session file (was it truncated? restore it from a copy)") }
        if let bad = UTF8Check.firstInvalidOffset(bytes) {
            throw fail("is not valid UTF-8 (bad byte at offset \(bad)); save it as UTF-8")
        }
        // Strict syntax: lenient readers accept duplicate keys and then disagree on which value
        // counts (the version check could read one and the decoder the other).
        var builder = JSONTapeBuilder(bytes: bytes)
        do {
            try JSONScanner.scan(bytes, depthLimit: Limits.nestingDepth, into: &builder)
        } catch {
            switch error {
            case .tooDeep(let limit):
                throw fail("nests lists and objects more than \(limit) deep; not a session file")
            case .syntax(let what, let line, let column):
                throw fail("is not valid JSON (\(what) at line \(line), column \(column)); was it truncated?")
            case .duplicateKey(let path, let key):
                let place = path.steps.isEmpty ? nil : path.description
                throw SessionFileError(file: file, place: place,
                                       message: "duplicate key \"\(key.prefix(40))\": readers disagree on which value counts; keep one")
            }
        }
        let tape = JSONTape(bytes: bytes, entries: builder.entries)
        guard tape.entries[0].kind == .object else {
            throw fail("is \(tape.describe(0)), not a session file (expected an object with \"format\": \"\(SessionFormat.name)\")")
        }
        let format = tape.entry(at: DocumentPath([.key("format")]))
        guard let format, tape.entries[format].kind == .string, tape.text(format) == SessionFormat.name else {
            throw fail("format", "must be \"\(SessionFormat.name)\", found \(tape.describe(format)): not a DataJam session file")
        }
        let versionEntry = tape.entry(at: DocumentPath([.key("version")]))
        // As a number's value, as Foundation reads it: 1.0 and 1e0 are version 1.
        guard let versionEntry, tape.entries[versionEntry].kind == .number,
              let number = Double(String(decoding: UnsafeBufferPointer(rebasing: tape.raw(versionEntry)), as: UTF8.self)),
              let version = Int(exactly: number) else {
            throw fail("version", "must be a whole number, found \(tape.describe(versionEntry))")
        }
        if version != migrator.currentVersion {
            return try decodeMigrating(bytes, from: version, file: file)
        }

        let decoding = TapeDecoding(tape: tape)
        let workshop: Workshop
        do {
            workshop = try decoding.decode(Workshop.self)
        } catch let error as DecodingError {
            throw Self.describe(error, in: tape, file: file)
        } catch {
            throw fail("could not be read: \(error)")
        }
        // A field the model does not know would be lost at the next save: refuse rather than drop it.
        if let unknown = decoding.unknownField() {
            throw fail(unknown.description, "unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)")
        }
        if let problem = SemanticValidator.problems(in: workshop).first {
            throw fail(problem.path.description, problem.message)
        }
        return workshop
    }

    /// A file of another version: the migration steps rewrite its tree of Foundation objects up to
    /// the current version, and the result is read as a current file (its messages name places in
    /// the migrated document).
    private func decodeMigrating(_ bytes: UnsafeBufferPointer<UInt8>, from version: Int, file: String) throws(SessionFileError) -> Workshop {
        func fail(_ place: String, _ message: String) -> SessionFileError {
            SessionFileError(file: file, place: place, message: message)
        }
        let data = Data(buffer: bytes)
        guard var document = (try? JSONSerialization.jsonObject(with: data, options: [])) as? [String: Any] else {
            // The scanner took it: only a number no Foundation type holds (1e400) gets here.
            throw SessionFileError(file: file, message: "is not valid JSON (a number out of range); was it truncated?")
        }
        do {
            (document, _) = try migrator.migrate(document, from: version)
        } catch SessionMigrator.Failure.newer(let v) {
            throw fail("version", "is \(v), written by a newer DataJam (this one reads up to \(migrator.currentVersion)): upgrade datajam to open it")
        } catch SessionMigrator.Failure.unknown(let v) {
            throw fail("version", "\(v) is not a known format version (\(migrator.firstVersion) to \(migrator.currentVersion))")
        } catch SessionMigrator.Failure.stepFailed(let from, let reason) {
            throw fail("version", "could not upgrade from version \(from): \(reason)")
        } catch {
            throw fail("version", "\(error)")
        }
        let migrated: Data
        do {
            migrated = try JSONSerialization.data(withJSONObject: document)
        } catch {
            throw SessionFileError(file: file, message: "could not be read: \(error)")
        }
        return try decode(migrated, file: file)
    }

    static func describe(_ error: DecodingError, in tape: JSONTape, file: String) -> SessionFileError {
        switch error {
        case .typeMismatch(let type, let context):
            let path = DocumentPath(codingPath: context.codingPath)
            return SessionFileError(file: file, place: path.description,
                                    message: "expected \(typeName(type)), found \(tape.describe(tape.entry(at: path)))")
        case .valueNotFound(let type, let context):
            let path = DocumentPath(codingPath: context.codingPath)
            return SessionFileError(file: file, place: path.description, message: "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            let path = DocumentPath(codingPath: context.codingPath).key(key.stringValue)
            return SessionFileError(file: file, place: path.description, message: "is missing")
        case .dataCorrupted(let context):
            let path = DocumentPath(codingPath: context.codingPath)
            var message = context.debugDescription
            if message.hasPrefix("Cannot initialize") {
                message = "\(tape.describe(tape.entry(at: path))) is not one of the allowed values"
            }
            return SessionFileError(file: file, place: path.description, message: message)
        @unknown default:
            return SessionFileError(file: file, message: "could not be read: \(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Int64.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object (\(name))"
        }
    }

    /// The byte offset of the first invalid UTF-8 sequence, or nil when all of it is valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? { UTF8Check.firstInvalidOffset(bytes) }
}
