import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The real binary in tmux: the frame panel's multi-line context (Enter, Ctrl-S through a real
/// terminal in raw mode), a list of objectives holding separators, and an export from session 2.
final class FrameAndExportEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        folder = TemporaryFolder("e2e-frame")
    }

    private var binary: String { TmuxSession.quote(RepositoryPaths.binary) }

    func testFrameContextObjectivesPlannedTimeThenExportFromSession2() throws {
        let file = folder.file("atelier.json")
        try ProcessRunner.datajam("new", file, "--theme", "Data journalisme", "--team", "Presse")
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(binary) open \(TmuxSession.quote(file)) --lang fr")
        try tmux.waitFor(text: "Présentation du programme")
        try tmux.press("1", "c")
        try tmux.waitFor(text: "Cadre de l’atelier")
        // Context: two paragraphs, Enter for new lines, Ctrl-S to finish.
        try tmux.press("Down", "Down", "Down", "Down", "Down", "Enter")
        try tmux.waitFor(text: "Ctrl-S ou F2 terminer")
        try tmux.type("Les rédactions utilisent peu les données ouvertes.")
        try tmux.press("Enter", "Enter")
        try tmux.type("Objectif : des sources fiables, en arabe et en français.")
        try tmux.press("C-s")
        try tmux.waitFor(text: "Cadre modifié : Contexte")
        // Objectives: one per line, a ";" and a "," inside.
        try tmux.press("Down", "Enter")
        try tmux.waitFor(text: "Un objectif par ligne")
        try tmux.type("Recenser les besoins ; les prioriser")
        try tmux.press("Enter")
        try tmux.type("Relier INS, ONAGRI et rédactions")
        try tmux.press("F2")
        try tmux.waitFor(text: "• Relier INS, ONAGRI et rédactions")
        // Session 2's planned time.
        try tmux.press("Down", "Down", "Enter")
        try tmux.waitFor(text: "Séance 2 : titre et horaires")
        try tmux.press("Tab", "C-u")
        try tmux.type("90")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Séance 2 modifiée")
        // Export from session 2, in English.
        // Esc then a key at once would be Alt plus the key: wait for the panel to close.
        try tmux.press("Escape")
        try tmux.waitFor("the frame panel to close") { !$0.contains("Cadre de l’atelier") }
        try tmux.press("2")
        try tmux.waitFor(text: "Presse (0)")
        try tmux.press("F12")
        try tmux.waitFor(text: "Exporter dans exports/")
        try tmux.press("Down", "Right", "Enter")
        try tmux.waitFor(text: "Exporté")
        try tmux.press("F10")
        try tmux.waitFor(text: "EXIT=0")

        let workshop = try SessionStore().load(file)
        XCTAssertEqual(workshop.details.context,
                       "Les rédactions utilisent peu les données ouvertes.\n\nObjectif : des sources fiables, en arabe et en français.")
        XCTAssertEqual(workshop.details.objectives, ["Recenser les besoins ; les prioriser", "Relier INS, ONAGRI et rédactions"])
        XCTAssertEqual(workshop.session(.breakouts)?.plannedMinutes, 90)
        let report = try String(contentsOfFile: folder.file("exports/atelier.en.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Relier INS, ONAGRI et rédactions"), report)
        XCTAssertTrue(report.contains("Les rédactions utilisent peu les données ouvertes."), report)
    }
}
