@testable import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Findings are read straight from the tape, on every core (`TapeRecord`, `decodeList`): the
/// result must be exactly what the model's own `Decodable` gives, and a file must be refused with
/// exactly the line it always was, wherever in a long list the fault is.
final class FastFindingReadingTests: XCTestCase {
    private let codec = SessionCodec()

    /// The fast reading of one object's text, or nil when it leaves the object to `Decodable`.
    private func fast<T: TapeRecord>(_ type: T.Type, _ json: String) throws -> T? {
        let data = Data(json.utf8)
        return try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var builder = JSONTapeBuilder(bytes: bytes)
            try JSONScanner.scan(bytes, depthLimit: Limits.nestingDepth, into: &builder)
            return T.fromTape(TapeObject(tape: JSONTape(validatedUTF8: bytes, builder: builder), entry: 0))
        }
    }

    /// Random finding objects, from well-formed to odd: every optional field present, absent or
    /// null, escaped texts and keys, numbers in other spellings, unknown and missing fields,
    /// wrong types, timestamps with offsets and fractions.
    private func findingObjects(count: Int, seed: UInt64) -> [String] {
        var r = SeededGenerator(seed: seed)
        func text() -> String {
            r.pick(["\"Données ventilées\"", "\"المعلومة\"", "\"a \\\"quote\\\" and \\\\ \\n\"", "\"\\u00e9t\\u00e9\"",
                    "\"\\ud83d\\ude00\"", "\"\"", "\"   \"", "\"😀 emoji\""])
        }
        var clean = false
        func time() -> String {
            if clean { return r.pick(["\"2023-11-27T09:30:00.000Z\"", "\"2023-11-27T10:30:00.123456+01:00\"", "\"9999-12-31T23:59:59.999Z\""]) }
            return r.pick(["\"2023-11-27T09:30:00.000Z\"", "\"2023-11-27T09:30:00Z\"", "\"2023-11-27T10:30:00.123456+01:00\"",
                    "\"0001-01-01T00:00:00.000Z\"", "\"9999-12-31T23:59:59.999Z\"", "\"2023-11-27T09:30:00.000\\u005A\"",
                    "\"2023-02-30T00:00:00Z\"", "\"yesterday\"", "17", "null"])
        }
        func optional(_ value: () -> String) -> String? {
            switch r.below(4) {
            case 0: return nil
            case 1: return "null"
            default: return value()
            }
        }
        func number() -> String { clean ? r.pick(["1", "5", "0", "-3"]) : r.pick(["1", "5", "0", "-3", "5.0", "5e0", "4.5", "99999999999", "\"5\"", "null"]) }
        var objects: [String] = []
        for _ in 0..<count {
            // Half well-formed (what the fast reading must take), half with an oddity anywhere.
            clean = r.chance(50)
            func odd(_ percent: Int) -> Bool { !clean && r.chance(percent) }
            var members: [(String, String)] = []
            if !odd(3) { members.append(("id", !odd(5) ? "\"f-\(r.below(1000))\"" : "7")) }
            if !odd(3) { members.append(("kind", clean ? r.pick(["\"note\"", "\"data-need\"", "\"actor\""]) : r.pick(["\"note\"", "\"data-need\"", "\"actor\"", "\"constraint\"", "\"Note\"", "3", "null"]))) }
            if !odd(3) { members.append(("text", !odd(5) ? text() : "null")) }
            if !odd(3) { members.append(("gender", clean ? r.pick(["true", "false"]) : r.pick(["true", "false", "false", "0", "null"]))) }
            if !odd(3) { members.append(("createdAt", time())) }
            if !odd(3) { members.append(("updatedAt", time())) }
            for key in ["teamId", "category", "author", "samePointAs"] {
                if let value = optional({ !odd(5) ? text() : "[]" }) { members.append((key, value)) }
            }
            if let value = optional({ clean ? "\"re-user\"" : r.pick(["\"producer\"", "\"re-user\"", "\"reuser\""]) }) { members.append(("actorRole", value)) }
            if let value = optional(time) { members.append(("deletedAt", value)) }
            if let value = optional({
                var need: [(String, String)] = []
                if !odd(5) { need.append(("sexDisaggregation", clean ? "true" : r.pick(["true", "false", "null"]))) }
                if let v = optional(text) { need.append(("producer", v)) }
                if let v = optional(text) { need.append(("wantedFormat", v)) }
                if let v = optional({ clean ? "\"unusable-format\"" : r.pick(["\"available\"", "\"missing\"", "\"unusable-format\"", "\"lost\""]) }) { need.append(("availability", v)) }
                if let v = optional(number) { need.append(("relevance", v)) }
                if let v = optional(number) { need.append(("impact", v)) }
                if odd(5) { need.append(("extra", "1")) }
                return "{" + need.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
            }) { members.append(("dataNeed", value)) }
            if odd(5) { members.append(("mood", "\"x\"")) }
            if odd(5), let i = members.indices.randomElement(using: &r) {
                // The same key, written with an escape.
                members[i].0 = members[i].0.replacingOccurrences(of: "e", with: "\\u0065")
            }
            members.shuffle(using: &r)
            objects.append("{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        }
        return objects
    }

    func testTheFastReadingGivesWhatDecodableGivesOrLeavesItToDecodable() throws {
        var fastCount = 0, leftCount = 0
        for object in findingObjects(count: 4000, seed: 1212) {
            let expected = try? JSONDecoder().decode(Finding.self, from: Data(object.utf8))
            let read = try fast(Finding.self, object)
            if let read {
                fastCount += 1
                XCTAssertEqual(read, expected, "the fast reading differs from Decodable on \(object)")
            } else {
                leftCount += 1
            }
        }
        // Both ways are exercised: most well-formed findings go fast, the odd ones go to Decodable.
        XCTAssertGreaterThan(fastCount, 300)
        XCTAssertGreaterThan(leftCount, 300)
    }

    /// Should a field be added to `Finding` or `DataNeedDetails` without the fast reading knowing
    /// it, every finding would silently go the slow way: a finding with every field set is read fast.
    func testAFindingWithEveryFieldSetIsReadFast() throws {
        let finding = Finding(id: "f-1", teamId: "t-1", kind: .dataNeed, text: "Budget ouvert", category: "legal", gender: true,
                              author: "Amira", dataNeed: DataNeedDetails(producer: "INS", availability: .missing, wantedFormat: "CSV",
                                                                         sexDisaggregation: true, relevance: 5, impact: 4),
                              actorRole: .producer, samePointAs: "f-2", createdAt: WorkshopFixtures.time(1),
                              updatedAt: WorkshopFixtures.time(2), deletedAt: WorkshopFixtures.time(3))
        let encoder = JSONEncoder()
        let json = String(decoding: try encoder.encode(finding), as: UTF8.self)
        let mirror = Mirror(reflecting: finding)
        XCTAssertTrue(mirror.children.allSatisfy { child in
            guard let optional = child.value as? (any OptionalProtocol) else { return true }
            return optional.isSome
        }, "the finding above must set every field")
        XCTAssertEqual(try fast(Finding.self, json), finding)
    }

    /// A long list is read in parts on several threads; whatever the fast reading leaves is then
    /// decoded in order. Faults placed across the parts give the reference loader's first line.
    func testALongListReadInPartsIsRefusedAtTheFirstFaultAsBefore() throws {
        let workshop = WorkshopFixtures.large(findings: 3000, teams: 4)
        let valid = String(decoding: try codec.encode(workshop), as: UTF8.self)
        XCTAssertEqual(try codec.decode(Data(valid.utf8), file: "l.json"), workshop)
        XCTAssertGreaterThan(ParallelParts.ranges(3000).count, ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 : 0)

        func replacing(_ faults: [(Int, String, String)]) -> String {
            var text = valid
            for (index, old, new) in faults {
                let id = "\"id\": \"f-large-\(index)\""
                let range = text.range(of: id)!
                let object = text[..<range.lowerBound].range(of: "{", options: .backwards)!.lowerBound..<text[range.upperBound...].range(of: "}")!.upperBound
                text.replaceSubrange(object, with: text[object].replacingOccurrences(of: old, with: new))
            }
            return text
        }
        let cases: [[(Int, String, String)]] = [
            [(2900, "\"kind\": \"opportunity\"", "\"kind\": 3"), (1200, "\"gender\": false", "\"gender\": null")],
            [(2500, "\"author\": \"Rapporteur\"", "\"author\": \"Rapporteur\", \"mood\": 1")],
            [(2999, "\"author\": \"Rapporteur\"", "\"author\": \"Rapporteur\", \"mood\": 1"), (10, "\"author\": \"Rapporteur\"", "\"author\": \"Rapporteur\", \"aa\": 1")],
            [(1700, "\"kind\": \"opportunity\"", "\"k\\u0069nd\": \"opportunity\"")],
            [(1500, "\"kind\": \"opportunity\"", "\"kind\": \"data-need\", \"dataNeed\": {\"sexDisaggregation\": false, \"relevance\": 5.0}")],
            [(2200, "\"text\": \"", "\"text\": \"\\u00e9 "), (2201, "\"createdAt\": \"", "\"createdAt\": \"x")],
            [(1999, "\"id\": \"f-large-1999\"", "\"id\": \"f-large-3\"")],
            [(0, "\"gender\": false", "\"gender\": 1"), (2999, "\"gender\": false", "\"gender\": 1")],
        ]
        for faults in cases {
            let data = Data(replacing(faults).utf8)
            let mine: String
            do { mine = "loaded \(try codec.decode(data, file: "l.json").findings.count)" } catch { mine = "\(error)" }
            let theirs: String
            do { theirs = "loaded \(try ReferenceSessionDecoder.decode(data, file: "l.json").findings.count)" } catch { theirs = "\(error)" }
            XCTAssertEqual(mine, theirs, "\(faults)")
        }
    }

    /// The rules of each finding run in parts too, while the id index is built: their problems
    /// come back in file order, after the duplicate ids, as one list (a `samePointAs` looked up
    /// in the index afterwards keeps its place, last of its finding's).
    func testTheProblemsOfALongListComeInFileOrder() {
        var workshop = WorkshopFixtures.large(findings: 2500, teams: 3)
        workshop.findings[2400].text = " "
        workshop.findings[10].teamId = "t-gone"
        workshop.findings[1300].samePointAs = "f-large-1300"
        workshop.findings[1301].samePointAs = "f-nowhere"
        workshop.findings[1301].text = "  "
        workshop.findings[1302].samePointAs = "f-large-7"
        workshop.findings[2000].id = "f-large-5"
        let problems = SemanticValidator.problems(in: workshop).map(\.description)
        XCTAssertEqual(problems, [
            "findings[2000].id: duplicate id \"f-large-5\" (also at findings[5])",
            "findings[10].teamId: refers to team \"t-gone\", which is not in this file's teams",
            "findings[1300].samePointAs: refers to the finding itself",
            "findings[1301].text: must not be empty",
            "findings[1301].samePointAs: refers to finding \"f-nowhere\", which is not in this file",
            "findings[2400].text: must not be empty",
        ])
    }

    /// A finding's text must hold something visible: white space of any kind (tabs, line breaks,
    /// no-break and ideographic spaces, U+0085) is empty, a text starting with a visible
    /// character of any script is not, whatever follows.
    func testOnlyTextsOfWhiteSpaceAreEmpty() {
        let blank = ["", " ", "\t\n\r", "\u{A0}", "\u{85}", "\u{3000} \u{2003}", "\u{0B}\u{0C}", " \u{A0}\t"]
        let visible = ["a", "~", "!  ", "\u{7F}", "é", "الوصول", " x", "\u{A0}é", "\u{200B}", "\u{1}"]
        var workshop = WorkshopFixtures.large(findings: blank.count + visible.count, teams: 2)
        for (i, text) in (blank + visible).enumerated() { workshop.findings[i].text = text }
        let empty = SemanticValidator.problems(in: workshop).filter { $0.message == "must not be empty" }.map(\.path.description)
        XCTAssertEqual(empty, blank.indices.map { "findings[\($0)].text" })
    }

    /// UTF-8 is checked while a large file is scanned, on another core: a bad byte is still what
    /// is reported, even when the text is also broken further on.
    func testABadByteInALargeFileIsReportedBeforeItsSyntax() throws {
        let valid = try codec.encode(WorkshopFixtures.large(findings: 1000, teams: 2))
        XCTAssertGreaterThan(valid.count, 256 * 1024)
        var bad = valid
        bad[200_000] = 0xFF
        XCTAssertThrowsError(try codec.decode(bad, file: "b.json")) { error in
            XCTAssertEqual("\(error)", "b.json: is not valid UTF-8 (bad byte at offset 200000); save it as UTF-8")
        }
        bad[100] = UInt8(ascii: "}")
        XCTAssertThrowsError(try codec.decode(bad, file: "b.json")) { error in
            XCTAssertEqual("\(error)", "b.json: is not valid UTF-8 (bad byte at offset 200000); save it as UTF-8")
        }
        let broken = valid.prefix(300_000)
        XCTAssertThrowsError(try codec.decode(broken, file: "b.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("b.json: is not valid JSON ("), "\(error)")
        }
    }
}

private protocol OptionalProtocol { var isSome: Bool { get } }
extension Optional: OptionalProtocol { var isSome: Bool { self != nil } }
