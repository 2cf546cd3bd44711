@testable import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Makes each step of a durable save fail in turn (a full disk while writing, an I/O error on
/// flushing, a refused rename, a failed flush of the folder) and checks the promise each time:
/// the file on disk is byte for byte the previous version (or, once the rename has happened,
/// the complete new one), no temp file is left, and the error is one line that says what to do.
final class DurableFileFaultTests: XCTestCase {
    private let store = SessionStore()

    private typealias Calls = DurableFile.SystemCalls

    /// One fault per step, with the errno it sets and words its message must contain.
    private static let faults: [(step: String, calls: Calls, says: String)] = {
        var full = Calls.system
        // Writes a little, then finds the disk full: a partly written temp file must not survive.
        full.write = { fd, bytes, count in
            if count > 64 { return Glibc.write(fd, bytes, 64) }
            errno = ENOSPC
            return -1
        }
        var flush = Calls.system
        flush.fsync = { _ in errno = EIO; return -1 }
        var rename = Calls.system
        rename.rename = { _, _ in errno = EACCES; return -1 }
        return [
            ("write", full, "cannot write: No space left on device; free some disk space, then try again (the file on disk is unchanged)"),
            ("fsync", flush, "cannot flush to disk: Input/output error; check the disk, then try again (the file on disk is unchanged)"),
            ("rename", rename, "cannot replace the file: Permission denied; check the folder's permissions, then try again (the file on disk is unchanged)"),
        ]
    }()

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func testAFailedStepLeavesThePreviousFileWholeAndNoTempFile() throws {
        for fault in Self.faults {
            let folder = TemporaryFolder()
            let path = folder.file("w.json")
            try store.create(WorkshopFixtures.complete(), at: path)
            let before = try bytes(path)
            var mine = WorkshopFixtures.complete()
            mine.findings.append(Finding(id: "f-lost", teamId: nil, kind: .note, text: "pas encore écrit"))
            for attempt in ["update", "save"] {
                XCTAssertThrowsError(try DurableFile.withSystemCalls(fault.calls) {
                    if attempt == "update" {
                        try store.update(path) { $0.details.city = "Gabès" }
                    } else {
                        try store.save(merging: mine, to: path)
                    }
                }, "\(fault.step) \(attempt)") { error in
                    XCTAssertEqual("\(error)", "\(path): not saved: \(fault.says)", "\(fault.step) \(attempt)")
                    XCTAssertFalse("\(error)".contains("\n"))
                }
                XCTAssertEqual(try bytes(path), before, "\(fault.step) \(attempt): the file on disk changed")
                XCTAssertEqual(folder.entries, ["w.json"], "\(fault.step) \(attempt): a temp file was left")
            }
            // Once the fault is gone, the next save writes, and the file reads back whole.
            try store.save(merging: mine, to: path)
            XCTAssertEqual(try store.load(path).findings.last?.id, "f-lost", fault.step)
        }
    }

    func testAFailedFlushOfTheFolderIsReportedWithTheNewFileWholeInPlace() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        var calls = Calls.system
        calls.fsyncFolder = { _ in errno = EIO; return -1 }
        XCTAssertThrowsError(try DurableFile.withSystemCalls(calls) { try store.update(path) { $0.details.city = "Gabès" } }) { error in
            XCTAssertEqual("\(error)", "\(path): not saved: written, but the folder could not be flushed to disk: Input/output error; check the disk, then try again (a power cut now could bring back the previous version)")
        }
        XCTAssertEqual(try store.load(path).details.city, "Gabès", "the rename happened: the new file is whole")
        XCTAssertEqual(folder.entries, ["w.json"])
    }

    func testExportsAndNewFilesLeaveNothingHalfWritten() throws {
        for fault in Self.faults {
            let folder = TemporaryFolder()
            let report = folder.write("rapport précédent\n", to: "rapport.md")
            XCTAssertThrowsError(try DurableFile.withSystemCalls(fault.calls) {
                try OutputTarget.write(Data(String(repeating: "nouveau ", count: 1000).utf8), to: report)
            }) { error in
                XCTAssertEqual("\(error)", fault.says)
            }
            XCTAssertEqual(try String(contentsOfFile: report, encoding: .utf8), "rapport précédent\n", fault.step)
            XCTAssertThrowsError(try DurableFile.withSystemCalls(fault.calls) {
                try store.create(WorkshopFixtures.complete(), at: folder.file("nouveau.json"))
            })
            XCTAssertEqual(folder.entries, ["rapport.md"], "\(fault.step): a temp or half-written file was left")
        }
    }

    func testAFaultInTheMiddleOfAnyWriteSizeLeavesTheOldFile() throws {
        // Generated sizes and a fault at a random byte: whatever was written, the old file stays.
        var random = SystemRandomNumberGenerator()
        let folder = TemporaryFolder()
        let path = folder.write(Data("ancien".utf8), to: "f.txt")
        for _ in 0..<50 {
            let size = Int.random(in: 0...300_000, using: &random)
            let failAfter = Int.random(in: 0...max(size, 1), using: &random)
            let written = WrittenBytes()
            var calls = Calls.system
            calls.write = { fd, bytes, count in
                let allowed = min(count, failAfter - written.count)
                guard allowed > 0 else { errno = ENOSPC; return -1 }
                let n = Glibc.write(fd, bytes, allowed)
                if n > 0 { written.add(n) }
                return n
            }
            let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0) })
            do {
                try DurableFile.withSystemCalls(calls) { try DurableFile.write(data, to: path) }
                XCTAssertEqual(try bytes(path), data, "a write that succeeded put every byte")
                try DurableFile.write(Data("ancien".utf8), to: path)
            } catch {
                XCTAssertEqual(try bytes(path), Data("ancien".utf8), "size \(size), fault after \(failAfter)")
            }
            XCTAssertEqual(folder.entries, ["f.txt"])
        }
    }
}

private final class WrittenBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return total }
}
