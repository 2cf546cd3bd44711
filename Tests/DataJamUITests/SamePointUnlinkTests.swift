import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Removing a "same point" link in session 3's consolidated view with a key of its own, from
/// either end of the link, without going through undo.
final class SamePointUnlinkTests: XCTestCase {
    private func consolidated() -> AppState {
        var state = workshopState(phase: .synthesis)
        state.press(.tab)
        XCTAssertEqual(state.openWorkshop?.synthesis.tab, .consolidated)
        XCTAssertEqual(state.openWorkshop?.synthesis.consolidated.selectedID, "f-1")
        XCTAssertEqual(link("f-8", state), "f-1", "the fixture links f-8 to f-1")
        return state
    }

    private func link(_ id: String, _ state: AppState) -> String? {
        state.workshop.findings.first { $0.id == id }?.samePointAs
    }

    func testXOnTheFindingPointedToRemovesTheLinksToIt() {
        var state = consolidated()
        XCTAssertTrue(state.screen[23].contains("x Délier"), state.screen[23])
        let effects = state.press(.character("x"))
        XCTAssertEqual(effects.filter { if case .save = $0 { true } else { false } }.count, 1)
        XCTAssertNil(link("f-8", state))
        XCTAssertEqual(state.status?.text, "Lien retiré : [Transport] « Absence d’APIs » (u pour annuler)")
        XCTAssertFalse(state.screen.contains { $0.contains("= [Investissement]") || $0.contains("= [Transport]") },
                       state.screen.joined(separator: "\n"))
        // u brings the link back.
        state.press(.character("u"))
        XCTAssertEqual(link("f-8", state), "f-1")
    }

    func testXOnTheLinkingFindingRemovesItsOwnLinkAndSaysWhenThereIsNone() {
        var state = consolidated()
        state.press(.down)
        XCTAssertEqual(state.openWorkshop?.synthesis.consolidated.selectedID, "f-8")
        state.press(.delete)
        XCTAssertNil(link("f-8", state))
        state.press(.character("x"))
        XCTAssertEqual(state.status?.text, "[Investissement] « Absence d’API » n’est reliée à aucune autre trouvaille")
    }

    func testSeveralFindingsLinkedToOneAreAllUnlinkedAtOnce() {
        var workshop = WorkshopFixtures.complete()
        if let index = workshop.findings.firstIndex(where: { $0.id == "f-2" }) { workshop.findings[index].samePointAs = "f-1" }
        var state = workshopState(phase: .synthesis, workshop: workshop)
        state.press(.tab)
        state.openWorkshop?.synthesis.consolidated.selectedID = "f-1"
        state.press(.character("x"))
        XCTAssertNil(link("f-8", state))
        XCTAssertNil(link("f-2", state))
        XCTAssertEqual(state.status?.text, "2 liens retirés : [Transport] « Absence d’APIs » (u pour annuler)")
        state.press(.character("u"))
        XCTAssertEqual(link("f-8", state), "f-1")
        XCTAssertEqual(link("f-2", state), "f-1")
    }
}
