import Foundation

/// What every file DataJam reads goes through before its own rules (session files, the programme
/// file): size, UTF-8, strict JSON in one pass (nesting depth, syntax, duplicate keys in any
/// object) into a flat tape, an object at the top; then the model decoded from the tape, every
/// field's type checked, and the fields the model never asked for refused, even when null (a save
/// would drop them). Each problem is one line naming the file and the place.
enum StrictDocument {
    /// Runs `read` over the bytes of `data` without copying them: the tape points into them, so
    /// everything read from it must be done inside.
    static func withBytes<Model>(of data: Data, _ read: (UnsafeBufferPointer<UInt8>) throws(SessionFileError) -> Model) throws(SessionFileError) -> Model {
        let result: Result<Model, SessionFileError> = data.withUnsafeBytes { raw in
            do throws(SessionFileError) {
                return .success(try read(raw.bindMemory(to: UInt8.self)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The tape of `bytes`, or the first problem. `kind` names the file in messages ("session
    /// file"); `formatName` is the `format` its top-level object must carry.
    static func tape(of bytes: UnsafeBufferPointer<UInt8>, file: String, kind: String, formatName: String) throws(SessionFileError) -> JSONTape {
        func fail(_ message: String) -> SessionFileError { SessionFileError(file: file, message: message) }
        guard bytes.count <= Limits.fileBytes else {
            throw fail("is \(bytes.count / 1_048_576) MiB; a \(kind) is at most \(Limits.fileBytes / 1_048_576) MiB")
        }
        guard !bytes.isEmpty else { throw fail("is empty, not a \(kind) (was it truncated? restore it from a copy)") }
        // Strict syntax: lenient readers accept duplicate keys and then disagree on which value
        // counts (the version check could read one and the decoder the other). A large file is
        // checked for UTF-8 on another core while it is scanned; a bad byte is still what is
        // reported first.
        var builder = JSONTapeBuilder(bytes: bytes)
        var badByte: Int?
        var scanProblem: JSONScanner.Problem?
        func scan() {
            do { try JSONScanner.scan(bytes, depthLimit: Limits.nestingDepth, into: &builder) } catch { scanProblem = error }
        }
        if bytes.count >= 256 * 1024 {
            ParallelParts.both(scan) { badByte = UTF8Check.firstInvalidOffset(bytes) }
        } else {
            badByte = UTF8Check.firstInvalidOffset(bytes)
            if badByte == nil { scan() }
        }
        if let bad = badByte {
            throw fail("is not valid UTF-8 (bad byte at offset \(bad)); save it as UTF-8")
        }
        if let error = scanProblem {
            switch error {
            case .tooDeep(let limit):
                throw fail("nests lists and objects more than \(limit) deep; not a \(kind)")
            case .syntax(let what, let line, let column):
                throw fail("is not valid JSON (\(what) at line \(line), column \(column)); was it truncated?")
            case .duplicateKey(let path, let key):
                let place = path.steps.isEmpty ? nil : path.description
                throw SessionFileError(file: file, place: place,
                                       message: "duplicate key \"\(key.prefix(40))\": readers disagree on which value counts; keep one")
            }
        }
        let tape = JSONTape(validatedUTF8: bytes, builder: builder)
        guard tape.entries[0].kind == .object else {
            throw fail("is \(tape.describe(0)), not a \(kind) (expected an object with \"format\": \"\(formatName)\")")
        }
        return tape
    }

    /// The top-level `format`'s text, nil when it is missing or not a text.
    static func format(in tape: JSONTape) -> String? {
        guard let entry = tape.entry(at: DocumentPath([.key("format")])), tape.entries[entry].kind == .string else { return nil }
        return tape.text(entry)
    }

    /// The top-level `version` as a whole number (1.0 and 1e0 are version 1, as Foundation reads
    /// them), or the one-line problem.
    static func version(in tape: JSONTape, file: String) throws(SessionFileError) -> Int {
        let entry = tape.entry(at: DocumentPath([.key("version")]))
        guard let entry, tape.entries[entry].kind == .number,
              let number = Double(String(decoding: UnsafeBufferPointer(rebasing: tape.raw(entry)), as: UTF8.self)),
              let version = Int(exactly: number) else {
            throw SessionFileError(file: file, place: "version", message: "must be a whole number, found \(tape.describe(entry))")
        }
        return version
    }

    /// The model decoded from `tape`, every field checked; a field it does not know is refused.
    static func decode<Model: Decodable>(_ type: Model.Type, from tape: JSONTape, file: String) throws(SessionFileError) -> Model {
        let decoding = TapeDecoding(tape: tape)
        let model: Model
        do {
            model = try decoding.decode(Model.self)
        } catch let error as DecodingError {
            throw describe(error, in: tape, file: file)
        } catch {
            throw SessionFileError(file: file, message: "could not be read: \(error)")
        }
        // A field the model does not know would be lost at the next save: refuse rather than drop it.
        if let unknown = decoding.unknownField() {
            throw SessionFileError(file: file, place: unknown.description,
                                   message: "unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)")
        }
        return model
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
}
