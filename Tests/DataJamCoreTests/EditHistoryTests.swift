import DataJamCore
import TestSupport
import XCTest

final class EditHistoryTests: XCTestCase {
    private func t(_ s: Int64) -> Timestamp { WorkshopFixtures.time(s) }

    func testAddUndoRedoOfAFinding() {
        var w = WorkshopFixtures.complete()
        var history = EditHistory()
        let finding = Finding(id: "f-new", teamId: "t-invest", kind: .note, text: "nouvelle", createdAt: t(100))
        history.perform([.finding(finding)], label: "Added", on: &w, now: t(100))
        XCTAssertEqual(w.findings.live.count, 9)
        XCTAssertEqual(history.undo(on: &w, now: t(101)), "Added")
        XCTAssertEqual(w.findings.live.count, 8)
        XCTAssertTrue(w.findings.record(withID: "f-new")!.isDeleted, "undoing an add leaves a tombstone, so merges agree")
        XCTAssertEqual(history.redo(on: &w, now: t(102)), "Added")
        XCTAssertEqual(w.findings.record(withID: "f-new")?.text, "nouvelle")
        XCTAssertFalse(w.findings.record(withID: "f-new")!.isDeleted)
        XCTAssertNil(history.redo(on: &w, now: t(103)))
    }

    func testEditsAreStampedLaterThanWhatTheyReplace() {
        var w = WorkshopFixtures.complete()
        var history = EditHistory()
        var edited = w.findings[0]
        edited.text = "corrigé"
        // A clock that went backwards must still produce a winning change.
        history.perform([.finding(edited)], label: "Edited", on: &w, now: t(-500))
        XCTAssertEqual(w.findings[0].text, "corrigé")
        XCTAssertGreaterThan(w.findings[0].updatedAt, WorkshopFixtures.complete().findings[0].updatedAt)
        _ = history.undo(on: &w, now: t(-400))
        XCTAssertEqual(w.findings[0].text, "Absence d’APIs")
        XCTAssertGreaterThan(w.findings[0].updatedAt, WorkshopFixtures.complete().findings[0].updatedAt)
    }

    func testDeleteThenUndoRestoresAndAMultiChangeActionUndoesWhole() {
        var w = WorkshopFixtures.complete()
        var history = EditHistory()
        var deleted = w.findings[1]
        deleted.deletedAt = t(200)
        var moved = w.findings[2]
        moved.teamId = "t-transport"
        history.perform([.finding(deleted), .finding(moved)], label: "Two", on: &w, now: t(200))
        XCTAssertTrue(w.findings[1].isDeleted)
        XCTAssertEqual(w.findings[2].teamId, "t-transport")
        _ = history.undo(on: &w, now: t(201))
        XCTAssertFalse(w.findings[1].isDeleted)
        XCTAssertEqual(w.findings[2].teamId, "t-invest")
    }

    func testNewActionClearsRedoAndHistoryIsBounded() {
        var w = WorkshopFixtures.complete()
        var history = EditHistory()
        history.limit = 3
        for i in 0..<5 {
            var d = w.details
            d.city = "ville \(i)"
            history.perform([.details(d)], label: "City \(i)", on: &w, now: t(300 + Int64(i)))
        }
        XCTAssertEqual(history.undoStack.count, 3)
        _ = history.undo(on: &w, now: t(400))
        XCTAssertTrue(history.canRedo)
        history.perform([.plenary(Plenary(scope: "canaux"))], label: "Plenary", on: &w, now: t(401))
        XCTAssertFalse(history.canRedo)
    }
}
