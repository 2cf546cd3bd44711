import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The real binary in tmux, on a terminal that cannot run it and with keys that used to end it.
final class TerminalSafetyEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is required for end-to-end tests (apt-get install tmux)")
        folder = TemporaryFolder("e2e-safety")
    }

    private var binary: String { TmuxSession.quote(RepositoryPaths.binary) }

    private func workshopFile() throws -> String {
        let file = folder.file("atelier.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: file)
        return file
    }

    /// TERM=dumb (no cursor addressing) and an unknown TERM: one line, a failure status, and the
    /// terminal as it was, instead of a blank full-screen interface.
    func testTerminalWithoutCursorAddressingIsRefusedInOneLine() throws {
        let file = try workshopFile()
        for (term, message) in [("dumb", "datajam needs a terminal that can move its cursor, and TERM=dumb cannot"),
                                ("no-such-terminal", "ncurses does not know TERM=no-such-terminal")] {
            for command in ["\(binary) open \(TmuxSession.quote(file))", "\(binary) --sessions \(TmuxSession.quote(folder.path))"] {
                let tmux = try TmuxSession(width: 200, height: 20, command: command, environment: ["TERM": term])
                let end = try tmux.waitFor("the exit status and terminal modes") { $0.contains("EXIT=") && $0.contains("icanon") }
                let lines = end.split(separator: "\n").map(String.init)
                XCTAssertEqual(lines.count, 3, "one line, then the status and modes: \(end)")
                XCTAssertTrue(lines[0].hasPrefix("Error: ") && lines[0].contains(message), end)
                XCTAssertTrue(end.contains("EXIT=1"), end)
                XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon"), "terminal back in line mode: \(end)")
                XCTAssertTrue(end.contains("echo") && !end.contains("-echo "), "echo untouched: \(end)")
            }
        }
    }

    /// Alt-b Alt-x Alt-d typed on the capture line (terminals send Esc then the letter) used to
    /// close the line, go back home and quit, losing the draft. Now each is one ignored key.
    func testAltKeysOnTheCaptureLineKeepTheWorkshopAndTheDraft() throws {
        _ = try workshopFile()
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(binary) --sessions \(TmuxSession.quote(folder.path)) --lang en")
        try tmux.waitFor(text: "Économie numérique")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Slide 1/")
        try tmux.press("2")
        try tmux.waitFor(text: "Transport et Infrastructure")
        try tmux.press("IC")
        try tmux.waitFor(text: "New finding")
        try tmux.type("Décret non appliqué")
        try tmux.waitFor(text: "Décret non appliqué")
        try tmux.press("M-b")
        try tmux.press("M-x")
        try tmux.press("M-d")
        // A key after them shows that all three were read (and that the program is still running).
        try tmux.type("!")
        let screen = try tmux.waitFor(text: "Décret non appliqué!")
        XCTAssertTrue(screen.contains("New finding"), "still on the capture line: \(screen)")
        XCTAssertFalse(screen.contains("EXIT="), screen)

        // Esc leaves the capture line and keeps the draft; quitting then asks first.
        try tmux.press("Escape")
        try tmux.waitFor("the capture line to close") { !$0.contains("New finding") }
        try tmux.press("F10")
        try tmux.waitFor(text: "Quit and lose the draft")
        try tmux.press("n")
        try tmux.waitFor("the question to close") { !$0.contains("Quit and lose the draft") }
        try tmux.press("IC")
        try tmux.waitFor(text: "Décret non appliqué!")
        try tmux.press("Escape")
        try tmux.waitFor("the capture line to close") { !$0.contains("New finding") }
        try tmux.press("F10")
        try tmux.waitFor(text: "Quit and lose the draft")
        try tmux.press("y")
        let end = try tmux.waitFor("the exit status and terminal modes") { $0.contains("EXIT=") && $0.contains("icanon") }
        XCTAssertTrue(end.contains("EXIT=0"), end)
    }

    /// A finding that clears the screen and retitles the window, listed and exported to the
    /// terminal: it is shown as escapes, and the lines before it are still on the screen.
    func testHostileTextPrintedToATerminalIsShownNotObeyed() throws {
        var w = WorkshopFixtures.complete()
        w.findings[3].text = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[Hcleared"
        let file = folder.file("hostile.json")
        try SessionStore().create(w, at: file)
        let quoted = TmuxSession.quote(file)
        let tmux = try TmuxSession(width: 200, height: 40, command: "echo BEFORE; \(binary) list \(quoted); \(binary) export \(quoted) --format csv")
        let end = try tmux.waitFor("the exit status") { $0.contains("EXIT=") && $0.contains("icanon") }
        XCTAssertTrue(end.contains("BEFORE"), "the screen was not cleared: \(end)")
        let escaped = "\\x1B]0;pwned\\x07\\x1B[2J\\x1B[Hcleared"
        XCTAssertEqual(end.components(separatedBy: escaped).count - 1, 2, "list and export to a terminal show escapes: \(end)")
        XCTAssertTrue(end.contains("EXIT=0"), end)
    }
}
