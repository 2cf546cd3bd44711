import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Another process's save arrives merged in the background: the run loop adopts the merge when the
/// open workshop has not changed since the snapshot, and merges the disk itself when it has, so a
/// finding typed meanwhile is kept.
final class PremergedChangeTests: XCTestCase {
    private func diskWithAnotherFinding(_ base: Workshop) -> Workshop {
        var disk = base
        disk.findings.append(Finding(id: "f-elsewhere", teamId: base.teams[0].id, kind: .note, text: "venue d’ailleurs",
                                     createdAt: WorkshopFixtures.time(3000)))
        return disk
    }

    func testTheBackgroundMergeIsAdoptedWhenNothingChangedMeanwhile() {
        var state = workshopState()
        let open = state.openWorkshop!
        let disk = diskWithAnotherFinding(open.workshop)
        let premerged = PremergedChange(base: open.workshop, contentVersion: open.contentVersion, disk: disk)
        XCTAssertTrue(premerged.changed)
        _ = AppUpdate.update(&state, .changedElsewhere(path: open.path, workshop: disk, premerged: premerged))
        XCTAssertEqual(state.workshop, premerged.merged)
        XCTAssertEqual(state.openWorkshop!.contentVersion, open.contentVersion + 1)
        XCTAssertTrue(state.workshop.findings.contains { $0.id == "f-elsewhere" })
    }

    func testAnEditMadeMeanwhileIsKept() {
        var state = workshopState()
        let open = state.openWorkshop!
        let disk = diskWithAnotherFinding(open.workshop)
        let premerged = PremergedChange(base: open.workshop, contentVersion: open.contentVersion, disk: disk)
        // Typed after the snapshot was taken.
        state.type("tapé pendant la fusion")
        state.press(.enter)
        XCTAssertNotEqual(state.openWorkshop!.contentVersion, premerged.contentVersion)
        _ = AppUpdate.update(&state, .changedElsewhere(path: open.path, workshop: disk, premerged: premerged))
        XCTAssertTrue(state.workshop.findings.contains { $0.id == "f-elsewhere" })
        XCTAssertTrue(state.workshop.findings.contains { $0.text == "tapé pendant la fusion" })
    }

    func testAnEchoOfOurOwnSaveChangesNothing() {
        var state = workshopState()
        let open = state.openWorkshop!
        let premerged = PremergedChange(base: open.workshop, contentVersion: open.contentVersion, disk: open.workshop)
        XCTAssertFalse(premerged.changed)
        _ = AppUpdate.update(&state, .changedElsewhere(path: open.path, workshop: open.workshop, premerged: premerged))
        XCTAssertEqual(state.openWorkshop!.contentVersion, open.contentVersion)
    }
}
