import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `datajam serve` with the facilitator's view in the same terminal: findings arrive live, Ctrl-O
/// lists and disconnects, the code changes, and quitting ends every rapporteur's view.
final class ServeFacilitatorViewTests: XCTestCase {
    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
    }

    func testFacilitatorSeesFindingsDisconnectsChangesCodeAndQuitEndsEveryone() throws {
        let folder = TemporaryFolder("serve-view")
        let file = folder.file("atelier.json")
        try ProcessRunner.datajam("new", file, "--theme", "Atelier SSH", "--team", "Environnement", "--team", "Santé")
        let command = "\(TmuxSession.quote(RepositoryPaths.binary)) serve \(TmuxSession.quote(file)) --port 0 --code 482913 --lang en"
        let facilitator = try TmuxSession(width: 120, height: 32, command: command, environment: ["XDG_CONFIG_HOME": folder.file("config")])
        try facilitator.waitFor(text: "Serving over SSH", timeout: 30)
        let log = file + ".serve.log"
        let logText = { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        let port = try XCTUnwrap(logText().range(of: #"port=[0-9]+"#, options: .regularExpression).map { Int(logText()[$0].dropFirst(5))! })
        let ssh = { (user: String) in
            "ssh -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no -o LogLevel=ERROR \(user)@127.0.0.1"
        }

        // ? shows how to join.
        try facilitator.press("?")
        try facilitator.waitFor(text: "ssh -p \(port) environnement@127.0.0.1")
        try facilitator.press("Escape")
        // Esc and a key sent together are what a terminal sends for Alt: send them apart.
        try facilitator.waitFor("help closed") { !$0.contains("Help · Esc to close") }
        try facilitator.press("2")
        try facilitator.waitFor(text: "Environnement (0)")

        let rapporteur = try TmuxSession(width: 100, height: 30, command: ssh("environnement"))
        try rapporteur.waitFor(text: "password:", timeout: 30)
        try rapporteur.type("482913")
        try rapporteur.press("Enter")
        try rapporteur.signIn(as: "Amira")
        try rapporteur.waitFor(text: "Environnement (0)", timeout: 30)
        try rapporteur.press("M-c")
        try rapporteur.type("Données de qualité de l’eau introuvables")
        try rapporteur.press("Enter")
        try facilitator.waitFor("the rapporteur's finding", timeout: 5) { $0.contains("Données de qualité de l’eau introuvables") }

        // Ctrl-O: the connection, live; the code changes for the next ones.
        try facilitator.press("C-o")
        try facilitator.waitFor(text: "Disconnect Environnement · 127.0.0.1")
        try facilitator.press("Enter")
        try facilitator.waitFor(text: "New access code")
        try facilitator.type("jasmin-2024")
        try facilitator.press("Enter")
        try facilitator.waitFor(text: "New access code: jasmin-2024")
        let late = try TmuxSession(width: 100, height: 30, command: ssh("sante"))
        try late.waitFor(text: "password:", timeout: 30)
        try late.type("482913")
        try late.press("Enter")
        try late.waitFor(text: "Permission denied", timeout: 20)
        try late.type("jasmin-2024")
        try late.press("Enter")
        try late.waitFor(text: "Santé (0)", timeout: 30)

        // Disconnect Santé's laptop from the list.
        try facilitator.press("C-o")
        try facilitator.waitFor(text: "Disconnect Santé")
        try facilitator.press("3")
        try late.waitFor(text: "EXIT=", timeout: 15)

        // Quitting the facilitator's view ends the server and the remaining rapporteur's view.
        try facilitator.press("F10")
        try facilitator.waitFor(text: "EXIT=0", timeout: 30)
        try rapporteur.waitFor(text: "EXIT=", timeout: 15)
        XCTAssertTrue(try SessionStore().load(file).findings.live.contains { $0.text == "Données de qualité de l’eau introuvables" })
        XCTAssertTrue(logText().contains("disconnected-by-facilitator"), logText())
        XCTAssertTrue(logText().contains("code-changed"), logText())
        XCTAssertTrue(logText().contains("stopped"), logText())
    }
}
