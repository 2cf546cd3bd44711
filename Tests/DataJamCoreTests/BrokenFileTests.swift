import DataJamCore
import Foundation
import TestSupport
import XCTest

/// A corpus of broken session files: each must fail with one line naming the file, the place in it
/// and the fault, never crash, never load partially.
final class BrokenFileTests: XCTestCase {
    private let codec = SessionCodec()

    private var validData: Data { try! codec.encode(WorkshopFixtures.complete()) }

    private func tree() -> [String: Any] {
        try! JSONSerialization.jsonObject(with: validData) as! [String: Any]
    }

    private func data(_ tree: Any) -> Data { try! JSONSerialization.data(withJSONObject: tree) }

    /// Applies `change` to the valid fixture's JSON tree and returns the decode error's text.
    private func error(_ change: (inout [String: Any]) -> Void) -> String {
        var t = tree()
        change(&t)
        return error(data(t))
    }

    private func error(_ data: Data) -> String {
        do {
            _ = try codec.decode(data, file: "Sessions/broken.json")
            return "loaded"
        } catch {
            XCTAssertFalse(error.description.contains("\n"), "one line: \(error.description)")
            XCTAssertTrue(error.description.hasPrefix("Sessions/broken.json: "), error.description)
            return error.description
        }
    }

    private func findings(_ t: inout [String: Any], _ change: (inout [[String: Any]]) -> Void) {
        var list = t["findings"] as! [[String: Any]]
        change(&list)
        t["findings"] = list
    }

    func testEmptyAndTruncatedFiles() {
        XCTAssertEqual(error(Data()), "Sessions/broken.json: is empty, not a session file (was it truncated? restore it from a copy)")
        let truncated = error(validData.prefix(validData.count / 2))
        XCTAssertTrue(truncated.contains("is not valid JSON"), truncated)
        XCTAssertTrue(truncated.contains("ends unexpectedly at line "), truncated)
        XCTAssertEqual(error(Data("{\n  \"format\": \"datajam-session\",\n  \"version\": 1,,\n}".utf8)),
                       "Sessions/broken.json: is not valid JSON (unexpected character at line 3, column 16); was it truncated?")
        XCTAssertTrue(error(Data("   ".utf8)).contains("is not valid JSON"))
    }

    func testNotASessionFile() {
        XCTAssertEqual(error(Data("[1, 2]".utf8)),
                       "Sessions/broken.json: is a list, not a session file (expected an object with \"format\": \"datajam-session\")")
        XCTAssertTrue(error(Data("{\"a\": 1}".utf8)).contains("format: must be \"datajam-session\""))
        XCTAssertTrue(error { $0["format"] = "other" }.contains("format: must be \"datajam-session\", found the text \"other\""))
    }

    func testVersions() {
        XCTAssertEqual(error { $0["version"] = 99 },
                       "Sessions/broken.json: version: is 99, written by a newer DataJam (this one reads up to 1): upgrade datajam to open it")
        XCTAssertTrue(error { $0["version"] = 0 }.contains("version: 0 is not a known format version"))
        XCTAssertTrue(error { $0["version"] = "1" }.contains("version: must be a whole number, found the text \"1\""))
        XCTAssertTrue(error { $0["version"] = 1.5 }.contains("version: must be a whole number"))
        XCTAssertTrue(error { $0["version"] = true }.contains("version: must be a whole number, found true"))
        XCTAssertTrue(error { $0.removeValue(forKey: "version") }.contains("version: must be a whole number, found nothing"))
    }

