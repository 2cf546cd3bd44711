import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `datajam open FILE` starts loading the file before its command line is parsed (`OpeningAhead`):
/// what it opens must be exactly what opening after parsing gave, journals of crashed instances
/// replayed first, and a command line that names the file after an option must still open it.
final class OpenAheadEndToEndTests: XCTestCase {
    private let folder = TemporaryFolder("open-ahead")

    private func open(_ arguments: String) throws -> TmuxSession {
        try TmuxSession(width: 120, height: 40, command: "\(TmuxSession.quote(RepositoryPaths.binary)) open \(arguments) --lang en; echo EXIT=$?; sleep 60")
    }

    /// A journal that a crashed instance left holds a finding the file does not: opening replays
    /// it into the file and removes the journal, as before the load ran ahead.
    func testADeadInstancesJournalIsReplayedWhenOpened() throws {
        let file = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try SessionStore().create(original, at: file)
        var edited = original
        edited.findings.append(Finding(id: "f-journal", teamId: nil, kind: .note, text: "Trouvée dans le journal",
                                       createdAt: WorkshopFixtures.time(500)))
        let journal = try JournalFile(beside: file)
        try journal.append(try XCTUnwrap(JournalEntry(from: original, to: edited)))
        journal.close()
        XCTAssertEqual(JournalNames.journals(of: file).count, 1)

        let tmux = try open(TmuxSession.quote(file))
        try tmux.waitFor(text: original.details.theme)
        try tmux.press("q")
        try tmux.waitFor(text: "EXIT=0")
        XCTAssertEqual(try SessionStore().load(file).findings.record(withID: "f-journal")?.text, "Trouvée dans le journal")
        XCTAssertEqual(JournalNames.journals(of: file), [], "the replayed journal is removed")
    }

    /// The file after an option (`--team NAME FILE`) is not the one loaded ahead: the file named
    /// is opened all the same, in rapporteur mode.
    func testTheFileAfterAnOptionIsOpened() throws {
        let file = folder.file("t.json")
        let workshop = WorkshopFixtures.complete()
        try SessionStore().create(workshop, at: file)
        let team = try XCTUnwrap(workshop.teams.first)
        let tmux = try open("--team \(TmuxSession.quote(team.name)) --author Amira \(TmuxSession.quote(file))")
        try tmux.waitFor(text: "rapporteur \(team.name)")
        // In the breakouts, letters are typed into the finding: F10 quits.
        try tmux.press("F10")
        try tmux.waitFor(text: "EXIT=0")
    }

    /// While the file loads, the terminal is taken over (`OpenCommand`); when the file is then
    /// refused, or the team asked for is not in it, the shell gets its terminal back as it was
    /// (echo and line editing on, the normal screen) before the one line that says why.
    func testARefusalAfterTheTerminalWasTakenOverGivesItBack() throws {
        let broken = folder.file("taken.json")
        try Data("{\"format\": \"datajam-session\", \"version\": ".utf8).write(to: URL(fileURLWithPath: broken))
        let good = folder.file("team.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: good)
        for (arguments, refusal) in [(TmuxSession.quote(broken), "Error: \(broken): is not valid JSON"),
                                     ("\(TmuxSession.quote(good)) --team Personne", "Error: unknown team \"Personne\"")] {
            let tmux = try TmuxSession(width: 120, height: 40, command: """
                \(TmuxSession.quote(RepositoryPaths.binary)) open \(arguments); echo EXIT=$?; \
                stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo MODES; sleep 60
                """)
            let screen = try tmux.waitFor(text: "MODES")
            XCTAssertTrue(screen.contains(refusal), screen)
            XCTAssertTrue(screen.contains("EXIT=1"), screen)
            XCTAssertTrue(screen.contains("icanon echo MODES") || screen.contains("echo icanon MODES"), "terminal modes restored: \(screen)")
        }
    }

    /// A file that cannot be read is refused with the loader's one line, whether it was loaded
    /// ahead or not.
    func testABrokenFileIsRefusedWithOneLine() throws {
        let file = folder.file("b.json")
        try Data("{\"format\": \"datajam-session\",".utf8).write(to: URL(fileURLWithPath: file))
        for arguments in [TmuxSession.quote(file), "--author A \(TmuxSession.quote(file))"] {
            let tmux = try open(arguments)
            let screen = try tmux.waitFor(text: "EXIT=1")
            XCTAssertTrue(screen.contains("Error: \(file): is not valid JSON (ends unexpectedly at line 1"), screen)
        }
    }
}
