import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `ProgrammeStore` never overwrites a programme file it could not read: every way a file can be
/// unreadable is tried, and each time the bytes, the mode and the folder stay exactly as they were.
final class ProgrammeStoreTests: XCTestCase {
    private let store = ProgrammeStore()

    private func validBytes() throws -> Data {
        var programme = Programme(id: "g-1", details: ProgrammeDetails(name: "PAGOF 2", updatedAt: Timestamp(milliseconds: 0)))
        try programme.add(.result, "Sensibiliser les producteurs", at: Timestamp(milliseconds: 1000))
        return try ProgrammeCodec().encode(programme)
    }

    /// Every kind of file `update` must refuse to write over.
    private func unreadableForms() throws -> [(String, Data)] {
        let valid = try validBytes()
        let text = String(decoding: valid, as: UTF8.self)
        var forms: [(String, Data)] = [
            ("empty", Data()),
            ("truncated", valid.prefix(valid.count / 2)),
            ("garbage", Data("not json at all".utf8)),
            ("invalid UTF-8", Data([0x7B, 0xFF, 0x7D])),
            ("duplicate key", Data(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1, \"version\": 1").utf8)),
            ("unknown field", Data(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1, \"colour\": \"red\"").utf8)),
            ("newer version", Data(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7").utf8)),
            ("a list", Data("[]".utf8)),
            ("a session file", try SessionCodec().encode(WorkshopFixtures.complete())),
            ("a lone surrogate", Data(text.replacingOccurrences(of: "PAGOF 2", with: "PAGOF \\ud800").utf8)),
            ("a broken timestamp", Data(text.replacingOccurrences(of: "1970-01-01T00:00:01.000Z", with: "0000-01-01T00:00:00.000+01:00").utf8)),
        ]
        forms.append(("deep nesting", Data((String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).utf8)))
        return forms
    }

    func testNoUnreadableFileIsEverOverwritten() throws {
        for (what, bytes) in try unreadableForms() {
            let folder = TemporaryFolder()
            let path = folder.write(bytes, to: "programme.json")
            XCTAssertEqual(chmod(path, 0o640), 0)
            let before = folder.entries
            for attempt in ["update", "save"] {
                do {
                    if attempt == "update" {
                        try store.update(path) { programme throws(SessionFileError) in
                            do { try programme.add(.idea, "Une idée") } catch { XCTFail("\(error)") }
                        }
                    } else {
                        try store.save(merging: Programme(), to: path)
                    }
                    XCTFail("\(what): \(attempt) wrote over a file it could not read")
                } catch {
                    XCTAssertTrue(error.description.hasPrefix("\(path): "), "\(what): \(error)")
                    XCTAssertTrue(error.description.hasSuffix(" — left untouched; nothing was written"), "\(what): \(error)")
                }
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes, "\(what): the bytes changed")
                var info = stat()
                XCTAssertEqual(stat(path, &info), 0)
                XCTAssertEqual(info.st_mode & 0o777, 0o640, "\(what): the mode changed")
                XCTAssertEqual(folder.entries, before, "\(what): something was left in the folder")
            }
        }
    }

    func testAFolderOrAPipeInItsPlaceIsRefusedAtOnce() throws {
        let folder = TemporaryFolder()
        let asFolder = folder.file("programme.json")
        try FileManager.default.createDirectory(atPath: asFolder, withIntermediateDirectories: false)
        XCTAssertThrowsError(try store.update(asFolder) { _ throws(SessionFileError) in }) { error in
            XCTAssertTrue("\(error)".contains("is a folder, not a programme file"), "\(error)")
        }
        XCTAssertEqual(folder.entries, ["programme.json"])

        let other = TemporaryFolder()
        let fifo = other.file("programme.json")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let done = DispatchSemaphore(value: 0)
        let outcome = ProgrammeOutcome()
        Thread.detachNewThread { [store] in
            outcome.set(Result { () throws(SessionFileError) in try store.update(fifo) { _ throws(SessionFileError) in } })
            done.signal()
        }
        let finished = done.wait(timeout: .now() + 10) == .success
        if !finished { let fd = open(fifo, O_WRONLY | O_NONBLOCK); if fd >= 0 { close(fd) } }
        XCTAssertTrue(finished, "update waited on a named pipe")
        XCTAssertEqual(outcome.error, "\(fifo): is a named pipe (FIFO), not a programme file; give a programme file's path — left untouched; nothing was written")
    }

    func testALargeFileIsRefusedBeforeItIsRead() throws {
        let folder = TemporaryFolder()
        let path = folder.file("programme.json")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        XCTAssertEqual(truncate(path, off_t(Limits.fileBytes + 1)), 0)
        XCTAssertThrowsError(try store.update(path) { _ throws(SessionFileError) in }) { error in
            XCTAssertEqual("\(error)", "\(path): is 64 MiB; a programme file is at most 64 MiB — left untouched; nothing was written")
        }
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(Int(info.st_size), Limits.fileBytes + 1)
    }

    func testAMissingFileIsCreatedPrivateAndWrittenDurably() throws {
        let folder = TemporaryFolder()
        let path = ProgrammeStore.path(inFolder: folder.path)
        XCTAssertNil(try store.loadIfPresent(path))
        try store.update(path) { programme throws(SessionFileError) in
            do { try programme.setDetails(name: "PAGOF 2", issuer: nil) } catch { XCTFail("\(error)") }
        }
        XCTAssertEqual(try store.load(path).details.name, "PAGOF 2")
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertEqual(folder.entries, ["programme.json"])
    }

    func testConcurrentWritersLoseNothing() throws {
        let folder = TemporaryFolder()
        let path = ProgrammeStore.path(inFolder: folder.path)
        DispatchQueue.concurrentPerform(iterations: 8) { n in
            for k in 0..<5 {
                try? ProgrammeStore().update(path) { programme throws(SessionFileError) in
                    do { try programme.add(.result, "résultat \(n)-\(k)") } catch { XCTFail("\(error)") }
                }
            }
        }
        XCTAssertEqual(try store.load(path).results.live.count, 40)
    }
}

/// A result set from another thread.
private final class ProgrammeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<Programme, SessionFileError>?

    func set(_ result: Result<Programme, SessionFileError>) { lock.withLock { value = result } }

    var error: String? {
        lock.withLock {
            if case .failure(let error)? = value { return error.description }
            return nil
        }
    }
}
