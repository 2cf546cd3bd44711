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
}