    func testWrongTypesNameThePlace() {
        XCTAssertEqual(error { findings(&$0) { $0[2]["dataNeed"] = ["sexDisaggregation": true, "relevance": "5"] } },
                       "Sessions/broken.json: findings[2].dataNeed.relevance: expected a whole number, found the text \"5\"")
        XCTAssertEqual(error { findings(&$0) { $0[0]["text"] = 42 } },
                       "Sessions/broken.json: findings[0].text: expected text, found the number 42")
        XCTAssertEqual(error { $0["teams"] = "Transport" },
                       "Sessions/broken.json: teams: expected a list, found the text \"Transport\"")
        XCTAssertEqual(error { findings(&$0) { $0[1]["gender"] = "yes" } },
                       "Sessions/broken.json: findings[1].gender: expected true or false, found the text \"yes\"")
        XCTAssertEqual(error { findings(&$0) { $0[1].removeValue(forKey: "kind") } },
                       "Sessions/broken.json: findings[1].kind: is missing")
        XCTAssertEqual(error { findings(&$0) { $0[1]["kind"] = "rumour" } },
                       "Sessions/broken.json: findings[1].kind: the text \"rumour\" is not one of the allowed values")
        XCTAssertTrue(error { findings(&$0) { $0[1]["createdAt"] = "yesterday" } }
            .hasPrefix("Sessions/broken.json: findings[1].createdAt: expected a date-time like 2023-11-27T09:30:00.000Z"))
        XCTAssertTrue(error { var d = $0["details"] as! [String: Any]; d["date"] = "27/11/2023"; $0["details"] = d }
            .hasPrefix("Sessions/broken.json: details.date: expected a date like 2023-11-27"))
    }

    func testOutOfRangeScoresAndCounts() {
        XCTAssertEqual(error { findings(&$0) { $0[2]["dataNeed"] = ["sexDisaggregation": true, "relevance": 9] } },
                       "Sessions/broken.json: findings[2].dataNeed.relevance: must be 1 to 5, found 9")
        XCTAssertEqual(error { findings(&$0) { $0[2]["dataNeed"] = ["sexDisaggregation": true, "impact": 0] } },
                       "Sessions/broken.json: findings[2].dataNeed.impact: must be 1 to 5, found 0")
        XCTAssertEqual(error { var g = $0["participantGroups"] as! [[String: Any]]; g[0]["headcount"] = -3; $0["participantGroups"] = g },
                       "Sessions/broken.json: participantGroups[0].headcount: must be 0 to 100000, found -3")
        XCTAssertEqual(error { var g = $0["participantGroups"] as! [[String: Any]]; g[0]["women"] = 30; $0["participantGroups"] = g },
                       "Sessions/broken.json: participantGroups[0]: women + men + not stated (43) exceed the headcount (24)")
    }

    func testDanglingReferencesAndDuplicates() {
        XCTAssertEqual(error { findings(&$0) { $0[0]["teamId"] = "t-ghost" } },
                       "Sessions/broken.json: findings[0].teamId: refers to team \"t-ghost\", which is not in this file's teams")
        XCTAssertEqual(error { findings(&$0) { $0[0]["category"] = "weather" } },
                       "Sessions/broken.json: findings[0].category: refers to category \"weather\", which is not in this file's categories")
        XCTAssertEqual(error { findings(&$0) { $0[7]["samePointAs"] = "f-ghost" } },
                       "Sessions/broken.json: findings[7].samePointAs: refers to finding \"f-ghost\", which is not in this file")
        XCTAssertEqual(error { findings(&$0) { $0[3]["id"] = "f-1" } },
                       "Sessions/broken.json: findings[3].id: duplicate id \"f-1\" (also at findings[0])")
        XCTAssertEqual(error { var t = $0["teams"] as! [[String: Any]]; t[1]["id"] = "t-transport"; $0["teams"] = t },
                       "Sessions/broken.json: teams[1].id: duplicate id \"t-transport\" (also at teams[0])")
        XCTAssertEqual(error { findings(&$0) { $0[1]["category"] = "technical" } },
                       "Sessions/broken.json: findings[1].category: only constraints have a category, this is a opportunity")
        XCTAssertEqual(error { findings(&$0) { $0[0].removeValue(forKey: "category") } },
                       "Sessions/broken.json: findings[0].category: is missing: a constraint needs one of technical, organisational, cultural, legal, privacy, gender")
        XCTAssertEqual(error { findings(&$0) { $0[0]["id"] = "has space" } },
                       "Sessions/broken.json: findings[0].id: \"has space\" is not a valid id (letters, digits, . _ -, at most 64)")
    }

    func testUnknownFieldsAreRefusedRatherThanDropped() {
        XCTAssertEqual(error { findings(&$0) { $0[0]["txet"] = "typo" } },
                       "Sessions/broken.json: findings[0].txet: unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)")
        XCTAssertTrue(error { $0["extra"] = [1] }.hasPrefix("Sessions/broken.json: extra: unknown field"))
        XCTAssertEqual(error { findings(&$0) { $0[0]["author"] = NSNull() } }, "loaded", "null stands for absent")
    }

