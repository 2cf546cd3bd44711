@testable import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The scanner's events describe the whole document: a sink that builds values from them gets
/// what Foundation's parser gets, on the samples and on seeded mutants. That is what lets a sink
/// replace the second parse later; and whatever the scanner accepts, Foundation accepts too.
final class JSONScannerTests: XCTestCase {
    /// A value rebuilt from the events, comparable with what `JSONSerialization` returns.
    private indirect enum Value: Equatable {
        case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])

        init(foundation: Any) {
            switch foundation {
            case is NSNull: self = .null
            case let s as String: self = .string(s)
            case let n as NSNumber:
                self = String(cString: n.objCType) == "c" ? .bool(n.boolValue) : .number(n.doubleValue)
            case let a as [Any]: self = .array(a.map(Value.init(foundation:)))
            case let o as [String: Any]: self = .object(o.mapValues(Value.init(foundation:)))
            default: self = .string("?\(type(of: foundation))")
            }
        }
    }

    private struct TreeSink: JSONEventSink {
        enum Open { case array([Value]), object([String: Value], key: String?) }
        var stack: [Open] = []
        var result: Value?

        mutating func add(_ value: Value) {
            guard let top = stack.popLast() else { result = value; return }
            switch top {
            case .array(var list): list.append(value); stack.append(.array(list))
            case .object(var members, let key): members[key ?? ""] = value; stack.append(.object(members, key: nil))
            }
        }
        mutating func beginObject() { stack.append(.object([:], key: nil)) }
        mutating func key(_ raw: JSONScanner.Bytes, escaped: Bool) {
            if case .object(let members, _)? = stack.popLast() { stack.append(.object(members, key: JSONScanner.text(of: raw))) }
        }
        mutating func endObject() { if case .object(let members, _)? = stack.popLast() { add(.object(members)) } }
        mutating func beginArray() { stack.append(.array([])) }
        mutating func endArray() { if case .array(let list)? = stack.popLast() { add(.array(list)) } }
        mutating func string(_ raw: JSONScanner.Bytes, escaped: Bool) { add(.string(JSONScanner.text(of: raw))) }
        mutating func number(_ text: JSONScanner.Bytes) { add(.number(Double(String(decoding: text, as: UTF8.self)) ?? .nan)) }
        mutating func bool(_ value: Bool) { add(.bool(value)) }
        mutating func null() { add(.null) }
    }

    private func scanned(_ data: Data) -> Value? {
        var sink = TreeSink()
        do {
            try JSONScanner.scan([UInt8](data), depthLimit: 64, into: &sink)
            return sink.result
        } catch {
            return nil
        }
    }

    func testEventsRebuildWhatFoundationReads() throws {
        var mutator = SessionMutator(seed: 77, seeds: SessionMutator.standardSeeds(generated: 6))
        var inputs = RepositoryPaths.sampleSessionFiles.compactMap { FileManager.default.contents(atPath: $0) }
        inputs += [#"{"a": "\u00e9\ud83d\ude00\n\t\"\\\/", "b": [1, -0.5, 2e3, true, false, null, {}, []]}"#,
                   #"["\u0000", "e\u0301", "\u202e"]"#, "  7  ", #""""#].map { Data($0.utf8) }
        for _ in 0..<400 { inputs.append(mutator.next()) }
        var compared = 0
        for data in inputs {
            // The scanner reads text the codec has already checked to be UTF-8.
            guard UTF8Check.firstInvalidOffset([UInt8](data)) == nil, let mine = scanned(data) else { continue }
            let parsed = Result { try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) }
            guard case .success(let theirs) = parsed else {
                XCTFail("the scanner accepts what Foundation refuses (\(parsed)): \(String(decoding: data.prefix(200), as: UTF8.self))")
                continue
            }
            XCTAssertEqual(mine, Value(foundation: theirs), String(decoding: data.prefix(200), as: UTF8.self))
            compared += 1
        }
        XCTAssertGreaterThan(compared, 100)
    }

    func testDuplicateKeysAreFoundAtAnyDepthWithTheirPath() {
        func problem(_ json: String) -> JSONScanner.Problem? { JSONScanner.problem(in: Array(json.utf8), depthLimit: 32) }
        XCTAssertEqual(problem(#"{"a": 1, "a": 1}"#), .duplicateKey(path: DocumentPath(), key: "a"))
        XCTAssertEqual(problem(#"{"x": [{}, {"b": {"c": 1, "\u0063": 2}}]}"#),
                       .duplicateKey(path: DocumentPath([.key("x"), .index(1), .key("b")]), key: "c"))
        XCTAssertNil(problem(#"{"a": {"a": {"a": 1}}, "b": [{"a": 1}, {"a": 1}]}"#), "the same key in different objects is fine")
        XCTAssertEqual(problem(String(repeating: "[", count: 33) + String(repeating: "]", count: 33)), .tooDeep(limit: 32))
        XCTAssertNil(problem(String(repeating: "[", count: 32) + String(repeating: "]", count: 32)))
    }

    /// Keys are summarised per object (a bit by length, first and last byte) and compared only
    /// when their bit is already set: generated objects of keys that share lengths and ends,
    /// escaped spellings and empty keys, nested, must be refused exactly when two keys of one
    /// object read the same, at the first such key.
    func testDuplicateKeysAgainstSetsOfTheirTexts() {
        var random = SeededRandom(seed: 12)
        let spellings: [(raw: String, text: String)] = [
            ("a", "a"), ("b", "b"), ("ab", "ab"), ("ba", "ba"), ("aa", "aa"), ("", ""), ("k3", "k3"), (#"k\u0033"#, "k3"),
            (#"\u0061"#, "a"), ("createdAt", "createdAt"), ("updatedAt", "updatedAt"), ("cxxxxxxxt", "cxxxxxxxt"),
            ("teamId", "teamId"), ("tbbbId", "tbbbId"), (#"a\/b"#, "a/b"), ("a/b", "a/b"), ("é", "é"), (#"\u00e9"#, "é"),
        ]
        for _ in 0..<3000 {
            var firstDuplicate: JSONScanner.Problem?
            func object(depth: Int, path: [DocumentPath.Step]) -> String {
                var seen = Set<String>(), members: [String] = []
                for _ in 0..<Int.random(in: 0...(depth == 0 ? 20 : 6), using: &random) {
                    let key = spellings.randomElement(using: &random)!
                    if !seen.insert(key.text).inserted, firstDuplicate == nil {
                        firstDuplicate = .duplicateKey(path: DocumentPath(path), key: key.text)
                    }
                    let value = depth < 2 && Bool.random(using: &random) ? object(depth: depth + 1, path: path + [.key(key.text)]) : "1"
                    members.append("\"\(key.raw)\": \(value)")
                    if firstDuplicate != nil { break }
                }
                return "{" + members.joined(separator: ", ") + "}"
            }
            let json = object(depth: 0, path: [])
            XCTAssertEqual(JSONScanner.problem(in: Array(json.utf8), depthLimit: 32), firstDuplicate, json)
        }
    }

    /// Texts are read sixteen bytes, then eight, at a time up to the first byte that needs a look:
    /// a raw control character, a quote or an escape at any place of a long text, near the ends
    /// of those blocks too, is found where it is.
    func testEveryPlaceInALongTextIsLookedAt() {
        for length in [1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47] {
            for place in 0..<length {
                var text = Array(String(repeating: "é-x", count: length).utf8.prefix(length))
                if text[place] & 0xC0 == 0x80 { continue }  // keep the UTF-8 whole around the change
                if place + 1 < length, text[place + 1] & 0xC0 == 0x80 { continue }
                text[place] = 0x09
                let json = Array("[\"".utf8) + text + Array("\"]".utf8)
                guard case .syntax(let what, _, let column)? = JSONScanner.problem(in: json, depthLimit: 8) else {
                    return XCTFail("a tab at \(place) of \(length) bytes was taken")
                }
                XCTAssertEqual(what, "a control character inside a text (write it as an escape)")
                XCTAssertEqual(column, 3 + String(decoding: text.prefix(place), as: UTF8.self).count, "\(place) of \(length)")
                text[place] = UInt8(ascii: "\"")
                XCTAssertNotNil(JSONScanner.problem(in: Array("[\"".utf8) + text + Array("\"]".utf8), depthLimit: 8),
                                "a quote at \(place) of \(length) ends the text early")
                text[place] = UInt8(ascii: "\\")
                if place + 1 < length {
                    text[place + 1] = UInt8(ascii: "n")
                    XCTAssertNil(JSONScanner.problem(in: Array("[\"".utf8) + text + Array("\"]".utf8), depthLimit: 8), "\(place) of \(length)")
                }
            }
        }
    }
}
