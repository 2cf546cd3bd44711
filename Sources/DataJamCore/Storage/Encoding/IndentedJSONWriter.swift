/// Writes a `JSONNode` the way session files are laid out: two-space indentation, `"key": value`,
/// keys sorted by their UTF-8 bytes, `[]` and `{}` for empty containers, a final newline (the
/// layout of Python's `json.dumps(indent=2, sort_keys=True)`, easy to read and to diff). Texts are
/// escaped as `JSONEncoder` escapes them with `.withoutEscapingSlashes` (`JSONTextEscape`).
struct IndentedJSONWriter {
    // Written by the writers of the hot types too (`FindingJSONWriter`), in files of their own.
    var bytes: [UInt8] = []
    /// The sorted order of recent key sequences: every finding encodes the same keys in the same
    /// order (give or take its absent optional fields), so the order is found once per shape.
    private var orders: [(keys: [String], order: [Int])] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    static func write(_ node: JSONNode, capacity: Int = 1 << 16) -> [UInt8] {
        var writer = IndentedJSONWriter(capacity: capacity)
        writer.write(node, depth: 0)
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.bytes
    }

    private mutating func newline(_ depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    mutating func write(_ node: JSONNode, depth: Int) {
        switch node {
        case .string(let text): write(text)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .bool(let value): bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .pending(let encoder): write(encoder.node ?? .object(JSONObjectNode()), depth: depth)
        case .findings(let findings): write(findings, depth: depth)
        case .array(let array):
            guard !array.elements.isEmpty else { bytes.append(contentsOf: "[]".utf8); return }
            bytes.append(UInt8(ascii: "["))
            for (i, element) in array.elements.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.members.isEmpty else { bytes.append(contentsOf: "{}".utf8); return }
            let members = object.members
            bytes.append(UInt8(ascii: "{"))
            for (i, index) in sortedOrder(of: members).enumerated() {
                let member = members[index]
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(member.key)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(0x20)
                write(member.value, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The indices of `members` in the order of their keys' UTF-8 bytes.
    private mutating func sortedOrder(of members: [(key: String, value: JSONNode)]) -> [Int] {
        for known in orders where known.keys.count == members.count
            && zip(known.keys, members).allSatisfy({ $0 == $1.key }) {
            return known.order
        }
        let order = members.indices.sorted { members[$0].key.utf8.lexicographicallyPrecedes(members[$1].key.utf8) }
        if orders.count == 32 { orders.removeFirst() }
        orders.append((members.map(\.key), order))
        return order
    }

    /// A text between quotes, escaped (`JSONTextEscape`). Most texts need no escape: their bytes
    /// are copied at once.
    private mutating func write(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard JSONTextEscape.needsEscape(utf8) else {
                bytes.append(contentsOf: utf8)
                return
            }
            let start = bytes.count, room = utf8.count * JSONTextEscape.maximumExpansion
            bytes.append(contentsOf: repeatElement(0, count: room))
            let written = bytes.withUnsafeMutableBufferPointer { JSONTextEscape.write(utf8, to: $0.baseAddress! + start) }
            bytes.removeLast(room - written)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
