import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The programme file: its format round-trips, it is read with the session file's strictness
/// (duplicate keys, unknown fields, types, semantic rules, one located line), and two copies merge
/// record by record.
final class ProgrammeFileTests: XCTestCase {
    private let codec = ProgrammeCodec()

    private func time(_ seconds: Int64) -> Timestamp { Timestamp(milliseconds: 1_700_000_000_000 + seconds * 1000) }

    private func sample() -> Programme {
        var programme = Programme(id: "g-test", details: ProgrammeDetails(name: "PAGOF 2", issuer: "Ministère", updatedAt: time(0)))
        programme.results = [SynthesisItem(id: "s-r1", text: "Sensibiliser les producteurs", createdAt: time(1))]
        programme.difficulties = [SynthesisItem(id: "s-d1", text: "Publics hétérogènes", createdAt: time(2))]
        programme.improvements = [SynthesisItem(id: "s-i1", text: "Supports en amont", createdAt: time(3))]
        programme.recommendations = [
            Recommendation(id: "r-1", text: "Publier les données de santé", owner: "Ministère de la santé",
                           deadline: WorkshopDate("2024-06-30"), createdAt: time(4)),
            Recommendation(id: "r-2", text: "Former les points focaux", createdAt: time(5)),
        ]
        programme.links = [FindingLink(id: "l-1", label: "Coordination", findings: [
            FindingReference(workshop: "w-a", finding: "f-1"), FindingReference(workshop: "w-b", finding: "f-9"),
        ], createdAt: time(6))]
        return programme
    }

    private func error(_ data: Data) -> String {
        do {
            _ = try codec.decode(data, file: "Sessions/programme.json")
            return "loaded"
        } catch {
            return error.description
        }
    }

    private func error(_ change: (inout [String: Any]) -> Void) -> String {
        var tree = try! JSONSerialization.jsonObject(with: try! codec.encode(sample())) as! [String: Any]
        change(&tree)
        return error(try! JSONSerialization.data(withJSONObject: tree))
    }

