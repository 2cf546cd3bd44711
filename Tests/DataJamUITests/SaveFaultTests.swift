@testable import DataJamCore
@testable import DataJamUI
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A save that fails for real (a full disk, injected under the durable write) reaches the screen:
/// the status line says why in red, the footer says "not saved", the file keeps its previous
/// version, and the next save once the disk has room clears it.
final class SaveFaultTests: XCTestCase {
    func testADiskFullSaveIsShownInRedAndTheFileIsKept() throws {
        let folder = TemporaryFolder()
        let path = folder.file("atelier.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        var open = OpenWorkshop(path: path, workshop: try SessionStore().load(path), rapporteurTeamID: nil, hasHome: true)
        open.phase = .breakouts
        open.refresh()
        var state = AppState(lang: .en, width: 100, height: 24, now: WorkshopFixtures.time(1000),
                             sessionsFolder: folder.path, route: .workshop(open))
        let inbox = MessageInbox()
        let saver = Saver(store: SessionStore(), inbox: inbox)
        func perform(_ effects: [Effect]) {
            for case .save(let path, let workshop, let revision) in effects {
                saver.save(path: path, workshop: workshop, revision: revision)
            }
            saver.flush()
            for message in inbox.drain() { _ = AppUpdate.update(&state, message) }
        }

        var full = DurableFile.SystemCalls.system
        full.write = { _, _, _ in errno = ENOSPC; return -1 }
        DurableFile.withSystemCalls(full) {
            perform(state.press(.control("g")))
        }
        XCTAssertEqual(state.status?.kind, .error)
        XCTAssertEqual(state.status?.text, "⚠ Not saved: \(path): not saved: cannot write: No space left on device; free some disk space, then try again (the file on disk is unchanged)")
        XCTAssertNotNil(state.openWorkshop?.saveError)
        XCTAssertTrue(AppView.render(state).buffer.lines.contains { $0.contains("⚠ Not saved") })
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(folder.entries, ["atelier.json"])

        perform(state.press(.control("g")))
        XCTAssertNil(state.openWorkshop?.saveError, "the next save, with room on the disk, succeeds")
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertNotEqual(state.status?.kind, .error)
    }
}
