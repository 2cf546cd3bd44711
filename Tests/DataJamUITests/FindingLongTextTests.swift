import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// A finding's long text written over several lines in session 2, and kept so: the one-line
/// capture line never gets a text whose line breaks it would flatten.
final class FindingLongTextTests: XCTestCase {
    private func text(_ id: String, _ state: AppState) -> String? {
        state.workshop.findings.first { $0.id == id }?.text
    }

    func testCtrlEOpensTheSelectedFindingInTheMultiLineEditor() {
        var state = workshopState(phase: .breakouts)
        let id = state.openWorkshop?.breakouts.selectedID ?? state.openWorkshop?.breakouts.rows.compactMap(\.findingID).first
        guard let id else { return XCTFail("no finding") }
        state.press(.control("e"))
        guard case .editor(let editor)? = state.popup else { return XCTFail("Ctrl-E opens the editor") }
        XCTAssertEqual(editor.area.text, text(id, state))
        state.press(.control("e"), .enter)
        state.type("Les API existantes ne sont pas documentées ; pas de contact.")
        let effects = state.press(.control("s"))
        XCTAssertEqual(effects.count, 1)
        XCTAssertEqual(text(id, state), "Absence d’APIs\nLes API existantes ne sont pas documentées ; pas de contact.")
        XCTAssertTrue(state.screen.contains { $0.contains("Les API existantes ne sont pas documentées ; pas de contact.") },
                      state.screen.joined(separator: "\n"))
        // Enter (edit) on a text of several lines opens the same editor, not the one-line capture line.
        state.press(.enter)
        guard case .editor(let again)? = state.popup else { return XCTFail("editing keeps the line breaks") }
        XCTAssertEqual(again.area.text, text(id, state))
        XCTAssertNil(state.openWorkshop?.breakouts.editor)
        state.press(.escape)
        // Ctrl-Z undoes the edit.
        state.press(.control("z"))
        XCTAssertEqual(text(id, state), "Absence d’APIs")
    }
}
