import DataJamCore
import DataJamUI
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The home screen lists every `.json` of the folder; one that is a named pipe must show as an
/// error line, not freeze the screen waiting for a writer.
final class SessionListingTests: XCTestCase {
    func testANamedPipeInTheFolderDoesNotBlockTheListing() throws {
        let folder = TemporaryFolder()
        try SessionStore().create(WorkshopFixtures.complete(), at: folder.file("atelier.json"))
        let fifo = folder.file("tube.json")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        defer {
            // Lets a listing blocked on the pipe go, should the test fail.
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let listed = Listed()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            listed.set(EffectRunner.listings(in: folder.path, store: SessionStore()))
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "the listing waited on a named pipe")
        let listings = listed.value
        XCTAssertEqual(listings.map { ($0.path as NSString).lastPathComponent }, ["atelier.json", "tube.json"])
        guard listings.count == 2 else { return }
        XCTAssertNoThrow(try listings[0].summary.get())
        XCTAssertThrowsError(try listings[1].summary.get()) { error in
            XCTAssertEqual("\(error)", "\(fifo): is a named pipe (FIFO), not a session file; give a session file's path")
        }
    }
}

private final class Listed: @unchecked Sendable {
    private let lock = NSLock()
    private var listings: [SessionListing] = []

    func set(_ listings: [SessionListing]) {
        lock.lock()
        self.listings = listings
        lock.unlock()
    }

    var value: [SessionListing] {
        lock.lock()
        defer { lock.unlock() }
        return listings
    }
}
