import Foundation

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
