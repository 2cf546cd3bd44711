/// Encodes any `Encodable` (the model's own conformances, untouched) into a `JSONNode` tree that
/// `IndentedJSONWriter` writes as a session file. It replaces `JSONEncoder` + `JSONLayout`: those
/// built a tree of their own, hashed every key to sort it, wrote compact text, then re-read it
/// all to indent it, about twice the work of reading the file.
///
/// Numbers are written as `JSONEncoder` writes them (integers in decimal, a whole `Double`
/// without a fraction); the writer escapes texts as it does.
final class SortedKeysEncoder: Encoder {
    /// The value this encoder was given, once its `encode(to:)` asked for a container.
    fileprivate(set) var node: JSONNode?
    private let parent: SortedKeysEncoder?
    private let key: (any CodingKey)?

    init() {
        parent = nil
        key = nil
    }

    fileprivate init(parent: SortedKeysEncoder, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    /// Built only when asked (errors): each encoder knows its parent and its own key.
    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: SortedKeysEncoder? = self
        while let encoder = current, let key = encoder.key {
            path.append(key)
            current = encoder.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The node of `value`, encoded as the child `key` of this encoder's value. A value that asks
    /// for no container is an empty object, as `JSONEncoder` writes it.
    fileprivate func child<T: Encodable>(_ value: T, key: any CodingKey) throws -> JSONNode {
        // The findings skip the tree (see `FindingJSONWriter`). The type is compared, not cast: an
        // empty array of any type would cast to `[Finding]`.
        if T.self == [Finding].self, let findings = value as? [Finding], FindingJSONWriter.canWrite(findings) {
            return .findings(findings)
        }
        let encoder = SortedKeysEncoder(parent: self, key: key)
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONObjectNode())
    }

    static func node<T: Encodable>(of value: T) throws -> JSONNode {
        let encoder = SortedKeysEncoder()
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONObjectNode())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObjectNode
        if case .object(let existing)? = node {
            object = existing
        } else {
            object = JSONObjectNode()
            node = .object(object)
        }
        return KeyedEncodingContainer(SortedKeysObjectContainer<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArrayNode
        if case .array(let existing)? = node {
            array = existing
        } else {
            array = JSONArrayNode()
            node = .array(array)
        }
        return SortedKeysArrayContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SortedKeysValueContainer(encoder: self)
    }

    fileprivate func set(_ value: JSONNode) { node = value }
}

/// The text of a number as `JSONEncoder` writes it.
enum JSONNumberText {
    static func of<T: BinaryInteger>(_ value: T) -> JSONNode { .number(String(value)) }

    static func of(_ value: Double) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        if value == value.rounded(), abs(value) < 1e15 {
            return .number(value == 0 && value.sign == .minus ? "-0" : String(Int64(value)))
        }
        return .number("\(value)")
    }
}

private struct SortedKeysObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: SortedKeysEncoder
    let object: JSONObjectNode

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func add(_ key: Key, _ value: JSONNode) { object.members.append((key.stringValue, value)) }
    private func add(_ key: any CodingKey, _ value: JSONNode) { object.members.append((key.stringValue, value)) }

    mutating func encodeNil(forKey key: Key) throws { add(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(key, try JSONNumberText.of(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(key, try JSONNumberText.of(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, JSONNumberText.of(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(key, try encoder.child(value, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectNode()
        add(key, .object(nested))
        return KeyedEncodingContainer(SortedKeysObjectContainer<NestedKey>(encoder: SortedKeysEncoder.nested(encoder, key), object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayNode()
        add(key, .array(nested))
        return SortedKeysArrayContainer(encoder: SortedKeysEncoder.nested(encoder, key), array: nested)
    }

    /// Under the key "super", as `JSONEncoder` writes it (the model's keys need not include it).
    mutating func superEncoder() -> any Encoder { superEncoder(under: TapeTextKey(stringValue: "super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(under: key) }

    private mutating func superEncoder(under key: any CodingKey) -> any Encoder {
        // Filled after this call returns: the object reads it when it is written.
        let child = SortedKeysEncoder.nested(encoder, key)
        add(key, .pending(child))
        return child
    }
}

extension SortedKeysEncoder {
    fileprivate static func nested(_ parent: SortedKeysEncoder, _ key: any CodingKey) -> SortedKeysEncoder {
        SortedKeysEncoder(parent: parent, key: key)
    }
}

private struct SortedKeysArrayContainer: UnkeyedEncodingContainer {
    let encoder: SortedKeysEncoder
    let array: JSONArrayNode

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.elements.count }

    private func add(_ value: JSONNode) { array.elements.append(value) }

    mutating func encodeNil() throws { add(.null) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(try JSONNumberText.of(value)) }
    mutating func encode(_ value: Float) throws { add(try JSONNumberText.of(Double(value))) }
    mutating func encode(_ value: Int) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: Int8) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: Int16) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: Int32) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: Int64) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt8) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt16) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt32) throws { add(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt64) throws { add(JSONNumberText.of(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try encoder.child(value, key: TapeIndexKey(count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectNode()
        let key = TapeIndexKey(count)
        add(.object(nested))
        return KeyedEncodingContainer(SortedKeysObjectContainer<NestedKey>(encoder: SortedKeysEncoder.nested(encoder, key), object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayNode()
        let key = TapeIndexKey(count)
        add(.array(nested))
        return SortedKeysArrayContainer(encoder: SortedKeysEncoder.nested(encoder, key), array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let child = SortedKeysEncoder.nested(encoder, TapeIndexKey(count))
        add(.pending(child))
        return child
    }
}

private struct SortedKeysValueContainer: SingleValueEncodingContainer {
    let encoder: SortedKeysEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.set(.null) }
    mutating func encode(_ value: Bool) throws { encoder.set(.bool(value)) }
    mutating func encode(_ value: String) throws { encoder.set(.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.set(try JSONNumberText.of(value)) }
    mutating func encode(_ value: Float) throws { encoder.set(try JSONNumberText.of(Double(value))) }
    mutating func encode(_ value: Int) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: Int8) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: Int16) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: Int32) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: Int64) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.set(JSONNumberText.of(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.set(JSONNumberText.of(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        // The same value, not a child: no step in the coding path.
        try value.encode(to: encoder)
    }
}
