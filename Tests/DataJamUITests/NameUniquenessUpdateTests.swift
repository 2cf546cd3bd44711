import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Team names and category labels that cannot be told apart are refused, however they are typed.
final class NameUniquenessUpdateTests: XCTestCase {
    /// Spellings of `name` that are the same name: case, accents, surrounding and repeated spaces.
    static func variants(of name: String) -> [String] {
        let accented = name.replacingOccurrences(of: "e", with: "é").replacingOccurrences(of: "a", with: "à")
        return [name.uppercased(), name.lowercased(), "  \(name)  ", accented, accented.uppercased(),
                name.replacingOccurrences(of: " ", with: "   "), name.decomposedStringWithCanonicalMapping]
    }

    private func liveTeamNames(_ state: AppState) -> [String] { state.workshop.teams.live.map(\.name) }

    private func promptError(_ state: AppState) -> String? {
        guard case .prompt(let prompt)? = state.popup else { return nil }
        return prompt.error
    }

    func testRenamingATeamToAnotherTeamsNameIsRefused() {
        for name in Self.variants(of: "Investissement") {
            var state = workshopState(lang: .en)
            state.press(.function(9), .character("2"), .control("u"))
            state.type(name)
            state.press(.enter)
            XCTAssertEqual(liveTeamNames(state), ["Transport et Infrastructure", "Investissement"], name)
            XCTAssertEqual(promptError(state), "A team is already named “Investissement”: choose another name (case and accents do not count)", name)
            state.press(.escape)
            XCTAssertNil(state.popup)
        }
        // Renaming a team to its own name in other case is fine.
        var state = workshopState()
        state.press(.function(9), .character("2"), .control("u"))
        state.type("TRANSPORT ET INFRASTRUCTURE")
        state.press(.enter)
        XCTAssertEqual(liveTeamNames(state), ["TRANSPORT ET INFRASTRUCTURE", "Investissement"])
    }

    func testAddingATeamOfAnExistingNameIsRefused() {
        for name in Self.variants(of: "Transport et Infrastructure") {
            var state = workshopState()
            state.press(.function(9), .character("1"))
            state.type(name)
            state.press(.enter)
            XCTAssertEqual(liveTeamNames(state), ["Transport et Infrastructure", "Investissement"], name)
            XCTAssertNotNil(promptError(state), name)
        }
    }

    func testCategoriesAreUniqueWhenAddedOrRenamed() {
        let labels = workshopState().workshop.categories.live.map(\.label)
        for name in Self.variants(of: labels[1]) {
            var state = workshopState(lang: .en)
            state.press(.function(9), .character("4"), .enter, .control("u"))  // rename the first category
            state.type(name)
            state.press(.enter)
            XCTAssertEqual(state.workshop.categories.live.map(\.label), labels, name)
            XCTAssertEqual(promptError(state), "A category is already named “\(labels[1])”: choose another name (case and accents do not count)", name)

            state = workshopState()
            state.press(.function(9), .character("3"))
            state.type(name)
            state.press(.enter)
            XCTAssertEqual(state.workshop.categories.live.map(\.label), labels, name)
        }
    }

    func testUndoThatWouldRepeatANameIsRefused() {
        var state = workshopState(lang: .en)
        state.press(.function(9), .character("2"), .control("u"))
        state.type("Mobilité")
        state.press(.enter)
        XCTAssertEqual(liveTeamNames(state), ["Mobilité", "Investissement"])
        // Meanwhile another rapporteur renamed the other team to the name this one had.
        var disk = state.workshop
        disk.teams[1].name = "Transport et Infrastructure"
        disk.teams[1].updatedAt = WorkshopFixtures.time(2000)
        _ = AppUpdate.update(&state, .changedElsewhere(path: "/tmp/atelier.json", workshop: disk))
        state.press(.control("z"))
        XCTAssertEqual(liveTeamNames(state), ["Mobilité", "Transport et Infrastructure"], "the undo is refused")
        XCTAssertEqual(state.status?.kind, .error)
    }

    func testNewWorkshopFormRefusesTwoTeamsOfOneName() {
        var state = workshopState()
        state.route = .home(HomeState())
        let values: [FormValue] = [.text("Santé"), .text("2024-03-12"), .text("Sfax"), .option("blank")]
        let asked = HomeUpdate.resolve(.newWorkshop, .form(values), &state)
        guard case .editor(let editor)? = asked.popup, case .home(.newWorkshopTeams(let draft)) = editor.purpose else {
            return XCTFail("the teams are asked next: \(asked)")
        }
        let reaction = HomeUpdate.resolve(.newWorkshopTeams(draft), .list(["Santé publique", "SANTE PUBLIQUE"]), &state)
        XCTAssertTrue(reaction.effects.isEmpty, "nothing is created")
        guard case .editor(let again)? = reaction.popup else { return XCTFail("the list comes back to be mended") }
        XCTAssertEqual(again.area.text, "Santé publique\nSANTE PUBLIQUE", "nothing typed is lost")
        XCTAssertEqual(again.error, "Deux équipes s’appellent « Santé publique » : donnez-leur des noms différents")
    }
}
