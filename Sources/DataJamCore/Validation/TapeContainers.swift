import Foundation

// The three kinds of containers over a `JSONTape`, for `TapeDecoder`. Their `decode` overloads
// for each standard type are spelled out because the protocols require them one by one.

/// An object's members, looked up by key; marks each key the model asks for, present or not,
/// so that the ones it never asks for are its unknown fields.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let state: TapeDecoding.PathState
    let object: Int
    let depth: Int

    var codingPath: [any CodingKey] { state.codingPath(depth) }

    var allKeys: [Key] {
        state.shared.tape.memberKeys(of: object).compactMap { index in
            state.shared.askedKeys[index] = true
            return Key(stringValue: state.shared.tape.text(index))
        }
    }

    /// The value entry of `key`, or nil when the object has no such member. A linear search: a
    /// model object has a dozen fields, and most keys differ in length or first byte.
    @inline(__always)
    private func value(_ key: Key) -> Int? {
        var name = key.stringValue
        if state.shared.recordsAskedNames { state.shared.askedNames[object, default: []].insert(name) }
        let tape = state.shared.tape
        let found: Int? = name.withUTF8 { utf8 in
            let end = Int(tape.entries[object].end)
            var i = object + 1
            while i < end {
                let entry = tape.entries[i]
                if entry.escaped {
                    if tape.text(i, equals: utf8) { return i }
                } else if Int(entry.end &- entry.start) == utf8.count,
                          utf8.isEmpty || (tape.bytes[Int(entry.start)] == utf8[0] && tape.text(i, equals: utf8)) {
                    return i
                }
                i = tape.next(after: i + 1)
            }
            return nil
        }
        guard let found else { return nil }
        state.shared.askedKeys[found] = true
        return found + 1
    }

    private func required(_ key: Key) throws -> Int {
        guard let entry = value(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return entry
    }

    /// Where the value of `key` is, for errors.
    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        state.shared.tape.entries[try required(key)].kind == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try TapePrimitives.bool(try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try TapePrimitives.string(try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try TapePrimitives.integer(Int.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try TapePrimitives.integer(Int8.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try TapePrimitives.integer(Int16.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try TapePrimitives.integer(Int32.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try TapePrimitives.integer(Int64.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try TapePrimitives.integer(UInt.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try TapePrimitives.integer(UInt8.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try TapePrimitives.integer(UInt16.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try TapePrimitives.integer(UInt32.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try TapePrimitives.integer(UInt64.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try TapePrimitives.floatingPoint(Double.self, try required(key), state.shared.tape, path(key))
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try TapePrimitives.floatingPoint(Float.self, try required(key), state.shared.tape, path(key))
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let entry = try required(key)
        // The findings: read fast, on every core (see `TapeRecord`). Not while a test records the
        // names the model asks for, which only `Decodable` asks. The type is compared, as the
        // encoder does for the same list: a cast to a protocol searched the binary's conformance
        // records once for every type decoded here, on the way to the first frame.
        if T.self == [Finding].self, state.shared.tape.entries[entry].kind == .array, !state.shared.recordsAskedNames {
            return try state.child(key, at: depth) {
                try [Finding].decodeList(entry, tape: state.shared.tape) { index, element, body in
                    try state.child(TapeIndexKey(index), at: depth + 1) {
                        try body(TapeDecoder(state: state, entry: element, depth: depth + 2))
                    }
                } as! T
            }
        }
        return try state.child(key, at: depth) { try T(from: TapeDecoder(state: state, entry: entry, depth: depth + 1)) }
    }

    // Absent or null: nil. One lookup instead of the three of the protocol's default
    // (`contains`, `decodeNil`, `decode`).

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let entry = value(key), state.shared.tape.entries[entry].kind != .null else { return nil }
        return try TapePrimitives.string(entry, state.shared.tape, path(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let entry = value(key), state.shared.tape.entries[entry].kind != .null else { return nil }
        return try TapePrimitives.bool(entry, state.shared.tape, path(key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let entry = value(key), state.shared.tape.entries[entry].kind != .null else { return nil }
        return try TapePrimitives.integer(Int.self, entry, state.shared.tape, path(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let entry = value(key), state.shared.tape.entries[entry].kind != .null else { return nil }
        return try state.child(key, at: depth) { try T(from: TapeDecoder(state: state, entry: entry, depth: depth + 1)) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let entry = try required(key)
        return try TapeDecoder(state: state.detached(depth, adding: key), entry: entry, depth: depth + 1).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let entry = try required(key)
        return try TapeDecoder(state: state.detached(depth, adding: key), entry: entry, depth: depth + 1).unkeyedContainer()
    }

    /// The value of the key "super", as `JSONDecoder` reads it (the model's keys need not include it).
    func superDecoder() throws -> any Decoder {
        let key = TapeTextKey(stringValue: "super")
        var name = key.stringValue
        let tape = state.shared.tape
        let found = name.withUTF8 { utf8 in tape.memberKeys(of: object).first { tape.text($0, equals: utf8) } }
        guard let found else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "No value associated with key \"super\"."))
        }
        state.shared.askedKeys[found] = true
        return TapeDecoder(state: state.detached(depth, adding: key), entry: found + 1, depth: depth + 1)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let entry = try required(key)
        return TapeDecoder(state: state.detached(depth, adding: key), entry: entry, depth: depth + 1)
    }
}

/// An array's elements, in order.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let state: TapeDecoding.PathState
    let depth: Int
    let count: Int?
    private(set) var currentIndex = 0
    /// The entry of the next element.
    private var cursor: Int

    init(state: TapeDecoding.PathState, array: Int, depth: Int) {
        self.state = state
        self.depth = depth
        count = Int(state.shared.tape.entries[array].count)
        cursor = array + 1
    }

    var codingPath: [any CodingKey] { state.codingPath(depth) }
    var isAtEnd: Bool { currentIndex >= count! }

    /// The next element's entry, after checking there is one; moves past it.
    private mutating func next(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [TapeIndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        let entry = cursor
        cursor = state.shared.tape.next(after: cursor)
        currentIndex += 1
        return entry
    }

    private func path(_ index: Int) -> [any CodingKey] { codingPath + [TapeIndexKey(index)] }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, state.shared.tape.entries[cursor].kind == .null else {
            if isAtEnd { _ = try next(Any?.self) }
            return false
        }
        _ = try next(Any?.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let index = currentIndex
        return try TapePrimitives.bool(try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let index = currentIndex
        return try TapePrimitives.string(try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        let index = currentIndex
        return try TapePrimitives.integer(Int.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        let index = currentIndex
        return try TapePrimitives.integer(Int8.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let index = currentIndex
        return try TapePrimitives.integer(Int16.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let index = currentIndex
        return try TapePrimitives.integer(Int32.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let index = currentIndex
        return try TapePrimitives.integer(Int64.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: UInt.Type) throws -> UInt {
        let index = currentIndex
        return try TapePrimitives.integer(UInt.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let index = currentIndex
        return try TapePrimitives.integer(UInt8.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let index = currentIndex
        return try TapePrimitives.integer(UInt16.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let index = currentIndex
        return try TapePrimitives.integer(UInt32.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let index = currentIndex
        return try TapePrimitives.integer(UInt64.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let index = currentIndex
        return try TapePrimitives.floatingPoint(Double.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        let index = currentIndex
        return try TapePrimitives.floatingPoint(Float.self, try next(type), state.shared.tape, path(index))
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let index = currentIndex
        let entry = try next(type)
        return try state.child(TapeIndexKey(index), at: depth) { [state, depth] in
            try T(from: TapeDecoder(state: state, entry: entry, depth: depth + 1))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let index = currentIndex
        let entry = try next(type)
        return try TapeDecoder(state: state.detached(depth, adding: TapeIndexKey(index)), entry: entry, depth: depth + 1).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let index = currentIndex
        let entry = try next([Any].self)
        return try TapeDecoder(state: state.detached(depth, adding: TapeIndexKey(index)), entry: entry, depth: depth + 1).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let index = currentIndex
        let entry = try next(Any.self)
        return TapeDecoder(state: state.detached(depth, adding: TapeIndexKey(index)), entry: entry, depth: depth + 1)
    }
}

/// One value.
struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let state: TapeDecoding.PathState
    let entry: Int
    let depth: Int

    var codingPath: [any CodingKey] { state.codingPath(depth) }

    func decodeNil() -> Bool { state.shared.tape.entries[entry].kind == .null }

    func decode(_ type: Bool.Type) throws -> Bool { try TapePrimitives.bool(entry, state.shared.tape, codingPath) }

    func decode(_ type: String.Type) throws -> String { try TapePrimitives.string(entry, state.shared.tape, codingPath) }

    func decode(_ type: Int.Type) throws -> Int { try TapePrimitives.integer(Int.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: Int8.Type) throws -> Int8 { try TapePrimitives.integer(Int8.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: Int16.Type) throws -> Int16 { try TapePrimitives.integer(Int16.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: Int32.Type) throws -> Int32 { try TapePrimitives.integer(Int32.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: Int64.Type) throws -> Int64 { try TapePrimitives.integer(Int64.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: UInt.Type) throws -> UInt { try TapePrimitives.integer(UInt.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: UInt8.Type) throws -> UInt8 { try TapePrimitives.integer(UInt8.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: UInt16.Type) throws -> UInt16 { try TapePrimitives.integer(UInt16.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: UInt32.Type) throws -> UInt32 { try TapePrimitives.integer(UInt32.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: UInt64.Type) throws -> UInt64 { try TapePrimitives.integer(UInt64.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: Double.Type) throws -> Double { try TapePrimitives.floatingPoint(Double.self, entry, state.shared.tape, codingPath) }

    func decode(_ type: Float.Type) throws -> Float { try TapePrimitives.floatingPoint(Float.self, entry, state.shared.tape, codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: TapeDecoder(state: state, entry: entry, depth: depth))
    }
}
