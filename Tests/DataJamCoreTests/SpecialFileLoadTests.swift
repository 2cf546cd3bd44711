import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `SessionStore` looks at what a path is before it reads it or takes the folder's lock: only a
/// regular file of at most `Limits.fileBytes` is read. Every operation that could block is run
/// with a deadline, so that a regression fails the test instead of hanging it.
final class SpecialFileLoadTests: XCTestCase {
    private let store = SessionStore()

    /// Runs `body` on another thread; false when it has not returned within `seconds`.
    private func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success
    }

    /// Lets a reader blocked on `fifo` go (it then reads an end of file), so a failed test does
    /// not leave a thread blocked for ever.
    private func release(_ fifo: String) {
        let fd = open(fifo, O_WRONLY | O_NONBLOCK)
        if fd >= 0 { close(fd) }
    }

    func testANamedPipeIsRefusedWithoutWaitingForAWriter() throws {
        let folder = TemporaryFolder()
        let fifo = folder.file("x.json")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        defer { release(fifo) }
        let outcome = Outcome()
        XCTAssertTrue(finishes(within: 10) { [store] in
            outcome.set(Result { try store.load(fifo) })
        }, "load waited on a named pipe")
        XCTAssertEqual(outcome.error, "\(fifo): is a named pipe (FIFO), not a session file; give a session file's path")
    }

    func testUpdatingANamedPipeNeitherBlocksNorHoldsTheFolderLock() throws {
        let folder = TemporaryFolder()
        let fifo = folder.file("x.json")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        defer { release(fifo) }
        let neighbour = folder.file("voisin.json")
        try store.create(WorkshopFixtures.complete(), at: neighbour)

        let outcome = Outcome()
        XCTAssertTrue(finishes(within: 10) { [store] in
            outcome.set(Result { try store.update(fifo) { $0.details.city = "Tunis" } })
        }, "update waited on a named pipe")
        XCTAssertEqual(outcome.error, "\(fifo): is a named pipe (FIFO), not a session file; give a session file's path — left untouched; nothing was written")
        XCTAssertTrue(finishes(within: 10) { [store] in
            _ = try? store.update(neighbour) { $0.details.city = "Sfax" }
        }, "a writer of another file of the folder waited for the lock")
        XCTAssertEqual(try store.load(neighbour).details.city, "Sfax")
    }

    func testDevicesAndFoldersAreRefusedByKind() {
        XCTAssertThrowsError(try store.load("/dev/zero")) { error in
            XCTAssertEqual("\(error)", "/dev/zero: is a character device, not a session file; give a session file's path")
        }
        let folder = TemporaryFolder()
        XCTAssertThrowsError(try store.update(folder.path) { _ in }) { error in
            XCTAssertEqual("\(error)", "\(folder.path): is a folder, not a session file — left untouched; nothing was written")
        }
    }

    func testAnOversizedFileIsRefusedBeforeItIsRead() throws {
        let folder = TemporaryFolder()
        let path = folder.file("huge.json")
        // A sparse gigabyte: takes no disk space, but reading it would take a gigabyte of memory.
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        XCTAssertEqual(ftruncate(fd, off_t(Limits.fileBytes) * 16), 0)
        close(fd)
        let peakBefore = Self.peakMemoryKiB()
        XCTAssertThrowsError(try store.load(path)) { error in
            XCTAssertEqual("\(error)", "\(path): is 1024 MiB; a session file is at most 64 MiB")
        }
        XCTAssertThrowsError(try store.update(path) { _ in })
        let grown = Self.peakMemoryKiB() - peakBefore
        XCTAssertLessThan(grown, 64 * 1024, "the file was read anyway: peak memory grew by \(grown / 1024) MiB")
    }

    private static func peakMemoryKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

/// What an operation on another thread returned.
final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Void, Error>?

    func set<T>(_ result: Result<T, Error>) {
        lock.lock()
        self.result = result.map { _ in () }
        lock.unlock()
    }

    /// The error's text; nil while nothing came back or when it succeeded.
    var error: String? {
        lock.lock()
        defer { lock.unlock() }
        if case .failure(let error) = result { return "\(error)" }
        return nil
    }
}