    func testInvalidUTF8() {
        var bytes = [UInt8](validData)
        let index = [UInt8](validData).indices.first { bytes[$0] == 0xC3 }!
        bytes[index + 1] = 0x28
        XCTAssertEqual(error(Data(bytes)), "Sessions/broken.json: is not valid UTF-8 (bad byte at offset \(index)); save it as UTF-8")
        XCTAssertEqual(error(Data([0xFF, 0xFE, 0x7B, 0x7D])), "Sessions/broken.json: is not valid UTF-8 (bad byte at offset 0); save it as UTF-8")
    }

    func testHugeStringsAndDeepNesting() {
        let huge = String(repeating: "é", count: Limits.longText + 1)
        XCTAssertEqual(error { findings(&$0) { $0[0]["text"] = huge } },
                       "Sessions/broken.json: findings[0].text: is 20001 characters long; at most 20000")
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertEqual(error(Data(deep.utf8)), "Sessions/broken.json: nests lists and objects more than 32 deep; not a session file")
        let deepInside = "{\"format\": \"datajam-session\", \"version\": 1, \"x\": " + String(repeating: "{\"a\":", count: 40) + "1" + String(repeating: "}", count: 40) + "}"
        XCTAssertTrue(error(Data(deepInside.utf8)).contains("nests lists and objects more than 32 deep"))
        let oversized = Data(count: Limits.fileBytes + 1)
        XCTAssertEqual(error(oversized), "Sessions/broken.json: is 64 MiB; a session file is at most 64 MiB")
    }

    func testStringsWithBracketsDoNotCountAsNesting() throws {
        var w = WorkshopFixtures.complete()
        w.findings[0].text = String(repeating: "[{", count: 200) + " \\\" ]"
        XCTAssertEqual(try codec.decode(codec.encode(w), file: "x.json"), w)
    }

    // MARK: A file DataJam writes, DataJam reads

    /// The valid fixture's text with one string replaced, byte for byte.
    private func text(replacing old: String, with new: String) -> Data {
        let original = String(decoding: validData, as: UTF8.self)
        XCTAssertTrue(original.contains(old), old)
        return Data(original.replacingOccurrences(of: old, with: new).utf8)
    }

    func testDuplicateKeysAreRefusedWherever() {
        XCTAssertEqual(error(text(replacing: "\"version\": 1", with: "\"version\": 2, \"version\": 1")),
                       "Sessions/broken.json: duplicate key \"version\": readers disagree on which value counts; keep one")
        XCTAssertEqual(error(text(replacing: "\"version\": 1", with: "\"version\": 1, \"vers\\u0069on\": 1")),
                       "Sessions/broken.json: duplicate key \"version\": readers disagree on which value counts; keep one",
                       "keys compare after their escapes are read")
        XCTAssertEqual(error(text(replacing: "\"text\": \"Données ventilées", with: "\"text\": \"x\", \"text\": \"Données ventilées")),
                       "Sessions/broken.json: findings[2]: duplicate key \"text\": readers disagree on which value counts; keep one")
        XCTAssertEqual(error(text(replacing: "\"relevance\": 5", with: "\"relevance\": 5, \"relevance\": 5")),
                       "Sessions/broken.json: findings[2].dataNeed: duplicate key \"relevance\": readers disagree on which value counts; keep one",
                       "even with the same value")
    }

    func testUnknownFieldsAreRefusedEvenWhenNull() {
        XCTAssertEqual(error { findings(&$0) { $0[0]["txet"] = NSNull() } },
                       "Sessions/broken.json: findings[0].txet: unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)")
        XCTAssertTrue(error { $0["extra"] = NSNull() }.hasPrefix("Sessions/broken.json: extra: unknown field"))
        XCTAssertTrue(error { var d = $0["details"] as! [String: Any]; d["mood"] = NSNull(); $0["details"] = d }
            .hasPrefix("Sessions/broken.json: details.mood: unknown field"))
    }

