import Foundation

/// A model type that also reads itself straight from a tape object, for the lists that make up
/// nearly all of a large file (the findings): no generic containers, no coding path kept, each
/// member looked at once.
///
/// The fast reading only ever says "here is exactly the value `Decodable` would give" or "not me":
/// it returns nil for anything out of the ordinary (a key it does not know, a missing field, a
/// wrong type, a number written `1.0`, an escaped timestamp), and the caller then decodes that
/// element through `Decodable`, which gives the value or says what is wrong, at its place, as
/// before. So the messages, the unknown-field check and the values stay those of the model's own
/// `Codable` conformance; a test holds the two readings equal on generated and mutated records.
protocol TapeRecord: Decodable {
    /// The value of the object at `entry`, or nil when `Decodable` must decide.
    static func fromTape(_ object: TapeObject) -> Self?
}

/// One object of a tape, read member by member.
struct TapeObject {
    let tape: JSONTape
    let entry: Int

    /// Calls `body` with each member's key entry and value entry, in file order; stops and returns
    /// false as soon as `body` does.
    @inline(__always)
    func forEachMember(_ body: (_ key: Int, _ value: Int) -> Bool) -> Bool {
        guard tape.entries[entry].kind == .object else { return false }
        let end = Int(tape.entries[entry].end)
        var key = entry + 1
        while key < end {
            guard body(key, key + 1) else { return false }
            key = tape.next(after: key + 1)
        }
        return true
    }

    /// The key's bytes when it holds no escape (a key written with one is left to `Decodable`).
    @inline(__always)
    func plainKey(_ key: Int) -> UnsafeBufferPointer<UInt8>? {
        let e = tape.entries[key]
        guard !e.escaped else { return nil }
        return UnsafeBufferPointer(rebasing: tape.bytes[Int(e.start)..<Int(e.end)])
    }

    // Values as the synthesized `Decodable` reads them; nil means "let `Decodable` decide".

    @inline(__always)
    func string(_ value: Int) -> String? {
        tape.entries[value].kind == .string ? tape.text(value) : nil
    }

    /// An optional text: absent or null is nil (`decodeIfPresent`). The outer nil means "not a text".
    @inline(__always)
    func optionalString(_ value: Int) -> String?? {
        switch tape.entries[value].kind {
        case .string: return .some(tape.text(value))
        case .null: return .some(nil)
        default: return nil
        }
    }

    @inline(__always)
    func bool(_ value: Int) -> Bool? {
        switch tape.entries[value].kind {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    /// A whole number written as plain digits that fits (anything else goes to `Decodable`).
    @inline(__always)
    func optionalInt(_ value: Int) -> Int?? {
        switch tape.entries[value].kind {
        case .null: return .some(nil)
        case .number: return TapePrimitives.digits(tape.raw(value)).map { .some($0) }
        default: return nil
        }
    }

    @inline(__always)
    func timestamp(_ value: Int) -> Timestamp? {
        let e = tape.entries[value]
        guard e.kind == .string, !e.escaped else { return nil }
        guard case .success(let moment) = Timestamp.parse(utf8: UnsafeBufferPointer(rebasing: tape.bytes[Int(e.start)..<Int(e.end)])) else { return nil }
        return moment
    }

    @inline(__always)
    func optionalTimestamp(_ value: Int) -> Timestamp?? {
        if tape.entries[value].kind == .null { return .some(nil) }
        return timestamp(value).map { .some($0) }
    }

    /// A text enumeration's case, by its raw value, compared as bytes (no string made).
    @inline(__always)
    func enumeration<E>(_ value: Int, _ cases: TapeCases<E>) -> E? {
        let e = tape.entries[value]
        guard e.kind == .string, !e.escaped else { return nil }
        return cases.match(UnsafeBufferPointer(rebasing: tape.bytes[Int(e.start)..<Int(e.end)]))
    }

    @inline(__always)
    func optionalEnumeration<E>(_ value: Int, _ cases: TapeCases<E>) -> E?? {
        if tape.entries[value].kind == .null { return .some(nil) }
        return enumeration(value, cases).map { .some($0) }
    }
}

/// The cases of a text enumeration by the bytes of their raw values, made once per type.
struct TapeCases<E>: Sendable where E: CaseIterable & RawRepresentable & Sendable, E.RawValue == String {
    private let cases: [(bytes: [UInt8], value: E)]

    init(_ type: E.Type) { cases = E.allCases.map { (Array($0.rawValue.utf8), $0) } }

    @inline(__always)
    func match(_ raw: UnsafeBufferPointer<UInt8>) -> E? {
        for (bytes, value) in cases where bytes.count == raw.count {
            if bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) { return value }
        }
        return nil
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether these bytes spell `name` (a key compared without making a string).
    @inline(__always)
    func spells(_ name: StaticString) -> Bool {
        count == name.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, name.utf8Start, count) == 0)
    }
}