    func testRoundTripKeepsEveryFieldAndWritesTheSameBytes() throws {
        let data = try codec.encode(sample())
        let read = try codec.decode(data, file: "p.json")
        XCTAssertEqual(read, sample())
        XCTAssertEqual(try codec.encode(read), data)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"format\": \"datajam-programme\""), text)
        XCTAssertTrue(text.contains("\"deadline\": \"2024-06-30\""), text)
        XCTAssertTrue(text.contains("\"owner\": \"Ministère de la santé\""), text)
        XCTAssertTrue(text.hasSuffix("}\n"))
    }

    func testTheShippedProgrammeLoadsAndHoldsSectionsFiveAndSix() throws {
        let programme = try ProgrammeStore().load(RepositoryPaths.sampleProgrammeFile)
        XCTAssertEqual(programme.results.live.count, 11)
        XCTAssertEqual(programme.difficulties.live.count, 4)
        XCTAssertEqual(programme.improvements.live.count, 4)
        XCTAssertEqual(programme.recommendations.live.count, 1)
        XCTAssertEqual(programme.links.live.count, 4)
        // Every link reaches all three sample workshops, as the seed's authors read them.
        for link in programme.links.live {
            XCTAssertEqual(Set(link.findings.map(\.workshop)).count, 3, link.label)
        }
        // The file is written the way DataJam writes it: loading and saving changes no byte.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.sampleProgrammeFile))
        XCTAssertEqual(try codec.encode(programme), bytes)
    }

    func testStrictReadingRefusesWhatItCouldNotWriteBack() {
        XCTAssertEqual(error { var links = $0["links"] as! [[String: Any]]; links[0]["weight"] = 2; $0["links"] = links },
                       "Sessions/programme.json: links[0].weight: unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)")
        XCTAssertEqual(error { $0["extra"] = NSNull() },
                       "Sessions/programme.json: extra: unknown field; this DataJam would lose it on save (a typo, or a file from another tool?)")
        XCTAssertEqual(error { var r = $0["recommendations"] as! [[String: Any]]; r[0]["deadline"] = "30/06/2024"; $0["recommendations"] = r },
                       "Sessions/programme.json: recommendations[0].deadline: expected a date like 2023-11-27, found \"30/06/2024\"")
        XCTAssertEqual(error { $0["format"] = "datajam-session" },
                       "Sessions/programme.json: format: is \"datajam-session\": this is a workshop's session file, not the programme file (programme.json)")
        XCTAssertEqual(error { $0["version"] = 2 },
                       "Sessions/programme.json: version: is 2, written by a newer DataJam (this one reads up to 1): upgrade datajam to open it")
        XCTAssertEqual(error { var l = $0["links"] as! [[String: Any]]; l[0]["findings"] = [["workshop": "w-a", "finding": "f-1"]]; $0["links"] = l },
                       "Sessions/programme.json: links[0].findings: has 1; a link joins at least two findings (delete the link instead)")
        XCTAssertEqual(error { var l = $0["links"] as! [[String: Any]]; l[0]["findings"] = [["workshop": "w-a", "finding": "f-1"], ["workshop": "w-a", "finding": "f-1"]]; $0["links"] = l },
                       "Sessions/programme.json: links[0].findings[1]: names w-a/f-1 again (also at findings[0]); keep one")
        XCTAssertEqual(error { var r = $0["results"] as! [[String: Any]]; r.append(r[0]); $0["results"] = r },
                       "Sessions/programme.json: results[1].id: duplicate id \"s-r1\" (also at results[0])")
        XCTAssertEqual(error { $0.removeValue(forKey: "links") }, "Sessions/programme.json: links: is missing")
        XCTAssertEqual(error(Data()), "Sessions/programme.json: is empty, not a programme file (was it truncated? restore it from a copy)")
    }

    func testDuplicateKeysAreRefusedWhereverTheyAre() throws {
        let text = String(decoding: try codec.encode(sample()), as: UTF8.self)
        let twiceAtTop = text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1, \"version\": 1")
        XCTAssertEqual(error(Data(twiceAtTop.utf8)),
                       "Sessions/programme.json: duplicate key \"version\": readers disagree on which value counts; keep one")
        let twiceInRecommendation = text.replacingOccurrences(of: "\"owner\": \"Ministère de la santé\"",
                                                              with: "\"owner\": \"Ministère de la santé\", \"owner\": \"Personne\"")
        XCTAssertEqual(error(Data(twiceInRecommendation.utf8)),
                       "Sessions/programme.json: recommendations[0]: duplicate key \"owner\": readers disagree on which value counts; keep one")
    }

    func testASessionFileIsNotAProgrammeAndTheClaimIsRead() throws {
        let session = try SessionCodec().encode(WorkshopFixtures.complete())
        XCTAssertTrue(error(session).hasPrefix("Sessions/programme.json: format: is \"datajam-session\""), error(session))
        XCTAssertFalse(ProgrammeCodec.claimsProgramme(session))
        XCTAssertTrue(ProgrammeCodec.claimsProgramme(try codec.encode(sample())))
    }

    func testCopiesMergeRecordByRecordInAnyOrder() throws {
        let base = sample()
        var left = base, right = base
        try left.addRecommendation("Ouvrir les données foncières", owner: "ONTT", at: time(10))
        try left.edit("r-1", text: nil, owner: .set("INS"), at: time(11))
        try right.edit("r-1", text: "Publier les données de santé ventilées par sexe", at: time(12))
        try right.delete("s-d1", at: time(13))
        try right.link([FindingReference(workshop: "w-c", finding: "f-3")], target: .into("l-1"), at: time(14))
        let one = left.merged(with: right), other = right.merged(with: left)
        XCTAssertEqual(one, other, "commutative")
        XCTAssertEqual(one.merged(with: right), one, "idempotent")
        XCTAssertEqual(one.recommendations.live.count, 3)
        // The later edit of r-1 wins as a whole, as with a finding's text.
        XCTAssertEqual(one.recommendations.record(withID: "r-1")?.text, "Publier les données de santé ventilées par sexe")
        XCTAssertTrue(one.difficulties.record(withID: "s-d1")?.isDeleted == true, "deleted stays deleted")
        XCTAssertEqual(one.links.record(withID: "l-1")?.findings.count, 3)
    }

    func testEditingRulesSayWhatToDo() throws {
        var programme = sample()
        XCTAssertThrowsError(try programme.edit("s-r1", text: nil, owner: .set("X"))) { error in
            XCTAssertEqual("\(error)", "only a recommendation has an owner and a deadline; s-r1 is not one (see `datajam programme show`)")
        }
        XCTAssertThrowsError(try programme.delete("nope")) { error in
            XCTAssertTrue("\(error)".hasPrefix("no item or link nope in the programme"), "\(error)")
        }
        XCTAssertThrowsError(try programme.link([FindingReference(workshop: "w-z", finding: "f-z")])) { error in
            XCTAssertTrue("\(error)".hasPrefix("a link joins at least two findings"), "\(error)")
        }
        // A finding already in a link: the link grows instead of a second one appearing.
        let grown = try programme.link([FindingReference(workshop: "w-b", finding: "f-9"), FindingReference(workshop: "w-c", finding: "f-4")])
        XCTAssertEqual(grown.id, "l-1")
        XCTAssertEqual(programme.links.live.count, 1)
        // Two links name the findings: which one is meant must be said.
        try programme.link([FindingReference(workshop: "w-a", finding: "f-1"), FindingReference(workshop: "w-d", finding: "f-5")], target: .new)
        XCTAssertThrowsError(try programme.link([FindingReference(workshop: "w-a", finding: "f-1"), FindingReference(workshop: "w-e", finding: "f-6")])) { error in
            XCTAssertTrue("\(error)".contains("say which with --into ID, or make another with --new"), "\(error)")
        }
        // Unlinking down to one finding deletes the link.
        try programme.unlink("l-1", findings: [FindingReference(workshop: "w-a", finding: "f-1")])
        XCTAssertEqual(programme.links.record(withID: "l-1")?.findings.count, 2)
        try programme.unlink("l-1", findings: [FindingReference(workshop: "w-c", finding: "f-4")])
        XCTAssertTrue(programme.links.record(withID: "l-1")?.isDeleted == true)
        XCTAssertEqual(ProgrammeValidator.problems(in: programme), [])
    }
}
