@testable import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A writer killed between creating its temp copy and renaming it (`kill -9`, a power cut)
/// leaves `.<name>.datajam-tmp-XXXXXX` behind. The next save in that folder removes it: every
/// writer makes, fills and renames its temp files under the folder's lock, so any one found
/// while holding the lock belongs to a dead writer, and a live writer's is never touched.
final class StaleTemporaryFileTests: XCTestCase {
    private let store = SessionStore()

    func testTheNextSaveInTheFolderRemovesWhatDeadWritersLeft() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        // What killed writers leave: a partial copy of this file, of another file, of an export.
        let partial = Data(repeating: 0x7b, count: 2 * 1024 * 1024)
        let stale = [".w.json.datajam-tmp-Ab3xQz", ".autre.json.datajam-tmp-000001", ".rapport.md.datajam-tmp-zzzzzz"]
        for name in stale { _ = folder.write(partial, to: name) }
        // Not ours, whatever they look like: kept.
        let foreign = [".w.json.Ab3xQz", "w.json.datajam-tmp-Ab3xQz", ".w.json.datajam-tmp-toolong1", ".cache", "notes.txt"]
        for name in foreign { _ = folder.write("à garder", to: name) }

        try store.update(path) { $0.details.city = "Bizerte" }
        XCTAssertEqual(folder.entries, (foreign + ["w.json"]).sorted())
        XCTAssertEqual(try store.load(path).details.city, "Bizerte")

        // An export into the folder cleans it too.
        _ = folder.write(partial, to: ".w.json.datajam-tmp-Ab3xQz")
        try OutputTarget.write(Data("# Rapport\n".utf8), to: folder.file("rapport.md"))
        XCTAssertEqual(folder.entries, (foreign + ["rapport.md", "w.json"]).sorted())
    }

    func testALiveWritersTempFileIsNeverRemoved() throws {
        let folder = TemporaryFolder()
        let first = folder.file("a.json"), second = folder.file("b.json")
        try store.create(WorkshopFixtures.complete(), at: first)
        try store.create(WorkshopFixtures.complete(), at: second)

        // The first writer stops between filling its temp copy and renaming it.
        let paused = DispatchSemaphore(value: 0), resume = DispatchSemaphore(value: 0)
        let once = Once()
        var calls = DurableFile.SystemCalls.system
        calls.fsync = { fd in
            if once.first() {
                paused.signal()
                resume.wait()
            }
            return Glibc.fsync(fd)
        }
        let results = Results()
        try DurableFile.withSystemCalls(calls) {
            Thread.detachNewThread { [store] in
                results.add("a", Result { try store.update(first) { $0.details.city = "Kairouan" } })
            }
            XCTAssertEqual(paused.wait(timeout: .now() + 10), .success)
            XCTAssertEqual(folder.entries.filter { DurableFile.isTemporaryName($0) }.count, 1, "the first writer's temp copy is there")
            // Other writers of the folder (a save, an export) start meanwhile: they wait for the lock.
            Thread.detachNewThread { [store] in
                results.add("b", Result { try store.update(second) { $0.details.city = "Monastir" } })
            }
            Thread.detachNewThread {
                results.add("export", Result { try OutputTarget.write(Data("x\n".utf8), to: folder.file("r.md")) })
            }
            usleep(50_000) // give them the chance to run ahead; the lock must stop them
            resume.signal()
            XCTAssertTrue(results.wait(for: 3, seconds: 20))
        }
        XCTAssertEqual(results.failures, [], "no writer lost its temp copy")
        XCTAssertEqual(try store.load(first).details.city, "Kairouan")
        XCTAssertEqual(try store.load(second).details.city, "Monastir")
        XCTAssertEqual(folder.entries, ["a.json", "b.json", "r.md"])
    }
}

private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func first() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [String: String?] = [:]
    private let arrived = DispatchSemaphore(value: 0)

    func add<T>(_ name: String, _ result: Result<T, Error>) {
        lock.lock()
        if case .failure(let error) = result { outcomes[name] = "\(name): \(error)" } else { outcomes[name] = .some(nil) }
        lock.unlock()
        arrived.signal()
    }

    func wait(for count: Int, seconds: Double) -> Bool {
        (0..<count).allSatisfy { _ in arrived.wait(timeout: .now() + seconds) == .success }
    }

    var failures: [String] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes.values.compactMap { $0 }.sorted()
    }
}
