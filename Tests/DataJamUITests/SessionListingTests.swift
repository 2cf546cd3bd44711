import DataJamCore
import DataJamExport
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

    func testTheProgrammeFileIsNotListedAsAWorkshop() throws {
        let folder = TemporaryFolder()
        try SessionStore().create(WorkshopFixtures.complete(), at: folder.file("atelier.json"))
        try ProgrammeStore().update(folder.file("programme.json")) { programme throws(SessionFileError) in
            do { try programme.setDetails(name: "PAGOF 2", issuer: nil) } catch { XCTFail("\(error)") }
        }
        let listings = EffectRunner.listings(in: folder.path, store: SessionStore())
        XCTAssertEqual(listings.map { ($0.path as NSString).lastPathComponent }, ["atelier.json"],
                       "the programme is the workshops' programme, not a broken workshop")
    }
}

/// The interface's export (`E`) writes into `exports/` beside the session file; whatever a path
/// there names, the interface must answer at once.
final class InterfaceExportTargetTests: XCTestCase {
    func testExportingOntoANamedPipeWithoutAReaderAnswersAtOnce() throws {
        let folder = TemporaryFolder()
        let fifo = folder.file("rapport.md")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        defer {
            // Lets an export blocked on the pipe go, should the test fail.
            let fd = open(fifo, O_RDONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let inbox = MessageInbox()
        let runner = EffectRunner(inbox: inbox)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            runner.perform(.export(format: .markdown, workshop: WorkshopFixtures.complete(), path: fifo, language: .en))
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "the interface waited for a reader of the named pipe")
        guard case .exported(let path, let error)? = inbox.drain().first else { return XCTFail("no answer") }
        XCTAssertEqual(path, fifo)
        XCTAssertEqual(error, "\(fifo): nobody is reading this named pipe; start its reader, then try again")
        XCTAssertEqual(FileKind.of(fifo), .namedPipe)
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
