import DataJamCore
import Foundation
import TestSupport
import XCTest

/// A rapporteur who starts typing on session 2's list, and who changes the kind right after
/// Enter: every letter typed ends up in the findings, none is taken as a command.
final class TypingSafetyEndToEndTests: XCTestCase {
    func testLettersTypedOnTheListAndAfterEnterAreText() throws {
        try TmuxSession.requireTmux()
        let folder = TemporaryFolder("e2e-typing")
        let file = folder.file("atelier.json")
        try ProcessRunner.datajam("new", file, "--theme", "Transport", "--team", "Routes", "--team", "Rail")
        let binary = TmuxSession.quote(RepositoryPaths.binary)
        let tmux = try TmuxSession(width: 80, height: 24, command: "\(binary) open \(TmuxSession.quote(file)) --lang fr")
        try tmux.waitFor(text: "Présentation du programme")
        try tmux.press("F3")
        try tmux.waitFor(text: "Routes (0)")

        // Straight on the list, without opening anything: "M", "a", "n", "q", "u", "e"… are text.
        try tmux.type("Manque de données")
        try tmux.waitFor(text: "› Manque de données")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Routes (1)")
        // The line stays open: Alt-o makes the next one an opportunity, the letters stay text.
        try tmux.press("M-o")
        try tmux.waitFor(text: "Opportunité")
        try tmux.type("oCollaboration avec les universités")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Routes (2)")
        try tmux.press("Escape")
        try tmux.waitFor("the capture line to close") { !$0.contains("Nouvelle trouvaille") }
        // "q" on the list is the start of a finding, not quit.
        try tmux.type("quai 3")
        try tmux.waitFor(text: "› quai 3")
        try tmux.press("C-u", "Escape")
        try tmux.waitFor("the capture line to close") { !$0.contains("Nouvelle trouvaille") }
        try tmux.press("F10")
        try tmux.waitFor(text: "EXIT=0")

        let workshop = try SessionStore().load(file)
        let routes = try XCTUnwrap(workshop.team(named: "Routes"))
        let findings = workshop.findings.live.filter { $0.teamId == routes.id }
        XCTAssertEqual(findings.map(\.text), ["Manque de données", "oCollaboration avec les universités"])
        XCTAssertEqual(findings.map(\.kind), [.constraint, .opportunity])
    }
}
