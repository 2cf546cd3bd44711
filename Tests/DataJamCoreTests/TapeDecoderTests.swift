@testable import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The one-pass loader (scanner → tape → the model's own `Decodable`) against the loader it
/// replaced (`ReferenceSessionDecoder`: `JSONSerialization`, `JSONDecoder`, the schema walk): the
/// same files accepted as the same workshops, the same files refused with the same line.
final class TapeDecoderTests: XCTestCase {
    private let codec = SessionCodec()

    private enum Outcome {
        case accepted(Workshop)
        case refused(String)
    }

    private func outcome(_ body: () throws -> Workshop) -> Outcome {
        do { return .accepted(try body()) } catch { return .refused("\(error)") }
    }

    /// Where the two loaders are known to differ, on purpose: a number that is not a whole number
    /// (or too large) where one is expected was "(top level): The given data was not valid JSON."
    /// and is now named at its place; a number beyond any floating-point value was refused by
    /// `JSONSerialization` as "not valid JSON" with a made-up place.
    private func isDeliberateDifference(reference: String, tape: String) -> Bool {
        if reference.hasSuffix("(top level): The given data was not valid JSON.") {
            return tape.contains("expected a whole number, found the number") || tape.contains("is out of range")
        }
        return reference.contains("is not valid JSON (Foundation:")
    }

    func testSameOutcomeAsTheReferenceLoaderOnMutants() {
        var mutator = SessionMutator(seed: 12_012, seeds: SessionMutator.standardSeeds(generated: 20))
        var inputs = RepositoryPaths.sampleSessionFiles.compactMap { FileManager.default.contents(atPath: $0) }
        for _ in 0..<1500 { inputs.append(mutator.next()) }
        var accepted = 0, refused = 0
        for (n, data) in inputs.enumerated() {
            let label = "input \(n): \(String(decoding: data.prefix(160), as: UTF8.self))"
            let mine = outcome { try codec.decode(data, file: "m.json") }
            let theirs = outcome { try ReferenceSessionDecoder.decode(data, file: "m.json") }
            switch (mine, theirs) {
            case (.accepted(let a), .accepted(let b)):
                XCTAssertEqual(a, b, label)
                accepted += 1
            case (.refused(let a), .refused(let b)):
                refused += 1
                if a != b, !isDeliberateDifference(reference: b, tape: a) {
                    XCTFail("tape: \(a)\nreference: \(b)\n\(label)")
                }
            case (.accepted, .refused(let b)):
                XCTFail("the tape accepts what the reference refused (\(b)): \(label)")
            case (.refused(let a), .accepted):
                XCTFail("the tape refuses what the reference accepted (\(a)): \(label)")
            }
        }
        XCTAssertGreaterThan(accepted, 100)
        XCTAssertGreaterThan(refused, 100)
    }

    /// The hand-made broken files of `BrokenFileTests`, and a few more shapes, give the same line.
    func testSameMessagesOnHandMadeShapes() throws {
        let valid = String(decoding: try codec.encode(WorkshopFixtures.complete()), as: UTF8.self)
        let variants: [String] = [
            valid.replacingOccurrences(of: "\"gender\": false", with: "\"gender\": 0"),
            valid.replacingOccurrences(of: "\"gender\": false", with: "\"gender\": null"),
            valid.replacingOccurrences(of: "\"findings\": [", with: "\"findings\": [null, "),
            valid.replacingOccurrences(of: "\"findings\": [", with: "\"findings\": [3, "),
            valid.replacingOccurrences(of: "\"findings\": [", with: "\"findings\": [[], "),
            valid.replacingOccurrences(of: "\"synthesis\": {", with: "\"synthesis\": {\"extra\": {\"a\": 1}, "),
            valid.replacingOccurrences(of: "\"sexDisaggregation\": true", with: "\"sexDisaggregation\": true, \"zz\": null"),
            valid.replacingOccurrences(of: "\"relevance\": 5", with: "\"relevance\": 5.0"),
            valid.replacingOccurrences(of: "\"relevance\": 5", with: "\"relevance\": 5e0"),
            valid.replacingOccurrences(of: "\"relevance\": 5", with: "\"relevance\": \"5\""),
            valid.replacingOccurrences(of: "\"relevance\": 5", with: "\"relevance\": [5]"),
            valid.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1.0"),
            valid.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1e0"),
            valid.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 9223372036854775807"),
            valid.replacingOccurrences(of: "\"kind\": \"note\"", with: "\"kind\": 7"),
            valid.replacingOccurrences(of: "\"kind\": \"note\"", with: "\"k\\u0069nd\": \"note\""),
            valid.replacingOccurrences(of: "\"createdAt\": \"", with: "\"createdAt\": \"x"),
            valid.replacingOccurrences(of: "\"details\": {", with: "\"details\": {\"mood\": 1, \"aaa\": 2, "),
            "[]", "{}", "{\"format\": 3}", "{\"format\": \"datajam-session\", \"version\": 1.5}",
            "{\"format\": \"datajam-session\", \"version\": 1}", "{\"format\": \"datajam-session\", \"version\": 2}",
            "{\"format\": \"datajam-session\", \"version\": 0}", "{\"format\": \"datajam-session\", \"version\": -1}",
        ]
        for text in variants {
            let data = Data(text.utf8)
            let mine = outcome { try codec.decode(data, file: "m.json") }
            let theirs = outcome { try ReferenceSessionDecoder.decode(data, file: "m.json") }
            switch (mine, theirs) {
            case (.accepted(let a), .accepted(let b)): XCTAssertEqual(a, b, text)
            case (.refused(let a), .refused(let b)): XCTAssertEqual(a, b, String(text.prefix(200)))
            default: XCTFail("tape \(mine), reference \(theirs): \(text.prefix(200))")
            }
        }
    }

    /// `JSONSerialization` refused a lone value before the loader could name it, so a file holding
    /// only `5` was "not valid JSON (ends unexpectedly at line 1, column 2)".
    func testALoneValueIsNamed() {
        for (text, named) in [("5", "the number 5"), ("\"text\"", "the text \"text\""), ("null", "null"), ("true", "true")] {
            XCTAssertThrowsError(try codec.decode(Data(text.utf8), file: "v.json")) { error in
                XCTAssertEqual("\(error)", "v.json: is \(named), not a session file (expected an object with \"format\": \"datajam-session\")")
            }
        }
    }

    func testANumberThatIsNotWholeIsNamedAtItsPlace() throws {
        let valid = String(decoding: try codec.encode(WorkshopFixtures.complete()), as: UTF8.self)
        func error(_ text: String) -> String {
            do { _ = try codec.decode(Data(text.utf8), file: "b.json"); return "loaded" } catch { return error.description }
        }
        XCTAssertEqual(error(valid.replacingOccurrences(of: "\"relevance\": 5", with: "\"relevance\": 4.5")),
                       "b.json: findings[2].dataNeed.relevance: expected a whole number, found the number 4.5")
        XCTAssertEqual(error(valid.replacingOccurrences(of: "\"relevance\": 5", with: "\"relevance\": 99999999999999999999")),
                       "b.json: findings[2].dataNeed.relevance: the number 99999999999999999999 is out of range")
        XCTAssertEqual(error(valid.replacingOccurrences(of: "\"relevance\": 5", with: "\"relevance\": 5.000")), "loaded",
                       "a whole number written with a fraction, as JSONDecoder read it")
    }

    /// Unknown fields are the keys the model never asked for: that is the schema's list of fields
    /// only if the model and the schema name the same fields, object by object. Every key name the
    /// model asks for, present in the file or not, is compared with the schema's properties.
    func testTheModelAsksForExactlyTheSchemasFields() throws {
        var workshop = WorkshopFixtures.complete()
        // Objects of every definition: a deleted, folded team and category, a synthesis item in
        // each section, a partnership, an outline item.
        workshop.synthesis.results = [SynthesisItem(text: "r")]
        workshop.synthesis.difficulties = [SynthesisItem(text: "d")]
        workshop.synthesis.improvements = [SynthesisItem(text: "i")]
        workshop.synthesis.recommendations = [SynthesisItem(text: "c")]
        workshop.synthesis.partnerships = [Partnership(producer: "INS", reuser: "ONG")]
        workshop.sessions[0].outline = [OutlineItem(title: "t", points: ["p"])]
        let data = try codec.encode(workshop)
        let asked = try data.withUnsafeBytes { raw -> [String: Set<String>] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var builder = JSONTapeBuilder(bytes: bytes)
            try JSONScanner.scan(bytes, depthLimit: Limits.nestingDepth, into: &builder)
            let tape = JSONTape(validatedUTF8: bytes, builder: builder)
            let decoding = TapeDecoding(tape: tape)
            decoding.shared.recordsAskedNames = true
            _ = try decoding.decode(Workshop.self)
            // By schema definition: the object's path with list indices left out.
            var fields: [String: Set<String>] = [:]
            for (object, names) in decoding.shared.askedNames {
                let shape = tape.path(to: object).steps.compactMap { step -> String? in
                    if case .key(let k) = step { return k } else { return nil }
                }.joined(separator: ".")
                fields[shape, default: []].formUnion(names)
            }
            return fields
        }
        let schema = try JSONSerialization.jsonObject(with: Data(SessionSchema.text.utf8)) as! [String: Any]
        let defs = schema["$defs"] as! [String: Any]
        func resolved(_ node: [String: Any]) -> [String: Any] {
            if let ref = node["$ref"] as? String { return resolved(defs[String(ref.dropFirst("#/$defs/".count))] as! [String: Any]) }
            if let items = node["items"] as? [String: Any] { return resolved(items) }
            return node
        }
        func node(at shape: String) -> [String: Any] {
            var current = schema
            for key in shape.split(separator: ".") where !key.isEmpty {
                current = resolved((resolved(current)["properties"] as! [String: Any])[String(key)] as! [String: Any])
            }
            return resolved(current)
        }
        let expectedShapes = ["", "details", "participantGroups", "sessions", "sessions.outline", "plenary", "teams", "categories",
                              "findings", "findings.dataNeed", "synthesis", "synthesis.recommendations", "synthesis.partnerships",
                              "synthesis.results", "synthesis.difficulties", "synthesis.improvements"]
        XCTAssertEqual(Set(asked.keys), Set(expectedShapes))
        for (shape, names) in asked {
            let properties = Set((node(at: shape)["properties"] as? [String: Any] ?? [:]).keys)
            XCTAssertEqual(names, properties, "\(shape.isEmpty ? "(top level)" : shape): the model's fields and the schema's differ")
        }
    }

    /// The first unknown field in document order, an object's own before those of the objects in
    /// it (the schema walk went through sibling objects in dictionary order: it could name either).
    func testTheFirstUnknownFieldInDocumentOrderIsReported() throws {
        let valid = String(decoding: try codec.encode(WorkshopFixtures.complete()), as: UTF8.self)
        func error(_ text: String) -> String {
            do { _ = try codec.decode(Data(text.utf8), file: "u.json"); return "loaded" } catch { return error.description }
        }
        let suffix = ": unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)"
        let inner = valid.replacingOccurrences(of: "\"sexDisaggregation\": true", with: "\"sexDisaggregation\": true, \"inner\": 1")
        XCTAssertEqual(error(inner.replacingOccurrences(of: "\"synthesis\": {", with: "\"synthesis\": {\"zouter\": 1, \"outer\": 2, ")),
                       "u.json: findings[2].dataNeed.inner" + suffix)
        XCTAssertEqual(error(inner.replacingOccurrences(of: "\"details\": {", with: "\"details\": {\"zz\": 1, ")),
                       "u.json: details.zz" + suffix)
        XCTAssertEqual(error(inner.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1, \"zz\": null, \"aa\": 1")),
                       "u.json: aa" + suffix)
    }

    /// The model does not use `superEncoder` / `superDecoder`, but a type added later may: they
    /// work as `JSONEncoder` / `JSONDecoder` make them work (a "super" key), and never trap.
    func testSuperCodersWriteAndReadTheSuperKey() throws {
        struct Child: Codable, Equatable {
            var a: Int
            var inherited: [String]
            enum CodingKeys: String, CodingKey { case a }
            init(a: Int, inherited: [String]) { self.a = a; self.inherited = inherited }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                a = try container.decode(Int.self, forKey: .a)
                inherited = try [String](from: container.superDecoder())
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(a, forKey: .a)
                try inherited.encode(to: container.superEncoder())
            }
        }
        let value = [Child(a: 1, inherited: ["x", "y"]), Child(a: 2, inherited: [])]
        let written = IndentedJSONWriter.write(try SortedKeysEncoder.node(of: value))
        let reference = JSONEncoder()
        reference.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        XCTAssertEqual(String(decoding: written, as: UTF8.self),
                       String(decoding: ReferenceJSONLayout.indent(try reference.encode(value)), as: UTF8.self))
        let read = try written.withUnsafeBufferPointer { bytes -> [Child] in
            var builder = JSONTapeBuilder(bytes: bytes)
            try JSONScanner.scan(bytes, depthLimit: 8, into: &builder)
            return try TapeDecoding(tape: JSONTape(validatedUTF8: bytes, builder: builder)).decode([Child].self)
        }
        XCTAssertEqual(read, value)
    }

    /// Texts are made from the tape's bytes without checking their UTF-8 again: each must be the
    /// very text written (bytes, characters, comparisons and hashes as Swift's own), whatever it
    /// holds: accents, Arabic, emoji, combining marks, escapes, nothing.
    func testTextsReadFromTheTapeAreTheTextsWritten() throws {
        var random = SeededRandom(seed: 31)
        let pieces = ["a", "Z", " ", "é", "e\u{301}", "ß", "الوصول", "ﻻ", "中", "👍🏽", "🇹🇳", "\u{200F}", "\"", "\\", "\n", "\u{1}", "/", "\u{7F}", "\u{FEFF}"]
        for _ in 0..<400 {
            let texts = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                (0..<Int.random(in: 0...20, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
            let bytes = [UInt8](try JSONSerialization.data(withJSONObject: texts))
            let read = try bytes.withUnsafeBufferPointer { buffer -> [String] in
                XCTAssertNil(UTF8Check.firstInvalidOffset(buffer))
                var builder = JSONTapeBuilder(bytes: buffer)
                try JSONScanner.scan(buffer, depthLimit: 8, into: &builder)
                let tape = JSONTape(validatedUTF8: buffer, builder: builder)
                return (0..<texts.count).map { tape.text($0 + 1) }
            }
            XCTAssertEqual(read, texts)
            for (mine, theirs) in zip(read, texts) {
                XCTAssertEqual(Array(mine.utf8), Array(theirs.utf8))
                XCTAssertEqual(mine.count, theirs.count, theirs)
                XCTAssertEqual(mine.hashValue, theirs.hashValue, theirs)
                XCTAssertEqual(mine.uppercased(), theirs.uppercased(), theirs)
            }
        }
    }

    func testUTF8CheckFindsTheSameOffsetAsTheStandardDecoder() {
        var random = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x41], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80], [0x80], [0xFF], [0xE2, 0x82], [0xF5]]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<30, using: &random) {
                bytes += Bool.random(using: &random) ? Array("abcdefghij".utf8.prefix(Int.random(in: 1...10, using: &random)))
                                                    : pieces.randomElement(using: &random)!
            }
            XCTAssertEqual(UTF8Check.firstInvalidOffset(bytes), ReferenceSessionDecoder.firstInvalidUTF8Offset(bytes), "\(bytes)")
        }
    }

    /// Beyond sixteen keys an object's keys go in a set: a duplicate far down is still found,
    /// and one written with an escape too.
    func testDuplicateKeysInManyKeyedObjects() {
        let keys = (0..<40).map { "\"k\($0)\": 0" }.joined(separator: ", ")
        XCTAssertEqual(JSONScanner.problem(in: Array("{\(keys), \"k33\": 1}".utf8), depthLimit: 8),
                       .duplicateKey(path: DocumentPath(), key: "k33"))
        XCTAssertEqual(JSONScanner.problem(in: Array("{\"a\": {\(keys), \"k\\u0033\": 1}}".utf8), depthLimit: 8),
                       .duplicateKey(path: DocumentPath([.key("a")]), key: "k3"))
        XCTAssertNil(JSONScanner.problem(in: Array("[{\(keys)}, {\(keys)}]".utf8), depthLimit: 8))
    }
}
