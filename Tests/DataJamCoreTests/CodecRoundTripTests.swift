import DataJamCore
import Foundation
import TestSupport
import XCTest

final class CodecRoundTripTests: XCTestCase {
    func testEveryFieldSurvivesARoundTrip() throws {
        let workshop = WorkshopFixtures.complete()
        let codec = SessionCodec()
        let data = try codec.encode(workshop)
        let back = try codec.decode(data, file: "x.json")
        XCTAssertEqual(back, workshop)
        XCTAssertEqual(try codec.encode(back), data, "encoding is deterministic")
    }

    func testLayoutIsReadableSortedAndUTF8() throws {
        let text = String(decoding: try SessionCodec().encode(WorkshopFixtures.complete()), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"categories\": [\n    {\n      \"createdAt\": "), String(text.prefix(80)))
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertTrue(text.contains("\"text\": \"عبد الله : ملاحظة 👍\""), "non-ASCII written as is, not escaped")
        XCTAssertTrue(text.contains("\"format\": \"datajam-session\""))
        XCTAssertTrue(text.contains("\"version\": 1"))
        XCTAssertTrue(text.contains("\"people\": []"), "empty lists stay on one line")
        XCTAssertFalse(text.contains("\\/"), "slashes unescaped")
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        XCTAssertEqual(keys, keys.sorted(), "top-level keys sorted")
    }

    /// The writer that replaced `JSONEncoder` + re-indenting writes the same bytes: generated
    /// workshops, the samples, texts full of characters that need escaping.
    func testSameBytesAsTheReferenceWriter() throws {
        let codec = SessionCodec()
        var workshops = (0..<60 as Range<UInt64>).map { GeneratedWorkshops.make(seed: $0) } + [WorkshopFixtures.complete()]
        for path in RepositoryPaths.sampleSessionFiles {
            workshops.append(try codec.decode(FileManager.default.contents(atPath: path)!, file: path))
        }
        var tricky = WorkshopFixtures.complete()
        tricky.findings[0].text = "ctl \u{0}\u{1}\u{8}\u{9}\n\u{b}\u{c}\r\u{1f} \"q\" \\ / é 😀 \u{7f} \u{2028} \u{FEFF}"
        tricky.details.objectives = ["", "a/b", "\\u0041"]
        workshops.append(tricky)
        for (i, workshop) in workshops.enumerated() {
            XCTAssertEqual(String(decoding: try codec.encode(workshop), as: UTF8.self),
                           String(decoding: try ReferenceSessionEncoder.encode(workshop), as: UTF8.self), "workshop \(i)")
        }
    }

    func testEveryPresetMakesAValidWorkshop() throws {
        for preset in WorkshopPreset.all {
            for french in [true, false] {
                let w = preset.makeWorkshop(theme: "Thème", date: nil, city: "", teamNames: nil, french: french)
                XCTAssertEqual(SemanticValidator.problems(in: w), [], preset.name)
                XCTAssertEqual(try SessionCodec().decode(SessionCodec().encode(w), file: "p.json"), w)
                XCTAssertEqual(w.sessions.map(\.id), DaySession.Phase.allCases)
            }
        }
        let eco = WorkshopPreset.named("economie-numerique")!.makeWorkshop(theme: "É", date: nil, city: "", teamNames: ["A", "B"])
        XCTAssertEqual(eco.categories.map(\.id), ["legal", "data-quality", "governance", "technical", "human-resources", "financial"])
        XCTAssertEqual(eco.teams.map(\.name), ["A", "B"])
        XCTAssertEqual(WorkshopPreset.named("blank")!.categories.map(\.id), ["technical", "organisational", "cultural", "legal", "privacy", "gender"])
    }

    func testTeamLookupByNameIdAndUniquePrefix() {
        let w = WorkshopFixtures.complete()
        XCTAssertEqual(w.team(named: "investissement")?.id, "t-invest")
        XCTAssertEqual(w.team(named: "t-transport")?.id, "t-transport")
        XCTAssertEqual(w.team(named: "transport")?.id, "t-transport")
        XCTAssertNil(w.team(named: "nope"))
        XCTAssertNil(w.team(named: ""))
    }

    func testSummaryLine() {
        XCTAssertEqual(WorkshopSummary(WorkshopFixtures.complete()).line,
                       "Économie numérique, 2023-11-27, Tunis: 2 teams, 42 participants, 8 findings (2 constraint, 1 opportunity, 1 data-need, 1 channel, 1 actor, 1 use-case, 1 note)")
    }

    func testCategorySlug() {
        XCTAssertEqual(ConstraintCategory.slug(for: "Vie privée & éthique"), "vie-privee-ethique")
        XCTAssertEqual(ConstraintCategory.slug(for: "عربي"), "category")
    }
}
