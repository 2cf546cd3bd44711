import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// The long-text and list editor popup through the whole app: Enter is a new line, Ctrl-S or F2
/// finishes, Esc on a change asks before dropping it.
final class TextEditorPopupTests: XCTestCase {
    /// Session 1 with the notes panel focused and its editor open.
    private func notesEditor(width: Int = 80, height: Int = 24) -> AppState {
        var state = workshopState(width: width, height: height, phase: .presentation)
        state.press(.backTab, .character("e"))
        guard case .editor? = state.popup else {
            XCTFail("e on the notes opens the editor")
            return state
        }
        return state
    }

    func testNotesAreWrittenOverSeveralLinesAndFinishedWithCtrlS() {
        var state = notesEditor()
        state.type("Accueil à 9 h")
        state.press(.enter)
        state.type("Rappeler : genre ; points focaux, photo")
        let screen = state.screen
        XCTAssertTrue(screen.contains { $0.contains("│ Accueil à 9 h") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("│ Rappeler : genre ; points focaux, photo") })
        XCTAssertTrue(screen.contains { $0.contains("Entrée nouvelle ligne · Ctrl-S ou F2 terminer · Échap annuler") })
        XCTAssertTrue(screen[23].contains("Ctrl-S/F2 Terminer"), screen[23])
        let effects = state.press(.control("s"))
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.workshop.details.facilitatorNotes, "Accueil à 9 h\nRappeler : genre ; points focaux, photo")
        XCTAssertEqual(effects.filter { if case .save = $0 { true } else { false } }.count, 1)
        // The panel shows both lines.
        let panel = state.screen
        guard let row = panel.firstIndex(of: "  Accueil à 9 h") else { return XCTFail(panel.joined(separator: "\n")) }
        XCTAssertEqual(panel[row + 1], "  Rappeler : genre ; points focaux, photo")
    }

    func testF2FinishesToo() {
        var state = notesEditor()
        state.type("Note")
        state.press(.function(2))
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.workshop.details.facilitatorNotes, "Note")
        XCTAssertEqual(state.openWorkshop?.phase, .presentation, "F2 in the editor is not session 1's key")
    }

    func testEscOnAChangedTextAsksToKeepOrDrop() {
        var state = notesEditor()
        state.type("Brouillon")
        state.press(.escape)
        guard case .editor(let editor)? = state.popup else { return XCTFail("Esc on a change does not close") }
        XCTAssertTrue(editor.askingToLeave)
        XCTAssertTrue(state.screen.contains { $0.contains("Garder les modifications ? o garder · n abandonner · Échap continuer") },
                      state.screen.joined(separator: "\n"))
        // Esc goes back to writing; what was typed is there.
        state.press(.escape)
        state.type(" suite")
        guard case .editor(let back)? = state.popup else { return XCTFail("Esc twice keeps the editor") }
        XCTAssertEqual(back.area.text, "Brouillon suite")
        // n drops.
        state.press(.escape, .character("n"))
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.workshop.details.facilitatorNotes, "")
        // o keeps.
        state.press(.character("e"))
        state.type("Gardé")
        state.press(.escape, .character("o"))
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.workshop.details.facilitatorNotes, "Gardé")
        // Esc without a change closes at once.
        state.press(.character("e"), .escape)
        XCTAssertNil(state.popup)
    }

    func testALongTextWrapsAtThePopupWidthAndScrollsToTheCursor() {
        var state = notesEditor(width: 60, height: 16)
        let sentence = "Les participants ont rappelé que les données de l’INS ne sont pas publiées par gouvernorat."
        for _ in 0..<6 {
            state.type(sentence)
            state.press(.enter)
        }
        let screen = state.screen
        // The box is 58 wide: 54 columns of text plus one for the cursor.
        let textRows = screen.filter { $0.hasPrefix(" │ ") }
        XCTAssertFalse(textRows.isEmpty, screen.joined(separator: "\n"))
        XCTAssertTrue(textRows.allSatisfy { DisplayWidth.of($0) <= 60 })
        XCTAssertTrue(screen.contains { $0.contains("▲") }, "scrolled: an arrow says there is more above")
        let frame = AppView.render(state)
        XCTAssertNotNil(frame.cursor, "the cursor is in view")
        // Going back to the top scrolls back.
        for _ in 0..<30 { state.press(.up) }
        XCTAssertTrue(state.screen.contains { $0.contains("│ Les participants ont rappelé que les données de l’INS ") }, state.screen.joined(separator: "\n"))
    }

    func testAListEditorGivesOneItemPerLineWhateverTheyHold() {
        var editor = TextEditorPopup(title: "Objectifs", items: ["Un ; deux", "Trois, quatre"], purpose: .presentation(.notes))
        XCTAssertEqual(editor.area.text, "Un ; deux\nTrois, quatre")
        editor.area.moveToEnd()
        editor.area.insert("\n\n  Cinq  \n")
        XCTAssertEqual(editor.result, .list(["Un ; deux", "Trois, quatre", "Cinq"]))
        var buffer = ScreenBuffer(width: 50, height: 12)
        _ = TextEditorView.render(editor, lang: .fr, into: &buffer, area: buffer.bounds)
        XCTAssertEqual(buffer.lines[2], " │ • Un ; deux                                  │")
        XCTAssertEqual(buffer.lines[3], " │ • Trois, quatre                              │")
    }
}
