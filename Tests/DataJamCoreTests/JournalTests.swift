@testable import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The write-ahead journal: what is appended is replayed, by last-writer-wins, exactly once, and
/// a crash mid-append, a damaged journal or a journal of a live process never costs the session.
final class JournalTests: XCTestCase {
    private let store = SessionStore()

    private func later(_ t: Timestamp, _ ms: Int64 = 1) -> Timestamp { Timestamp(milliseconds: t.milliseconds + ms) }

    /// A journal line whose process is gone: written through a JournalFile, then let go of.
    private func deadJournal(beside path: String, _ entries: [JournalEntry]) throws -> String {
        let file = try JournalFile(beside: path)
        for entry in entries { try file.append(entry) }
        file.close()
        return file.path
    }

    func testAppendedChangesAreReplayedOnOpenAndTheJournalRemoved() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try store.create(original, at: path)

        var edited = original
        edited.findings.append(Finding(id: "f-new", teamId: "t-transport", kind: .opportunity, text: "Nouvelle", createdAt: WorkshopFixtures.time(100)))
        edited.findings[0].text = "Texte modifié"
        edited.findings[0].updatedAt = WorkshopFixtures.time(101)
        edited.findings[1].deletedAt = WorkshopFixtures.time(102)
        edited.findings[1].updatedAt = WorkshopFixtures.time(102)
        edited.details.city = "Sfax"
        edited.details.updatedAt = WorkshopFixtures.time(103)
        let entry = try XCTUnwrap(JournalEntry(from: original, to: edited))
        XCTAssertEqual(entry.findings?.map(\.id), ["f-1", "f-2", "f-new"], "only what changed")
        XCTAssertNil(entry.teams)
        let journal = try deadJournal(beside: path, [entry])

