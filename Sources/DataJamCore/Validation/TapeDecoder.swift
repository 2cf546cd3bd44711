import Foundation

/// Decodes any `Decodable` (the model's own conformances, untouched) straight from a `JSONTape`:
/// no tree of Foundation objects, no second parse, and texts are unescaped only when read.
///
/// It behaves as `JSONDecoder` does where the loader's messages depend on it: the same error
/// cases with the same types and coding paths, whole numbers written `1.0` or `1e2` accepted. One
/// deliberate difference: a number that is not a whole number where one is expected is reported
/// at its place (`JSONDecoder` said "The given data was not valid JSON." with no place).
///
/// It also remembers which keys of which objects the model asked for, so that the fields the model
/// does not know are found without walking the document again (`unknownField`).
struct TapeDecoding {
    let shared: Shared

    init(tape: JSONTape) { shared = Shared(tape: tape) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: TapeDecoder(state: PathState(shared: shared, path: []), entry: 0, depth: 0))
    }

    /// The first key that no decoding code asked for, in an object the model decoded: in document
    /// order (an object's own keys before those of the objects inside it), the first of an
    /// object's such keys in sorted order. A key present with null counts: the field would
    /// vanish at the next save.
    func unknownField() -> DocumentPath? {
        let tape = shared.tape
        for object in shared.openedObjects.sorted() {
            var unknown: [String] = []
            var key = object + 1
            let end = Int(tape.entries[object].end)
            while key < end {
                if !shared.askedKeys[key] { unknown.append(tape.text(key)) }
                key = tape.next(after: key + 1)
            }
            if let first = unknown.min() { return tape.path(to: object).key(first) }
        }
        return nil
    }

    /// What every decoder and container of one decoding shares: the tape, and what was asked of it.
    final class Shared {
        let tape: JSONTape
        /// By entry index: the key entries some decoding code looked up. A buffer of its own
        /// rather than an array: it is written at every field, and an array property of a class
        /// pays an exclusivity check and a uniqueness check at each write.
        let askedKeys: UnsafeMutableBufferPointer<Bool>
        /// The objects decoded through a keyed container, by entry index.
        var openedObjects: [Int] = []
        /// For tests: every key name asked of each object, present in it or not (by entry index).
        var recordsAskedNames = false
        var askedNames: [Int: Set<String>] = [:]

        init(tape: JSONTape) {
            self.tape = tape
            askedKeys = .allocate(capacity: tape.entries.count)
            askedKeys.initialize(repeating: false)
        }

        deinit { askedKeys.deallocate() }
    }

    /// The coding path of the value being decoded, as a stack: a decoder at depth d owns its first
    /// d steps, and a child pushes its own step for as long as it decodes. Building a path array
    /// for every value (as `JSONDecoder` does) cost an allocation per field; here the path is
    /// copied only when an error or a caller asks for it.
    final class PathState {
        let shared: Shared
        var path: [any CodingKey]

        init(shared: Shared, path: [any CodingKey]) {
            self.shared = shared
            self.path = path
        }

        func codingPath(_ depth: Int) -> [any CodingKey] { Array(path.prefix(depth)) }

        /// Decodes the child `key` (or index) of the value at `depth`.
        @inline(__always)
        func child<T>(_ key: any CodingKey, at depth: Int, _ body: () throws -> T) rethrows -> T {
            if path.count > depth { path.removeSubrange(depth...) }
            path.append(key)
            defer { path.removeLast() }
            return try body()
        }

        /// A state of its own for a nested container, which outlives the call that made it and so
        /// cannot share the stack.
        func detached(_ depth: Int, adding key: any CodingKey) -> PathState {
            PathState(shared: shared, path: codingPath(depth) + [key])
        }
    }
}

/// An array element's place in a coding path, named as `JSONDecoder` names it ("Index 3").
struct TapeIndexKey: CodingKey {
    let index: Int
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { index = intValue }
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
}

/// A key read from the file, for `allKeys` and errors.
struct TapeTextKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    var intValue: Int? { nil }
}

/// Decoding one value of the tape. Three words, so that passing it as `any Decoder` needs no
/// allocation.
struct TapeDecoder: Decoder {
    let state: TapeDecoding.PathState
    let entry: Int
    let depth: Int

