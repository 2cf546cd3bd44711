import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `ProgrammeAdoption`: the texts every workshop file carries become the programme's, their copies
/// are deleted; a text only some workshops share stays theirs.
final class ProgrammeAdoptionTests: XCTestCase {
    private func workshop(_ id: String, results: [String], recommendations: [String] = []) -> Workshop {
        var w = Workshop(id: id, details: WorkshopDetails(theme: id, updatedAt: WorkshopFixtures.time(0)))
        w.synthesis.results = results.enumerated().map { SynthesisItem(id: "s-\(id)-\($0.offset)", text: $0.element, createdAt: WorkshopFixtures.time(1)) }
        w.synthesis.recommendations = recommendations.map { SynthesisItem(id: "s-\(id)-r", text: $0, createdAt: WorkshopFixtures.time(1)) }
        return w
    }

    func testTextsEveryWorkshopCarriesMoveToTheProgramme() throws {
        var workshops = [
            workshop("w-1", results: ["Sensibiliser les producteurs", "Propre à l’atelier 1", "Commun à 1 et 2"], recommendations: ["Continuer l’appui"]),
            workshop("w-2", results: ["SENSIBILISER  les producteurs", "Commun à 1 et 2"], recommendations: ["Continuer l'appui"]),
            workshop("w-3", results: ["Sensibiliser les producteurs"], recommendations: ["Continuer l’appui"]),
        ]
        var programme = Programme()
        try programme.add(.idea, "Déjà au programme")
        workshops[2].synthesis.improvements = [SynthesisItem(id: "s-copy", text: "déjà au programme", createdAt: WorkshopFixtures.time(1))]

        let outcome = ProgrammeAdoption.adopt(into: &programme, from: &workshops, at: WorkshopFixtures.time(10))
        XCTAssertEqual(programme.results.live.map(\.text), ["Sensibiliser les producteurs"])
        XCTAssertEqual(programme.recommendations.live.map(\.text), ["Continuer l’appui"], "typographic apostrophes aside")
        XCTAssertEqual(outcome.adopted[.result], 1)
        XCTAssertEqual(outcome.adoptedRecommendations, 1)
        XCTAssertEqual(outcome.removed, ["w-1": 2, "w-2": 2, "w-3": 3])
        XCTAssertEqual(workshops[0].synthesis.results.live.map(\.text), ["Propre à l’atelier 1", "Commun à 1 et 2"],
                       "a text two workshops of three share may be their point: it stays theirs")
        XCTAssertTrue(workshops[2].synthesis.improvements[0].isDeleted, "a copy of a text the programme already held goes too")
        XCTAssertEqual(workshops[0].synthesis.results[0].deletedAt, WorkshopFixtures.time(10), "a tombstone, for merges")
        for w in workshops { XCTAssertEqual(SemanticValidator.problems(in: w), []) }

        // Done again, nothing moves.
        let again = ProgrammeAdoption.adopt(into: &programme, from: &workshops, at: WorkshopFixtures.time(20))
        XCTAssertEqual(again, ProgrammeAdoption.Outcome())
    }
}
