import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The real binary in tmux: a rapporteur's name asked once and stamped on findings; a team
/// deleted from session 2 with its findings moved; a finding deleted in an earlier run restored.
final class RapporteurAndRestoreEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        folder = TemporaryFolder("e2e-rapporteur")
    }

    func testNameAskedOnceStampedAndRestoredAfterARestart() throws {
        let file = folder.file("atelier.json")
        try ProcessRunner.datajam("new", file, "--theme", "Routes", "--team", "Routes", "--team", "Rail", "--time-zone", "Africa/Tunis")
        let binary = TmuxSession.quote(RepositoryPaths.binary)
        let rapporteur = try TmuxSession(width: 90, height: 24, command: "\(binary) open \(TmuxSession.quote(file)) --team routes --lang en")
        try rapporteur.waitFor(text: "Your name (signs your findings)")
        try rapporteur.type("Amira Ben Ali")
        try rapporteur.press("Enter")
        try rapporteur.waitFor(text: "Your findings will be signed")
        try rapporteur.press("M-n")
        try rapporteur.type("Nids-de-poule")
        try rapporteur.press("Enter")
        try rapporteur.waitFor(text: "Routes (1)")
        try rapporteur.press("Escape")
        try rapporteur.waitFor("capture closed") { !$0.contains("New finding") }
        try rapporteur.press("F10")
        try rapporteur.waitFor(text: "EXIT=0")
        var workshop = try SessionStore().load(file)
        XCTAssertEqual(workshop.findings.live.map(\.author), ["Amira Ben Ali"])
        XCTAssertEqual(workshop.team(named: "Routes")?.rapporteur, "Amira Ben Ali", "recorded: not asked again")

        // Started again: no question, same signature.
        let again = try TmuxSession(width: 90, height: 24, command: "\(binary) open \(TmuxSession.quote(file)) --team routes --lang en")
        let screen = try again.waitFor(text: "Routes (1)")
        XCTAssertFalse(screen.contains("Your name"), screen)
        try again.press("F10")
        try again.waitFor(text: "EXIT=0")

        // The finding deleted from the command line, so no undo history has it; the facilitator
        // deletes the team Routes (its findings to Rail), then restores the finding from the list.
        try ProcessRunner.datajam("delete", file, workshop.findings[0].id)
        try ProcessRunner.datajam("add", file, "--team", "Routes", "--kind", "note", "Deuxième")
        let facilitator = try TmuxSession(width: 90, height: 24, command: "\(binary) open \(TmuxSession.quote(file)) --lang en")
        try facilitator.waitFor(text: "Routes")
        try facilitator.press("2")
        try facilitator.waitFor(text: "Routes (1)")
        try facilitator.press("F9", "5")
        try facilitator.waitFor(text: "its 1 findings go to")
        try facilitator.press("Enter")
        try facilitator.waitFor(text: "Rail (1)")
        try facilitator.press("F9", "7")
        try facilitator.waitFor(text: "Deleted · Enter: restore")
        try facilitator.press("Down", "Enter")
        try facilitator.waitFor(text: "Restored")
        try facilitator.press("F10")
        try facilitator.waitFor(text: "EXIT=0")
        workshop = try SessionStore().load(file)
        let restored = try XCTUnwrap(workshop.findings.first { $0.text == "Nids-de-poule" })
        XCTAssertNil(restored.deletedAt)
        XCTAssertEqual(restored.teamId.flatMap { workshop.teams.record(withID: $0)?.name }, "Routes", "its team is back with it")
        XCTAssertFalse(workshop.team(named: "Routes")?.isDeleted ?? true)
        XCTAssertEqual(workshop.findings.first { $0.text == "Deuxième" }.flatMap { $0.teamId }, workshop.team(named: "Rail")?.id)
    }
}
