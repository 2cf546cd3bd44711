import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Twelve rapporteurs connected at once over SSH, each typing fifty findings: all 600 in the file.
final class ServeLoadTests: XCTestCase {
    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
    }

    func testTwelveRapporteursTypingFiftyFindingsEach() throws {
        let teams = (1...12).map { "Équipe \($0)" }
        let serve = try ServeFixture(teams: teams, label: "serve-load")
        var sessions: [TmuxSession] = []
        for (index, team) in teams.enumerated() {
            let tmux = try serve.connect(user: "equipe-\(index + 1)", width: 90, height: 24)
            try tmux.signIn(as: "Rapporteur \(index + 1)")
            try tmux.waitFor(text: "\(team) (0)", timeout: 60)
            try tmux.press("M-c")
            sessions.append(tmux)
        }
        XCTAssertEqual(serve.log.components(separatedBy: " view ").count - 1, 12, serve.log)

        // Round-robin: every rapporteur types while the others do.
        for number in 1...50 {
            for (index, tmux) in sessions.enumerated() {
                try tmux.type("Équipe \(index + 1) constat \(number)")
                try tmux.press("Enter")
            }
        }
        for (index, tmux) in sessions.enumerated() {
            try tmux.waitFor(text: "Équipe \(index + 1) (50)", timeout: 120)
        }
        let findings = serve.waitForFindings(timeout: 60) { $0.count == 600 }
        XCTAssertEqual(findings.count, 600)
        let expected = Set((1...12).flatMap { team in (1...50).map { "Équipe \(team) constat \($0)" } })
        XCTAssertEqual(Set(findings.map(\.text)), expected)
        let workshop = try SessionStore().load(serve.file)
        for team in workshop.teams.live {
            let own = findings.filter { $0.teamId == team.id }
            XCTAssertEqual(own.count, 50, team.name)
            XCTAssertTrue(own.allSatisfy { $0.text.hasPrefix(team.name + " ") }, "\(team.name) holds another team's finding")
        }
        XCTAssertEqual(try ProcessRunner.datajam("validate", serve.file).status, 0)

        for tmux in sessions {
            try tmux.press("Escape")
            try tmux.waitFor("capture closed") { !$0.contains("New finding") && !$0.contains("Nouvelle trouvaille") }
            try tmux.press("F10")
        }
        for tmux in sessions { try tmux.waitFor(text: "EXIT=0", timeout: 30) }
        XCTAssertEqual(try SessionStore().load(serve.file).findings.live.count, 600)
    }
}
