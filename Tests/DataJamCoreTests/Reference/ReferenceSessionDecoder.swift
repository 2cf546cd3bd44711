@testable import DataJamCore
import Foundation

/// The loader as it was before the tape (up to commit 76ecd54): Foundation's `JSONSerialization`
/// tree, `JSONDecoder`, and the JSON Schema walked alongside the tree for unknown fields. Kept
/// only as the reference the tape decoder is compared with (`TapeDecoderTests`).
enum ReferenceSessionDecoder {
    static func decode(_ data: Data, file: String, migrator: SessionMigrator = .standard) throws -> Workshop {
        func fail(_ place: String, _ message: String) -> SessionFileError {
            SessionFileError(file: file, place: place, message: message)
        }
        func fail(_ message: String) -> SessionFileError { SessionFileError(file: file, message: message) }
        guard data.count <= Limits.fileBytes else {
            throw fail("is \(data.count / 1_048_576) MiB; a session file is at most \(Limits.fileBytes / 1_048_576) MiB")
        }
        guard !data.isEmpty else { throw fail("is empty, not a session file (was it truncated? restore it from a copy)") }
        let bytes = [UInt8](data)
        if let bad = firstInvalidUTF8Offset(bytes) {
            throw fail("is not valid UTF-8 (bad byte at offset \(bad)); save it as UTF-8")
        }
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
            throw fail("is not valid JSON (Foundation: \(error)); was it truncated?")
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
        }
        let workshop: Workshop
        do {
            let input = migrated ? try JSONSerialization.data(withJSONObject: document) : data
            workshop = try JSONDecoder().decode(Workshop.self, from: input)
        } catch let error as DecodingError {
            throw describe(error, in: document, file: file)
        }
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

    static func typeName(_ type: Any.Type) -> String {
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

    /// The scalar-by-scalar check the loader used.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
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
}


/// Helpers over the untyped tree `JSONSerialization` returns, used to check a file's shape
/// before and after decoding it into the model.
enum JSONTree {
    /// The value at `path`, or nil.
    static func value(at path: DocumentPath, in root: Any) -> Any? {
        var current: Any = root
        for step in path.steps {
            switch step {
            case .key(let k):
                guard let object = current as? [String: Any], let next = object[k] else { return nil }
                current = next
            case .index(let i):
                guard let array = current as? [Any], array.indices.contains(i) else { return nil }
                current = array[i]
            }
        }
        return current
    }

    /// How a reader would name a JSON value's type: "text", "a number", "a list", …
    static func describe(_ value: Any?) -> String {
        guard let value else { return "nothing" }
        switch value {
        case is NSNull: return "null"
        case let s as String: return "the text \"\(s.prefix(30))\(s.count > 30 ? "…" : "")\""
        case let n as NSNumber:
            // JSONSerialization's booleans are NSNumbers of type "c" (char).
            if String(cString: n.objCType) == "c" { return n.boolValue ? "true" : "false" }
            return "the number \(n)"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        default: return "\(type(of: value))"
        }
    }
}


/// Finds fields the session format does not define, by walking the document alongside the JSON
/// Schema's `properties` and `items`. A field the model does not know would be silently dropped by
/// the next save, so loading refuses it. Walking the schema keeps one list of fields (the schema)
/// and costs one pass over the document.
enum UnknownFieldCheck {
    /// The schema reduced to what the walk needs, resolved once.
    final class Node: @unchecked Sendable {
        var properties: [String: Node] = [:]
        var closed = false
        var items: Node?
    }

    private static let root: Node = {
        let schema = (try? JSONSerialization.jsonObject(with: Data(SessionSchema.text.utf8))) as? [String: Any] ?? [:]
        let defs = schema["$defs"] as? [String: Any] ?? [:]
        var resolved: [String: Node] = [:]
        func build(_ raw: [String: Any]) -> Node {
            if let ref = raw["$ref"] as? String, ref.hasPrefix("#/$defs/") {
                let name = String(ref.dropFirst("#/$defs/".count))
                if let done = resolved[name] { return done }
                let node = Node()
                resolved[name] = node
                let built = build(defs[name] as? [String: Any] ?? [:])
                node.properties = built.properties
                node.closed = built.closed
                node.items = built.items
                return node
            }
            let node = Node()
            node.closed = (raw["additionalProperties"] as? Bool) == false
            for (key, value) in raw["properties"] as? [String: Any] ?? [:] {
                if let child = value as? [String: Any] { node.properties[key] = build(child) }
            }
            if let items = raw["items"] as? [String: Any] { node.items = build(items) }
            return node
        }
        return build(schema)
    }()

    /// The first unknown field, in document order (keys sorted), or nil.
    static func firstUnknownField(in document: Any) -> DocumentPath? {
        check(document, against: root, at: DocumentPath())
    }

    private static func check(_ value: Any, against node: Node, at path: DocumentPath) -> DocumentPath? {
        if !node.properties.isEmpty, let object = value as? [String: Any] {
            // Sorted only when something is wrong, to report the first unknown field stably. A null
            // value counts too: the field would still vanish at the next save.
            if node.closed, object.keys.contains(where: { node.properties[$0] == nil }),
               let key = object.keys.sorted().first(where: { node.properties[$0] == nil }) {
                return path.key(key)
            }
            for (key, child) in object {
                guard let childNode = node.properties[key], !(childNode.properties.isEmpty && childNode.items == nil) else { continue }
                if let found = check(child, against: childNode, at: path.key(key)) { return found }
            }
        } else if let items = node.items, !(items.properties.isEmpty && items.items == nil), let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                if let found = check(element, against: items, at: path.index(index)) { return found }
            }
        }
        return nil
    }
}

/// The writer the session files had before `IndentedJSONWriter`: `JSONEncoder` (sorted keys, slashes
/// unescaped), then this re-indentation of its compact output.
enum ReferenceJSONLayout {
    static func indent(_ compact: Data) -> Data {
        let input = [UInt8](compact)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 2)
        var depth = 0
        var inString = false
        var escaped = false
        var i = 0
        func newline() {
            out.append(0x0A)
            for _ in 0..<(depth * 2) { out.append(0x20) }
        }
        while i < input.count {
            let byte = input[i]
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i + 1 < input.count, input[i + 1] == close {
                    out.append(byte)
                    out.append(close)
                    i += 2
                    continue
                }
                out.append(byte)
                depth += 1
                newline()
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(byte)
                out.append(0x20)
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            default:
                out.append(byte)
            }
            i += 1
        }
        out.append(0x0A)
        return Data(out)
    }
}

enum ReferenceSessionEncoder {
    static func encode(_ workshop: Workshop) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ReferenceJSONLayout.indent(try encoder.encode(workshop))
    }
}