    func testTimestampsOutsideFourDigitUTCYearsAreRefusedWithTheirPlace() {
        XCTAssertEqual(error { findings(&$0) { $0[3]["createdAt"] = "0000-01-01T00:00:00.000+01:00" } },
                       "Sessions/broken.json: findings[3].createdAt: \"0000-01-01T00:00:00.000+01:00\" falls outside the years 0001 to 9999 in UTC; a session file holds only those")
        XCTAssertEqual(error { findings(&$0) { $0[3]["updatedAt"] = "9999-12-31T23:59:59.999-00:01" } },
                       "Sessions/broken.json: findings[3].updatedAt: \"9999-12-31T23:59:59.999-00:01\" falls outside the years 0001 to 9999 in UTC; a session file holds only those")
        XCTAssertTrue(error { var s = $0["sessions"] as! [[String: Any]]; s[0]["startedAt"] = "0000-06-01T09:30:00.000Z"; $0["sessions"] = s }
            .hasPrefix("Sessions/broken.json: sessions[0].startedAt: \"0000-06-01T09:30:00.000Z\" falls outside"))
    }

    func testLongFractionsLoadAndWriteBackInMilliseconds() throws {
        for fraction in ["0000", "123456789", "1"] {
            var t = tree()
            findings(&t) { $0[0]["createdAt"] = "2023-11-27T09:30:00.\(fraction)Z" }
            let loaded = try codec.decode(data(t), file: "x.json")
            let written = try codec.encode(loaded)
            XCTAssertEqual(try codec.encode(codec.decode(written, file: "x.json")), written)
        }
    }

    func testStrictSyntax() {
        let cases: [(String, String)] = [
            ("{\"format\": \"datajam-session\", \"a\": \"\\ud800\"}", "a lone surrogate escape at line 1, column 37"),
            ("{\"format\": \"datajam-session\", \"a\": \"\\udc00\\ud800\"}", "a lone surrogate escape at line 1, column 37"),
            ("{\"format\": \"datajam-\tsession\"}", "a control character inside a text (write it as an escape) at line 1, column 21"),
            ("{\"version\": 01}", "unexpected character at line 1, column 14"),
            ("{\"version\": 1.}", "unexpected character at line 1, column 15"),
            ("{\"version\": NaN}", "unexpected character at line 1, column 13"),
            ("{\"version\": 1} {}", "unexpected character at line 1, column 16"),
            ("\u{FEFF}{\"version\": 1}", "unexpected character at line 1, column 1"),
            ("{\"a\": tru", "ends unexpectedly at line 1, column 10"),
            ("{\"a\": \"\\x\"}", "unexpected character at line 1, column 9"),
            ("{'a': 1}", "unexpected character at line 1, column 2"),
        ]
        for (json, location) in cases {
            XCTAssertEqual(error(Data(json.utf8)), "Sessions/broken.json: is not valid JSON (\(location)); was it truncated?", json)
        }
    }

    /// Hostile shapes cost time in proportion to their size: an object of 200,000 keys, a list
    /// of a million numbers, a megabyte of escapes.
    func testHostileShapesAreRefusedInLinearTime() {
        let manyKeys = "{" + (0..<200_000).map { "\"k\($0)\": 0" }.joined(separator: ",") + ", \"k7\": 1}"
        let started = Date()
        XCTAssertEqual(error(Data(manyKeys.utf8)), "Sessions/broken.json: duplicate key \"k7\": readers disagree on which value counts; keep one")
        let longList = "{\"format\": \"datajam-session\", \"version\": 1, \"findings\": [" + Array(repeating: "0", count: 1_000_000).joined(separator: ",") + "]}"
        XCTAssertTrue(error(Data(longList.utf8)).hasPrefix("Sessions/broken.json: "))
        let escapes = "{\"format\": \"" + String(repeating: "\\u00e9", count: 200_000) + "\"}"
        XCTAssertTrue(error(Data(escapes.utf8)).contains("format: must be"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "each shape takes time in proportion to its size")
    }

    /// Counts are checked before they are added up: two huge ones overflowed the sum and trapped.
    func testHugeCountsAreRefusedNotAdded() {
        XCTAssertEqual(error { var g = $0["participantGroups"] as! [[String: Any]]; g[0]["women"] = Int.max; g[0]["men"] = 1; $0["participantGroups"] = g },
                       "Sessions/broken.json: participantGroups[0].women: must be 0 to 100000, found 9223372036854775807")
        XCTAssertEqual(error { var g = $0["participantGroups"] as! [[String: Any]]; g[0]["notStated"] = Int.min; g[0]["men"] = -1; $0["participantGroups"] = g },
                       "Sessions/broken.json: participantGroups[0].men: must be 0 to 100000, found -1")
    }
}