        XCTAssertEqual(try store.load(path), original, "a plain load does not touch journals")
        let (opened, report) = try store.loadRecoveringJournals(path)
        XCTAssertEqual(opened, original.merged(with: edited))
        XCTAssertEqual(report.recordCount, 4)
        XCTAssertEqual(report.problems, [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal), "removed once the file holds it")
        XCTAssertEqual(try store.load(path), opened, "and the file holds it")
        XCTAssertEqual(folder.entries, ["w.json"])
    }

    func testTornLastLineIsIgnoredAndTheRestReplayed() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try store.create(original, at: path)
        var edited = original
        edited.findings.append(Finding(id: "f-kept", teamId: nil, kind: .note, text: "Gardée", createdAt: WorkshopFixtures.time(100)))
        let good = try JSONEncoder().encode(try XCTUnwrap(JournalEntry(from: original, to: edited)))
        // Every way a crash can cut the last append: anywhere in the line, or zeros after a power cut.
        let torn = String(decoding: good, as: UTF8.self)
        for cut in [1, torn.utf8.count / 2, torn.utf8.count - 1] {
            for tail in [Data(torn.utf8.prefix(cut)), Data(repeating: 0, count: cut)] {
                let journal = folder.file(".w.json-\(cut)-t\(tail.first == 0 ? "z" : "p").journal")
                FileManager.default.createFile(atPath: journal, contents: good + Data([0x0A]) + tail)
                let (opened, report) = try store.loadRecoveringJournals(path)
                XCTAssertEqual(report.problems, [])
                XCTAssertTrue(opened.findings.contains { $0.id == "f-kept" })
                XCTAssertFalse(FileManager.default.fileExists(atPath: journal))
            }
        }
    }

    func testDamagedJournalNeverBlocksOpeningAndIsKept() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        let journal = folder.write("{\"workshopId\":\"w-test\"}\nnot json at all\n{\"workshopId\":\"w-test\"}\n", to: ".w.json-1-damaged.journal")
        let (opened, report) = try store.loadRecoveringJournals(path)
        XCTAssertEqual(opened, WorkshopFixtures.complete())
        XCTAssertEqual(report.problems.count, 1)
        XCTAssertTrue(report.problems[0].hasPrefix("\(journal): line 2 cannot be read"), report.problems[0])
        XCTAssertFalse(report.problems[0].contains("\n"), "one line")
        XCTAssertTrue(FileManager.default.fileExists(atPath: journal), "kept for a person to look at")

        // Records that would break the session (a finding of a team that does not exist) likewise.
        var bad = JournalEntry(workshopId: "w-test")
        bad.findings = [Finding(id: "f-orphan", teamId: "t-missing", kind: .note, text: "x", createdAt: WorkshopFixtures.time(5))]
        unlink(journal)
        let other = try deadJournal(beside: path, [bad])
        let (again, second) = try store.loadRecoveringJournals(path)
        XCTAssertEqual(again, WorkshopFixtures.complete())
        XCTAssertEqual(second.problems.count, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: other))
    }

    func testLaterFileEditWinsOverJournal() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        var newer = original
        newer.findings[0].text = "Version plus récente"
        newer.findings[0].updatedAt = WorkshopFixtures.time(200)
        newer.findings[1].text = "Modifiée avant la suppression"
        newer.findings[1].updatedAt = WorkshopFixtures.time(50)
        try store.create(newer, at: path)

        var journaled = original
        journaled.findings[0].text = "Ancienne version"
        journaled.findings[0].updatedAt = WorkshopFixtures.time(100)
        journaled.findings[1].deletedAt = WorkshopFixtures.time(100)
        journaled.findings[1].updatedAt = WorkshopFixtures.time(100)
        _ = try deadJournal(beside: path, [try XCTUnwrap(JournalEntry(from: original, to: journaled))])

        let (opened, _) = try store.loadRecoveringJournals(path)
        XCTAssertEqual(opened.findings.record(withID: "f-1")?.text, "Version plus récente", "the later change wins")
        XCTAssertTrue(opened.findings.record(withID: "f-2")?.isDeleted == true, "the later deletion wins")
    }

    /// Generated edit sequences: journaling each step's changes and replaying them over the
    /// original gives the final workshop, whatever the steps, the coalescing and the order.
    func testReplayOfGeneratedEditsGivesTheFinalWorkshop() throws {
        var random = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let original = WorkshopFixtures.complete()
            var current = original
            var entries: [JournalEntry] = []
            var clock = WorkshopFixtures.time(1000)
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                var next = current
                clock = later(clock, Int64.random(in: 1...5, using: &random))
                switch Int.random(in: 0..<7, using: &random) {
                case 0:
                    next.findings.append(Finding(teamId: "t-invest", kind: .note, text: "n\(round)", createdAt: clock))
                case 1:
                    let i = Int.random(in: 0..<next.findings.count, using: &random)
                    next.findings[i].text += " modifié"
                    next.findings[i].updatedAt = clock
                case 2:
                    let i = Int.random(in: 0..<next.findings.count, using: &random)
                    next.findings[i].deletedAt = clock
                    next.findings[i].updatedAt = clock
                case 3:
                    next.teams.append(Team(name: "Équipe \(round)-\(clock.milliseconds)", createdAt: clock))
                case 4:
                    next.details.facilitatorNotes += "."
                    next.details.updatedAt = clock
                case 5:
                    next.synthesis.recommendations.append(SynthesisItem(text: "r", createdAt: clock))
                default:
                    // Another process's save was merged in: reordered records, nothing new.
                    next.findings.reverse()
                }
                // Coalescing: a step is journaled alone, or left for the next line to carry.
                if Bool.random(using: &random), let entry = JournalEntry(from: original.replaying(entries), to: next) {
                    entries.append(entry)
                }
                current = next
            }
            if let last = JournalEntry(from: original.replaying(entries), to: current) { entries.append(last) }
            let replayed = original.replaying(entries)
            XCTAssertEqual(replayed, original.merged(with: current), "round \(round)")
            XCTAssertEqual(original.replaying(entries.shuffled()), replayed, "order does not matter")
            XCTAssertEqual(replayed.replaying(entries), replayed, "replaying twice changes nothing")
        }
    }

    func testJournalNamesBelongToOneSessionFileOnly() {
        XCTAssertTrue(JournalNames.isJournal(".a.json-123-x1y2.journal", of: "a.json"))
        XCTAssertFalse(JournalNames.isJournal(".a.json-b.json-123-x1y2.journal", of: "a.json"), "another file's journal")
        XCTAssertFalse(JournalNames.isJournal(".a.json.Xy12Ab", of: "a.json"), "a save's temporary file")
        XCTAssertFalse(JournalNames.isJournal(".a.json-123.journal", of: "a.json"))
        XCTAssertFalse(JournalNames.isJournal("a.json-123-x.journal", of: "a.json"))
    }

    /// Another process's live journal (its lock held) is left alone by opening and by commands;
    /// once that process is gone, the next open replays it.
    func testLiveJournalOfAnotherProcessIsLeftAloneUntilItDies() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try store.create(original, at: path)
        var edited = original
        edited.findings.append(Finding(id: "f-live", teamId: nil, kind: .note, text: "En cours", createdAt: WorkshopFixtures.time(100)))
        let journal = try deadJournal(beside: path, [try XCTUnwrap(JournalEntry(from: original, to: edited))])

        // Another process holds the journal's lock, as a running instance does.
        let holder = Process()
        // The shell opens the journal, locks it and becomes `sleep`, which keeps the lock until it is ended.
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9<\"$0\"; flock -x 9; exec sleep 30", journal]
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        let deadline = Date().addingTimeInterval(5)
        while !JournalRecovery.deadJournals(of: path).isEmpty, Date() < deadline { usleep(10_000) }
        XCTAssertEqual(JournalRecovery.deadJournals(of: path), [], "a held journal is alive")

        let (opened, report) = try store.loadRecoveringJournals(path)
        XCTAssertEqual(opened, original)
        XCTAssertEqual(report, SessionStore.JournalReport())
        try store.update(path) { workshop in workshop.details.city = "Sousse"; workshop.details.updatedAt = WorkshopFixtures.time(300) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: journal), "a command leaves a live journal alone")
        XCTAssertNil(try store.load(path).findings.record(withID: "f-live"))

        holder.terminate()
        holder.waitUntilExit()
        let (reopened, after) = try store.loadRecoveringJournals(path)
        XCTAssertEqual(reopened.findings.record(withID: "f-live")?.text, "En cours")
        XCTAssertEqual(reopened.details.city, "Sousse")
        XCTAssertEqual(after.recordCount, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal))
    }

    func testACommandReplaysADeadJournalBeforeItsChange() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try store.create(original, at: path)
        var edited = original
        edited.findings.append(Finding(id: "f-dead", teamId: nil, kind: .note, text: "Tapée avant le crash", createdAt: WorkshopFixtures.time(100)))
        let journal = try deadJournal(beside: path, [try XCTUnwrap(JournalEntry(from: original, to: edited))])
        try store.update(path) { workshop in workshop.details.city = "Sousse"; workshop.details.updatedAt = WorkshopFixtures.time(300) }
        XCTAssertNotNil(try store.load(path).findings.record(withID: "f-dead"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal))
    }

    func testJournalFileIsPrivateLockedAndEmptiedOrRemoved() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        let file = try JournalFile(beside: path)
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        // A session file shared with a group (rapporteurs with accounts of their own): so is its journal.
        chmod(path, 0o660)
        let shared = try JournalFile(beside: path)
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: shared.path)[.posixPermissions] as? NSNumber)?.intValue, 0o660)
        shared.remove()
        try file.append(JournalEntry(everythingIn: WorkshopFixtures.complete()))
        XCTAssertGreaterThan(file.size, 0)
        XCTAssertEqual(JournalRecovery.deadJournals(of: path), [], "alive while this process holds it")
        file.clear()
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue, 0)
        file.remove()
        XCTAssertEqual(folder.entries, ["w.json"])
    }

    /// A journal emptied by a covering save, left by a process killed afterwards: removed, and the
    /// file is not rewritten for it.
    func testEmptyDeadJournalIsRemovedWithoutASave() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber
        let journal = folder.write("", to: ".w.json-7-empty.journal")
        let (opened, report) = try store.loadRecoveringJournals(path)
        XCTAssertEqual(opened, WorkshopFixtures.complete())
        XCTAssertEqual(report, SessionStore.JournalReport())
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber, before, "not rewritten")
    }
}
