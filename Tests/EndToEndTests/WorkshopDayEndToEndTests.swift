import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The real binary in tmux, driven as a facilitator and a rapporteur would.
final class WorkshopDayEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        folder = TemporaryFolder("e2e")
    }

    private var binary: String { TmuxSession.quote(RepositoryPaths.binary) }

    /// Create a workshop from the home screen, add a team, capture findings with accents and
    /// Arabic, switch sessions, resize, quit; then check the file and the terminal.
    func testCreateCaptureResizeQuit() throws {
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(binary) --sessions \(TmuxSession.quote(folder.path)) --lang fr")
        try tmux.waitFor(text: "Aucun atelier ici")
        try tmux.press("n")
        try tmux.waitFor(text: "Nouvel atelier")
        try tmux.type("Santé publique")
        try tmux.press("Tab")
        try tmux.press("C-u")
        try tmux.type("2024-03-12")
        try tmux.press("Tab")
        try tmux.type("Sfax")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Une équipe par ligne")
        try tmux.type("Hôpitaux")
        try tmux.press("Enter")
        try tmux.type("Médicaments")
        try tmux.press("C-s")
        try tmux.waitFor(text: "Atelier créé")

        try tmux.press("2")
        try tmux.waitFor(text: "Hôpitaux (0)")
        try tmux.press("F9")
        try tmux.waitFor(text: "Équipes et catégories")
        try tmux.press("1")
        try tmux.waitFor(text: "Nom de la nouvelle équipe")
        try tmux.type("Droits des femmes")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Droits des femmes (0)")

        try tmux.press("M-c")
        try tmux.waitFor(text: "Nouvelle trouvaille · Droits des femmes")
        try tmux.type("Données ventilées par sexe absentes — فاطمة الزهراء")
        try tmux.press("C-g")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Droits des femmes (1)")
        try tmux.type("Portail à améliorer 👍")
        try tmux.press("Tab")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Droits des femmes (2)")
        try tmux.press("Escape")
        let screen = try tmux.waitFor("the capture line to close") { !$0.contains("Nouvelle trouvaille") }
        XCTAssertTrue(unshapedArabic(screen).contains("absentes — ءارهزلا ةمطاف"), "the Arabic name reads right to left: \(screen)")
        XCTAssertTrue(screen.contains("▸ Opportunités (1)"), screen)

        try tmux.press("F4")
        try tmux.waitFor(text: "Vue suivante")
        try tmux.press("1")
        try tmux.waitFor(text: "Présentation du programme")

        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor(text: "trop petite")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor(text: "Présentation du programme")

        try tmux.press("q")
        let end = try tmux.waitFor("the exit status and terminal modes") { $0.contains("EXIT=") && $0.contains("icanon") }
        XCTAssertTrue(end.contains("EXIT=0"), end)
        XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon"), "terminal back in line mode: \(end)")
        XCTAssertTrue(end.contains("echo") && !end.contains("-echo "), "echo restored: \(end)")

        let file = folder.file("2024-03-12-sante-publique.json")
        let workshop = try SessionStore().load(file)
        XCTAssertEqual(workshop.details.theme, "Santé publique")
        XCTAssertEqual(workshop.details.city, "Sfax")
        XCTAssertEqual(workshop.teams.map(\.name), ["Hôpitaux", "Médicaments", "Droits des femmes"])
        let team = try XCTUnwrap(workshop.team(named: "Droits des femmes"))
        let findings = workshop.findings.filter { $0.teamId == team.id }
        XCTAssertEqual(findings.map(\.text), ["Données ventilées par sexe absentes — فاطمة الزهراء", "Portail à améliorer 👍"])
        XCTAssertEqual(findings.map(\.kind), [.constraint, .opportunity])
        XCTAssertEqual(findings.map(\.gender), [true, false])
        XCTAssertEqual(findings[0].category, "technical", "the default categories' first")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [file]), [])
    }

    /// Rapporteur mode: one team only; undo and redo; Esc answers at once.
    func testRapporteurModeCapturesForItsTeamOnly() throws {
        let file = folder.file("atelier.json")
        try ProcessRunner.datajam("new", file, "--theme", "Transport", "--team", "Routes", "--team", "Rail")
        let tmux = try TmuxSession(width: 80, height: 24, command: "\(binary) open \(TmuxSession.quote(file)) --team rail --author Rapporteur --lang en")
        try tmux.waitFor(text: "rapporteur Rail")
        let first = try tmux.screen()
        XCTAssertFalse(first.contains("Routes ("), "other teams are hidden: \(first)")
        try tmux.press("M-o")
        try tmux.type("Horaires en open data")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Rail (1)")
        try tmux.press("Escape")
        try tmux.waitFor("capture closed") { !$0.contains("New finding") }
        try tmux.press("C-z")
        try tmux.waitFor(text: "Rail (0)")
        try tmux.press("C-r")
        try tmux.waitFor(text: "Rail (1)")
        try tmux.press("F10")
        try tmux.waitFor(text: "EXIT=0")
        let workshop = try SessionStore().load(file)
        let rail = try XCTUnwrap(workshop.team(named: "Rail"))
        XCTAssertEqual(workshop.findings.live.map(\.teamId), [rail.id])
        XCTAssertEqual(workshop.findings.live.map(\.text), ["Horaires en open data"])
    }

    /// Below the minimum size, and even at 1×1, a message instead of a crash; q still quits.
    func testTinyTerminalShowsAMessageAndQuits() throws {
        let tmux = try TmuxSession(width: 30, height: 8, command: "\(binary) --sessions \(TmuxSession.quote(RepositoryPaths.sessionsFolder))")
        try tmux.waitFor(text: "trop petite")
        try tmux.resize(width: 1, height: 1)
        // The 30×8 message is centred, so the pane's one cell is blank until the app redraws at 1×1
        // and puts the first letter of its message there.
        try tmux.waitFor("the message redrawn at 1×1") { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "F" }
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(text: "Économie numérique")
        try tmux.resize(width: 20, height: 5)
        try tmux.waitFor(text: "trop")
        try tmux.press("q")
        try tmux.waitFor(text: "EXIT=0")
    }

    /// SIGTERM and SIGHUP restore the terminal.
    func testTerminationSignalsRestoreTheTerminal() throws {
        for signal in ["TERM", "HUP"] {
            let tmux = try TmuxSession(width: 80, height: 24, command: "\(binary) --sessions \(TmuxSession.quote(RepositoryPaths.sessionsFolder))")
            try tmux.waitFor(text: "Économie numérique")
            _ = try ProcessRunner.run("/usr/bin/env", ["pkill", "-\(signal)", "-f", "^\(RepositoryPaths.binary) --sessions"])
            let end = try tmux.waitFor("the exit status and terminal modes") { $0.contains("EXIT=") && $0.contains("icanon") }
            XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon"), "\(signal): \(end)")
            XCTAssertTrue(end.contains("echo") && !end.contains("-echo "), "\(signal): \(end)")
        }
    }
}
