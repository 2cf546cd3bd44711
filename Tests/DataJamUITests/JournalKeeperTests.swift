import DataJamCore
@testable import DataJamUI
import Foundation
import TestSupport
import XCTest

/// The interface's side of the journal: every saved change is journaled, the journal empties once
/// a save covers it and disappears on a clean exit; and a stop by signal saves what was typed.
final class JournalKeeperTests: XCTestCase {
    private func open(_ path: String, phase: DaySession.Phase = .breakouts) throws -> AppState {
        var open = OpenWorkshop(path: path, workshop: try SessionStore().load(path), hasHome: false)
        open.phase = phase
        open.refresh()
        return AppState(lang: .en, width: 100, height: 30, now: .now(), sessionsFolder: (path as NSString).deletingLastPathComponent,
                        route: .workshop(open))
    }

    func testRecordedChangesAreJournaledThenEmptiedByTheSaveAndRemovedOnExit() throws {
        let folder = TemporaryFolder("keeper")
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try SessionStore().create(original, at: path)
        let inbox = MessageInbox()
        let keeper = JournalKeeper(inbox: inbox)
        keeper.begin(path: path, workshop: original)
        var edited = original
        edited.findings.append(Finding(id: "f-j", teamId: nil, kind: .note, text: "Journalisée", createdAt: WorkshopFixtures.time(100)))
        let sequence = keeper.record(path: path, workshop: edited, revision: 1)
        keeper.waitUntilWritten()

        XCTAssertTrue(inbox.drain().contains { if case .journaled(path, 1) = $0 { true } else { false } })
        let journals = JournalNames.journals(of: path)
        XCTAssertEqual(journals.count, 1)
        let lines = try String(contentsOfFile: journals[0], encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].contains("Journalisée") && !lines[0].contains("Absence"), "only the changed record")

        keeper.covered(path: path, upTo: sequence)
        keeper.waitUntilWritten()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journals[0])).count, 0, "emptied once a save holds it")
        XCTAssertTrue(keeper.finish(timeout: 5))
        XCTAssertEqual(folder.entries, ["w.json"], "removed on a clean exit")
    }

    func testJournalNotCoveredByASaveIsKeptAndReplayedOnTheNextOpen() throws {
        let folder = TemporaryFolder("keeper-kept")
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try SessionStore().create(original, at: path)
        let keeper = JournalKeeper(inbox: MessageInbox())
        keeper.begin(path: path, workshop: original)
        var edited = original
        edited.findings[0].text = "Modifiée, jamais enregistrée"
        edited.findings[0].updatedAt = WorkshopFixtures.time(100)
        keeper.record(path: path, workshop: edited, revision: 1)
        XCTAssertTrue(keeper.finish(timeout: 5))
        XCTAssertEqual(JournalNames.journals(of: path).count, 1, "kept: the file does not hold it")
        let (reopened, report) = try SessionStore().loadRecoveringJournals(path)
        XCTAssertEqual(reopened.findings.record(withID: "f-1")?.text, "Modifiée, jamais enregistrée")
        XCTAssertEqual(report.recordCount, 1)
        XCTAssertEqual(folder.entries, ["w.json"])
    }

    /// A stop by signal takes in the keys already typed, saves, and reports the signal.
    func testStopBySignalSavesWhatWasTypedAndLeavesNoJournal() throws {
        let folder = TemporaryFolder("keeper-signal")
        let path = folder.file("w.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: path)
        let terminal = InMemoryTerminal(width: 100, height: 30)
        let runtime = AppRuntime(state: try open(path), backend: terminal, effects: EffectRunner(inbox: MessageInbox()))
        terminal.enqueue(.alt("o"))
        terminal.type("Tapée juste avant SIGHUP")
        terminal.enqueue(.enter)
        terminal.terminationSignal = SIGHUP
        runtime.run()
        XCTAssertEqual(runtime.stoppedBySignal, SIGHUP)
        XCTAssertTrue(terminal.isShutDown)
        XCTAssertEqual(try SessionStore().load(path).findings.live.last?.text, "Tapée juste avant SIGHUP")
        XCTAssertEqual(folder.entries, ["w.json"])
    }

    func testStatusSaysWhetherTheLastChangeIsSafe() throws {
        var open = OpenWorkshop(path: "w.json", workshop: WorkshopFixtures.complete(), hasHome: false)
        XCTAssertEqual(Vocabulary.durability(of: open)(.en), "✓ saved")
        open.revision = 2
        open.savedRevision = 1
        XCTAssertEqual(Vocabulary.durability(of: open)(.en), "saving…")
        XCTAssertEqual(Vocabulary.durability(of: open)(.fr), "enregistrement…")
        open.journaledRevision = 2
        XCTAssertEqual(Vocabulary.durability(of: open)(.en), "✓ kept in the journal, saving…")
        XCTAssertEqual(Vocabulary.durability(of: open)(.fr), "✓ gardé dans le journal, enregistrement…")
        open.saveError = "disk full"
        XCTAssertEqual(Vocabulary.durability(of: open)(.en), "⚠ not saved (kept in the journal)")

        // Shown while a message occupies the status line too.
        var state = AppState(lang: .en, width: 100, height: 30, now: .now(), sessionsFolder: ".", route: .workshop(open))
        state.openWorkshop?.saveError = nil
        state.status = StatusLine("Finding added")
        let screen = AppView.render(state).buffer
        let statusRow = screen.lines.first { $0.contains("Finding added") } ?? ""
        XCTAssertTrue(statusRow.contains("✓ kept in the journal, saving…"), statusRow)
    }
}
