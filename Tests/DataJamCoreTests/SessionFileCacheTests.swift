@testable import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The cache that lets a save skip re-reading a file nobody else has replaced: it must notice
/// every other writer's save, or a save would merge with a stale copy and undo that writer's work.
final class SessionFileCacheTests: XCTestCase {
    private let store = SessionStore()
    private let cache = SessionFileCache.shared
    private typealias Identity = SessionFileCache.Identity

    private func resolved(_ path: String) -> String { SessionStore.resolved(path) }

    /// Another process's save, as this process sees it: the file replaced by a rename, without
    /// going through this process's store (so its cache learns nothing).
    private func saveElsewhere(_ workshop: Workshop, to path: String) throws {
        try DurableFile.write(try SessionCodec().encode(workshop), to: path)
    }

    /// `datajam serve` reads the file for its status line (team names) and for each rapporteur
    /// who connects, in the process whose open workshop is the facilitator's view. Those reads
    /// must leave another process's save still new to the view: a read that remembered it made
    /// the view's next poll take the file as seen, and the rapporteur's findings never appeared.
    func testAReadThatDoesNotRememberLeavesAnotherProcesssSaveNewToTheOpenWorkshop() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        var workshop = WorkshopFixtures.complete()
        try store.create(workshop, at: path)
        _ = try store.load(path)
        XCTAssertFalse(store.changedElsewhere(path))

