import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Two real instances in tmux: the home screen of one cannot rename or trash the workshop the
/// other has open (its next save would bring the old name back as a second copy); once the other
/// goes back to its home screen, it can.
final class OpenElsewhereEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        folder = TemporaryFolder("e2e-open-elsewhere")
    }

    func testRenameAndTrashWaitUntilTheOtherInstanceLetsGo() throws {
        let binary = TmuxSession.quote(RepositoryPaths.binary)
        let file = folder.file("atelier.json")
        try ProcessRunner.datajam("new", file, "--theme", "Transport", "--team", "Rail")
        let sessions = "--sessions \(TmuxSession.quote(folder.path)) --lang en"

        let other = try TmuxSession(width: 90, height: 24, command: "\(binary) \(sessions)")
        try other.waitFor(text: "Transport")
        try other.press("Enter")
        try other.waitFor(text: "Slide 1/4")

        let home = try TmuxSession(width: 90, height: 24, command: "\(binary) \(sessions)")
        try home.waitFor(text: "Transport")
        try home.press("r")
        try home.waitFor(text: "New name for")
        try home.press("C-u")
        try home.type("transport-2024")
        try home.press("Enter")
        try home.waitFor(text: "is open in another DataJam")
        try home.press("x")
        try home.waitFor(text: "to the trash")
        try home.press("y")
        try home.waitFor("the trash refused too") { $0.contains("is open in another DataJam") && !$0.contains("to the trash") }
        XCTAssertTrue(FileManager.default.fileExists(atPath: file), "left where it was")

        // The other instance goes back to its home screen: the file is free.
        try other.press("Escape")
        try other.waitFor(text: "Workshops in")
        try home.press("r")
        try home.waitFor(text: "New name for")
        try home.press("C-u")
        try home.type("transport-2024")
        try home.press("Enter")
        try home.waitFor(text: "transport-2024.json")
        try home.press("q")
        try home.waitFor(text: "EXIT=0")
        try other.press("q")
        try other.waitFor(text: "EXIT=0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertEqual(try SessionStore().load(folder.file("transport-2024.json")).details.theme, "Transport")
        XCTAssertEqual(folder.entries.filter { !$0.hasPrefix(".trash") }, ["transport-2024.json"], "one copy, no journal left")
    }
}
