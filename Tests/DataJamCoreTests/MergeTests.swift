import DataJamCore
import TestSupport
import XCTest

final class MergeTests: XCTestCase {
    private let base = WorkshopFixtures.complete()
    private func t(_ s: Int64) -> Timestamp { WorkshopFixtures.time(s) }

    func testLaterEditWinsPerRecord() {
        var a = base, b = base
        a.findings[0].text = "edited in A"
        a.findings[0].updatedAt = t(100)
        b.findings[0].text = "edited in B"
        b.findings[0].updatedAt = t(200)
        b.findings[1].text = "B only"
        b.findings[1].updatedAt = t(150)
        let merged = a.merged(with: b)
        XCTAssertEqual(merged.findings[0].text, "edited in B")
        XCTAssertEqual(merged.findings[1].text, "B only")
        XCTAssertEqual(merged, b.merged(with: a))
    }

    func testDeletionIsKeptAndWinsATie() {
        var a = base, b = base
        a.findings[2].deletedAt = t(300)
        a.findings[2].updatedAt = t(300)
        XCTAssertTrue(a.merged(with: b).findings[2].isDeleted, "an older copy does not bring it back")
        b.findings[2].text = "same instant edit"
        b.findings[2].updatedAt = t(300)
        XCTAssertTrue(a.merged(with: b).findings[2].isDeleted)
        XCTAssertTrue(b.merged(with: a).findings[2].isDeleted)
    }

    func testNewRecordsFromBothSidesAreKeptInCreationOrder() {
        var a = base, b = base
        a.findings.append(Finding(id: "f-a", teamId: nil, kind: .note, text: "a", createdAt: t(500)))
        b.findings.append(Finding(id: "f-b", teamId: nil, kind: .note, text: "b", createdAt: t(400)))
        b.teams.append(Team(id: "t-new", name: "Santé", createdAt: t(400)))
        let merged = a.merged(with: b)
        XCTAssertEqual(merged.findings.suffix(2).map(\.id), ["f-b", "f-a"])
        XCTAssertEqual(merged.teams.last?.id, "t-new")
        XCTAssertEqual(merged, b.merged(with: a))
    }

    func testMergeIsIdempotentCommutativeAndAssociative() {
        var a = base, b = base, c = base
        a.details.city = "Sfax"; a.details.updatedAt = t(50)
        b.synthesis.recommendations.append(SynthesisItem(id: "s-b", text: "b", createdAt: t(60)))
        c.participantGroups[0].women = 12; c.participantGroups[0].updatedAt = t(70)
        c.sessions[0].startedAt = t(80); c.sessions[0].updatedAt = t(80)
        XCTAssertEqual(a.merged(with: a), a)
        XCTAssertEqual(a.merged(with: b), b.merged(with: a))
        XCTAssertEqual(a.merged(with: b).merged(with: c), a.merged(with: b.merged(with: c)))
        XCTAssertEqual(a.merged(with: b).merged(with: c), c.merged(with: a).merged(with: b))
        let all = a.merged(with: b).merged(with: c)
        XCTAssertEqual(all.merged(with: b), all)
        XCTAssertEqual(all.details.city, "Sfax")
        XCTAssertEqual(all.participantGroups[0].women, 12)
        XCTAssertEqual(all.session(.presentation)?.startedAt, t(80))
        XCTAssertEqual(all.synthesis.recommendations.map(\.id), ["s-r1", "s-b"])
    }
}