    var codingPath: [any CodingKey] { state.codingPath(depth) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let tape = state.shared.tape
        switch tape.entries[entry].kind {
        case .object:
            state.shared.openedObjects.append(entry)
            return KeyedDecodingContainer(TapeKeyedContainer<Key>(state: state, object: entry, depth: depth))
        case .null:
            throw DecodingError.valueNotFound([String: Any].self, DecodingError.Context(
                codingPath: codingPath, debugDescription: "Cannot get keyed decoding container -- found null value instead"))
        default:
            throw TapePrimitives.mismatch([String: Any].self, entry, state.shared.tape, codingPath)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let tape = state.shared.tape
        switch tape.entries[entry].kind {
        case .array:
            return TapeUnkeyedContainer(state: state, array: entry, depth: depth)
        case .null:
            throw DecodingError.valueNotFound([Any].self, DecodingError.Context(
                codingPath: codingPath, debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
        default:
            throw TapePrimitives.mismatch([Any].self, entry, tape, codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(state: state, entry: entry, depth: depth)
    }
}

/// Reading texts, numbers and booleans from tape entries, with `JSONDecoder`'s errors.
enum TapePrimitives {
    static func mismatch(_ type: Any.Type, _ entry: Int, _ tape: JSONTape, _ path: @autoclosure () -> [any CodingKey]) -> DecodingError {
        let found: String
        switch tape.entries[entry].kind {
        case .object: found = "a dictionary"
        case .array: found = "an array"
        case .string: found = "a string"
        case .number: found = "number"
        case .true, .false: found = "bool"
        case .null: found = "null"
        }
        return DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: path(), debugDescription: "Expected to decode \(type) but found \(found) instead."))
    }

    static func null(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        DecodingError.valueNotFound(type, DecodingError.Context(
            codingPath: path, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
    }

    @inline(__always)
    static func string(_ entry: Int, _ tape: JSONTape, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        switch tape.entries[entry].kind {
        case .string: return tape.text(entry)
        case .null: throw null(String.self, path())
        default: throw mismatch(String.self, entry, tape, path())
        }
    }

    @inline(__always)
    static func bool(_ entry: Int, _ tape: JSONTape, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch tape.entries[entry].kind {
        case .true: return true
        case .false: return false
        case .null: throw null(Bool.self, path())
        default: throw mismatch(Bool.self, entry, tape, path())
        }
    }

    /// A whole number as `JSONDecoder` reads one: digits, or any number form whose value is whole
    /// (`1.0`, `1e2`).
    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ entry: Int, _ tape: JSONTape, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        switch tape.entries[entry].kind {
        case .number: break
        case .null: throw null(T.self, path())
        default: throw mismatch(T.self, entry, tape, path())
        }
        let raw = tape.raw(entry)
        if let value: T = digits(raw) { return value }
        let text = String(decoding: UnsafeBufferPointer(rebasing: raw), as: UTF8.self)
        let isInteger = !raw.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        if !isInteger, let double = Double(text), double.isFinite, let value = T(exactly: double) { return value }
        let message = isInteger ? "the number \(text) is out of range" : "expected a whole number, found the number \(text)"
        throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: message))
    }

    /// `-?[0-9]+` that fits in `T`, else nil.
    @inline(__always)
    static func digits<T: FixedWidthInteger>(_ raw: JSONScanner.Bytes) -> T? {
        var i = raw.startIndex
        let negative = raw[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < raw.endIndex else { return nil }
        var value: T = 0
        while i < raw.endIndex {
            let digit = raw[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(T(digit)) : times10.addingReportingOverflow(T(digit))
            guard !o1, !o2 else { return nil }
            value = next
            i += 1
        }
        return value
    }

    static func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type, _ entry: Int, _ tape: JSONTape, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        switch tape.entries[entry].kind {
        case .number: break
        case .null: throw null(T.self, path())
        default: throw mismatch(T.self, entry, tape, path())
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: tape.raw(entry)), as: UTF8.self)
        guard let value = T(text), value.isFinite else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: "the number \(text) is out of range"))
        }
        return value
    }
}
