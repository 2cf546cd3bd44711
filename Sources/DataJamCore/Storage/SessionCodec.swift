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
    /// diff-friendly (see `JSONLayout`).
    public func encode(_ workshop: Workshop) throws -> Data {
        JSONLayout.indent(try Self.encoder.encode(workshop))
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    // MARK: Reading

    public func decode(_ data: Data, file: String) throws(SessionFileError) -> Workshop {
        func fail(_ place: String, _ message: String) -> SessionFileError {
            SessionFileError(file: file, place: place, message: message)
        }
        func fail(_ message: String) -> SessionFileError { SessionFileError(file: file, message: message) }
        guard data.count <= Limits.fileBytes else {
            throw fail("is \(data.count / 1_048_576) MiB; a session file is at most \(Limits.fileBytes / 1_048_576) MiB")
        }
        guard !data.isEmpty else { throw fail("is empty, not a session file (was it truncated? restore it from a copy)") }
        let bytes = [UInt8](data)
        if let bad = Self.firstInvalidUTF8Offset(bytes) {
            throw fail("is not valid UTF-8 (bad byte at offset \(bad)); save it as UTF-8")
        }
        // Strict syntax first: lenient readers accept duplicate keys and then disagree on which
        // value counts (the version check could read one and the decoder the other).
        switch JSONScanner.problem(in: bytes, depthLimit: Limits.nestingDepth) {
        case nil: break
        case .tooDeep(let limit)?:
            throw fail("nests lists and objects more than \(limit) deep; not a session file")
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
            throw fail("is not valid JSON (\(Self.syntaxErrorLocation(error, bytes: bytes))); was it truncated?")
        }
        guard var document = tree as? [String: Any] else {
            throw fail("is \(JSONTree.describe(tree)), not a session file (expected an object with \"format\": \"\(SessionFormat.name)\")")
        }
        guard let format = document["format"] as? String, format == SessionFormat.name else {
            throw fail("format", "must be \"\(SessionFormat.name)\", found \(JSONTree.describe(document["format"])): not a DataJam session file")
        }
        guard let number = document["version"] as? NSNumber, String(cString: number.objCType) != "c",
              let version = Int(exactly: number.doubleValue) else {
            throw fail("version", "must be a whole number, found \(JSONTree.describe(document["version"]))")
        }
        var migrated = false
        do {
            (document, migrated) = try migrator.migrate(document, from: version)
        } catch SessionMigrator.Failure.newer(let v) {
            throw fail("version", "is \(v), written by a newer DataJam (this one reads up to \(migrator.currentVersion)): upgrade datajam to open it")
        } catch SessionMigrator.Failure.unknown(let v) {
            throw fail("version", "\(v) is not a known format version (\(migrator.firstVersion) to \(migrator.currentVersion))")
        } catch SessionMigrator.Failure.stepFailed(let from, let reason) {
            throw fail("version", "could not upgrade from version \(from): \(reason)")
        } catch {
            throw fail("version", "\(error)")
        }

        let workshop: Workshop
        do {
            let input = migrated ? try JSONSerialization.data(withJSONObject: document) : data
            workshop = try JSONDecoder().decode(Workshop.self, from: input)
        } catch let error as DecodingError {
            throw Self.describe(error, in: document, file: file)
        } catch {
            throw fail("could not be read: \(error)")
        }

        // A field the model does not know would be lost at the next save: refuse rather than drop it.
        if let unknown = UnknownFieldCheck.firstUnknownField(in: document) {
            throw fail(unknown.description, "unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)")
        }
        if let problem = SemanticValidator.problems(in: workshop).first {
            throw fail(problem.path.description, problem.message)
        }
        return workshop
    }

    static func describe(_ error: DecodingError, in document: Any, file: String) -> SessionFileError {
        switch error {
        case .typeMismatch(let type, let context):
            let path = DocumentPath(codingPath: context.codingPath)
            let found = JSONTree.value(at: path, in: document)
            return SessionFileError(file: file, place: path.description,
                                    message: "expected \(typeName(type)), found \(JSONTree.describe(found))")
        case .valueNotFound(let type, let context):
            let path = DocumentPath(codingPath: context.codingPath)
            return SessionFileError(file: file, place: path.description, message: "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            let path = DocumentPath(codingPath: context.codingPath).key(key.stringValue)
            return SessionFileError(file: file, place: path.description, message: "is missing")
        case .dataCorrupted(let context):
            let path = DocumentPath(codingPath: context.codingPath)
            let found = JSONTree.value(at: path, in: document)
            var message = context.debugDescription
            if message.hasPrefix("Cannot initialize") {
                message = "\(JSONTree.describe(found)) is not one of the allowed values"
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
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        // Walk scalar by scalar; UTF8 decoding reports an error at the first bad sequence.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// "unexpected character at line 3, column 14" from Foundation's "around character N" text;
    /// the end of the file when the parser ran out of input.
    private static func syntaxErrorLocation(_ error: Error, bytes: [UInt8]) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        var offset = bytes.count
        var what = "ends unexpectedly"
        if let range = text.range(of: #"character (\d+)"#, options: .regularExpression),
           let at = Int(text[range].dropFirst("character ".count)), at < bytes.count {
            offset = at
            what = "unexpected character"
        }
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return "\(what) at line \(line), column \(column)"
    }
}
