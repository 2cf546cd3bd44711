import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Several rapporteurs on one session file: what one types appears in the others without a key.
final class LiveSharingEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        folder = TemporaryFolder("e2e-live")
    }

    func testTwoInstancesSeeEachOthersFindingsAndCommandLineAdds() throws {
        let file = folder.file("atelier.json")
        try ProcessRunner.datajam("new", file, "--theme", "Partage", "--team", "Routes", "--team", "Rail")
        let binary = TmuxSession.quote(RepositoryPaths.binary)
        let routes = try TmuxSession(width: 90, height: 24, command: "\(binary) open \(TmuxSession.quote(file)) --team routes --author Rapporteur")
        let facilitator = try TmuxSession(width: 90, height: 24, command: "\(binary) open \(TmuxSession.quote(file))")
        try routes.waitFor(text: "Routes (0)")
        try facilitator.waitFor(text: "Présentation du programme")
        try facilitator.press("2")
        try facilitator.waitFor(text: "Routes (0)")

        // The facilitator starts typing: incoming findings must not disturb the line.
        try facilitator.press("M-n")
        try facilitator.type("en cours de frappe")

        try routes.press("M-c")
        try routes.type("Nids-de-poule non recensés — عبد الله")
        try routes.press("Enter")
        try routes.waitFor(text: "Routes (1)")
        let seen = try facilitator.waitFor("the rapporteur's finding", timeout: 3) { $0.contains("Nids-de-poule non recensés") }
        XCTAssertTrue(seen.contains("› en cours de frappe"), "the facilitator's typing is untouched: \(seen)")

        try ProcessRunner.datajam("add", file, "--team", "Routes", "--kind", "opportunity", "Cartographie ouverte des chantiers")
        try routes.waitFor("the command-line finding", timeout: 3) { $0.contains("Cartographie ouverte des chantiers") }
        try facilitator.waitFor("the command-line finding", timeout: 3) { $0.contains("Cartographie ouverte des chantiers") }

        // A deletion in one instance stays deleted everywhere.
        try routes.press("Escape")
        try routes.waitFor("capture closed") { !$0.contains("Nouvelle trouvaille") }
        try routes.press("Home", "DC")
        try facilitator.waitFor("the deletion", timeout: 3) { !$0.contains("Nids-de-poule") }

        // Esc and q sent together are what a terminal sends for Alt-q: send them apart.
        try facilitator.press("Enter", "Escape")
        try facilitator.waitFor("capture closed") { !$0.contains("Nouvelle trouvaille") }
        try facilitator.press("F10")
        try routes.press("F10")
        try facilitator.waitFor(text: "EXIT=0")
        try routes.waitFor(text: "EXIT=0")
        let workshop = try SessionStore().load(file)
        XCTAssertEqual(Set(workshop.findings.live.map(\.text)), ["Cartographie ouverte des chantiers", "en cours de frappe"])
        XCTAssertTrue(workshop.findings.contains { $0.text.hasPrefix("Nids-de-poule") && $0.isDeleted })
    }
}