        workshop.findings.append(Finding(id: "f-elsewhere", teamId: nil, kind: .note, text: "Ailleurs", createdAt: WorkshopFixtures.time(900)))
        try saveElsewhere(workshop, to: path)
        for _ in 0..<3 {
            XCTAssertEqual(try store.load(path, remembering: false).findings.last?.id, "f-elsewhere")
            XCTAssertTrue(store.changedElsewhere(path), "a read for a status line must not hide the change from the open workshop")
        }
        // The open workshop's own read takes it in; then nothing is new.
        _ = try store.load(path)
        XCTAssertFalse(store.changedElsewhere(path))
    }

    func testEveryFieldOfTheIdentityCounts() throws {
        let folder = TemporaryFolder()
        let path = folder.write("{}", to: "w.json")
        let identity = try XCTUnwrap(Identity.of(path))
        let changes: [(String, (inout Identity) -> Void)] = [
            ("device", { $0.device &+= 1 }), ("inode", { $0.inode &+= 1 }), ("size", { $0.size &+= 1 }),
            ("modified", { $0.modified &+= 1 }), ("changed", { $0.changed &+= 1 }),
        ]
        for (field, change) in changes {
            var other = identity
            change(&other)
            XCTAssertNotEqual(other, identity, "\(field) alone must tell two versions apart")
        }
        XCTAssertNil(Identity.of(folder.file("absent.json")))
    }

    func testAReplacedFileHasANewIdentityEvenWithTheSameBytes() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        let bytes = try SessionCodec().encode(WorkshopFixtures.complete())
        try DurableFile.write(bytes, to: path)
        let before = try XCTUnwrap(Identity.of(path))
        try DurableFile.write(bytes, to: path)
        let after = try XCTUnwrap(Identity.of(path))
        XCTAssertEqual(after.size, before.size)
        XCTAssertNotEqual(after.inode, before.inode, "a save is a rename: a new inode")
        XCTAssertNotEqual(after, before)
    }

    func testAnotherWritersSaveIsNoticedAndTheCachedCopyDropped() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try store.create(original, at: path)
        XCTAssertFalse(cache.hasChanged(resolved(path)), "our own save is what the cache describes")
        XCTAssertEqual(cache.workshop(at: resolved(path)), original)
        XCTAssertFalse(store.changedElsewhere(path))

        var theirs = original
        theirs.findings.append(Finding(id: "f-theirs", teamId: nil, kind: .note, text: "le leur"))
        try saveElsewhere(theirs, to: path)
        XCTAssertTrue(cache.hasChanged(resolved(path)))
        XCTAssertTrue(store.changedElsewhere(path))
        XCTAssertNil(cache.workshop(at: resolved(path)), "a stale copy must never be merged with")

        // So a save merges with what is on disk, keeping the other writer's change.
        var mine = original
        mine.findings.append(Finding(id: "f-mine", teamId: nil, kind: .note, text: "le mien"))
        let merged = try store.save(merging: mine, to: path)
        XCTAssertNotNil(merged.findings.record(withID: "f-theirs"))
        XCTAssertNotNil(merged.findings.record(withID: "f-mine"))
        XCTAssertFalse(store.changedElsewhere(path))
        XCTAssertEqual(cache.workshop(at: resolved(path)), merged)
    }

    func testAReplaceOfTheSameSizeAndModificationTimeIsNoticedByItsInode() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        var original = WorkshopFixtures.complete()
        original.details.city = "Sfax"
        try store.create(original, at: path)
        let remembered = try XCTUnwrap(Identity.of(path))

        // Same length, other content, the same modification time: only the inode (and the
        // change time, which no one can set) differ.
        var theirs = original
        theirs.details.city = "Beja"
        let replacement = folder.file("replacement")
        try DurableFile.write(try SessionCodec().encode(theirs), to: replacement)
        let keepAccessTime = (1 << 30) - 2 // UTIME_OMIT, which Swift cannot import
        var times = [timespec(tv_sec: 0, tv_nsec: keepAccessTime),
                     timespec(tv_sec: Int(remembered.modified / 1_000_000_000), tv_nsec: Int(remembered.modified % 1_000_000_000))]
        XCTAssertEqual(utimensat(AT_FDCWD, replacement, &times, 0), 0)
        XCTAssertEqual(rename(replacement, path), 0)
        let now = try XCTUnwrap(Identity.of(path))
        XCTAssertEqual(now.size, remembered.size)
        XCTAssertEqual(now.modified, remembered.modified)
        XCTAssertTrue(cache.hasChanged(resolved(path)))
        XCTAssertNil(cache.workshop(at: resolved(path)))
        XCTAssertEqual(try store.load(path).details.city, "Beja")
        XCTAssertFalse(cache.hasChanged(resolved(path)), "a load describes the file again")
    }

    func testAnInPlaceRewriteKeepingTheInodeIsNoticed() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        var original = WorkshopFixtures.complete()
        original.details.city = "Sfax"
        try store.create(original, at: path)
        let remembered = try XCTUnwrap(Identity.of(path))
        // An editor that writes in place: same inode, same size.
        var theirs = original
        theirs.details.city = "Beja"
        let bytes = try SessionCodec().encode(theirs)
        let fd = open(path, O_WRONLY | O_TRUNC)
        XCTAssertEqual(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, bytes.count)
        close(fd)
        XCTAssertEqual(Identity.of(path)?.inode, remembered.inode)
        XCTAssertTrue(cache.hasChanged(resolved(path)))
        XCTAssertNil(cache.workshop(at: resolved(path)))
    }

    func testADeletedOrUnknownFileCountsAsChanged() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        XCTAssertEqual(unlink(path), 0)
        XCTAssertTrue(cache.hasChanged(resolved(path)))
        XCTAssertNil(cache.workshop(at: resolved(path)))
        XCTAssertTrue(cache.hasChanged(folder.file("never-seen.json")))
    }

    func testASymbolicLinkIsWatchedThroughItsTarget() throws {
        let folder = TemporaryFolder()
        let target = folder.file("real.json"), link = folder.file("link.json")
        try store.create(WorkshopFixtures.complete(), at: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        _ = try store.load(link)
        XCTAssertFalse(store.changedElsewhere(link))
        var theirs = WorkshopFixtures.complete()
        theirs.details.city = "Nabeul"
        try saveElsewhere(theirs, to: target)
        XCTAssertTrue(store.changedElsewhere(link))
    }
}
