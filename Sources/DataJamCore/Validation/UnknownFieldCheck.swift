import Foundation

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

    private static let root = tree(ofSchema: SessionSchema.text)

    /// The walk's tree for a schema's text: the session file's, or another file's that follows
    /// the same rules (the programme file's).
    static func tree(ofSchema text: String) -> Node {
        let schema = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
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
    }

    /// The first unknown field, in document order (keys sorted), or nil.
    static func firstUnknownField(in document: Any) -> DocumentPath? {
        firstUnknownField(in: document, against: root)
    }

    static func firstUnknownField(in document: Any, against root: Node) -> DocumentPath? {
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
