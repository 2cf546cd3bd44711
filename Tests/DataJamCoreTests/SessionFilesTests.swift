import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Renaming and trashing session files from the home screen: never over another file, never
/// deleted for good.
final class SessionFilesTests: XCTestCase {
    func testTrashKeepsEveryFileUnderAUniqueName() throws {
        let folder = TemporaryFolder("trash")
        for round in 1...3 {
            let path = folder.write("{\"round\": \(round)}", to: "atelier.json")
            let trashed = try SessionFiles.trash(path)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path))
            XCTAssertEqual(trashed, folder.file(round == 1 ? ".trash/atelier.json" : ".trash/atelier-\(round).json"))
            XCTAssertEqual(try String(contentsOfFile: trashed, encoding: .utf8), "{\"round\": \(round)}")
        }
        XCTAssertEqual(folder.entries, [".trash"])
    }

    func testRenameNeverOverwrites() throws {
        let folder = TemporaryFolder("rename")
        let a = folder.write("a", to: "a.json")
        let b = folder.write("b", to: "b.json")
        XCTAssertThrowsError(try SessionFiles.rename(a, to: b)) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: b, encoding: .utf8), "b", "nothing overwritten")
        try SessionFiles.rename(a, to: folder.file("c.json"))
        XCTAssertEqual(folder.entries, ["b.json", "c.json"])
    }

    /// A file another DataJam has open (its journal locked) is neither renamed nor trashed: that
    /// instance's next save would bring the old name back as a second copy. A dead instance's
    /// journal, our own, and another file's journal do not count.
    func testAFileOpenInAnotherProcessIsNeitherRenamedNorTrashed() throws {
        let folder = TemporaryFolder("open-elsewhere")
        let path = folder.write("{}", to: "atelier.json")
        let live = folder.write("", to: ".atelier.json-424242-k3x.journal")
        _ = folder.write("", to: ".atelier.json-515151-dead.journal")
        _ = folder.write("", to: ".atelier.json-\(getpid())-mine.journal")
        _ = folder.write("", to: ".autre.json-616161-zz.journal")
        // Another process holds the lock, as a running DataJam does.
        let holder = try ChildProcess("/usr/bin/flock", ["--exclusive", "--close", live, "/bin/sleep", "30"])
        defer { _ = holder.kill() }
        let deadline = Date().addingTimeInterval(10)
        while OpenElsewhere.processes(holding: path).isEmpty && Date() < deadline { usleep(10_000) }
        XCTAssertEqual(OpenElsewhere.processes(holding: path), [424242])

        XCTAssertThrowsError(try SessionFiles.rename(path, to: folder.file("renamed.json"))) { error in
            XCTAssertEqual("\(error)", "\(path): is open in another DataJam (process 424242): close it there, then try again (nothing was changed)")
        }
        XCTAssertThrowsError(try SessionFiles.trash(path)) { error in
            XCTAssertTrue("\(error)".contains("is open in another DataJam (process 424242)"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{}", "left where it was")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("renamed.json")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file(".trash")))

        // Once that process is gone, the file moves.
        _ = holder.kill()
        // flock(1)'s own child may still hold the descriptor for a moment before it closes it.
        let released = Date().addingTimeInterval(10)
        while !OpenElsewhere.processes(holding: path).isEmpty && Date() < released { usleep(10_000) }
        XCTAssertEqual(OpenElsewhere.processes(holding: path), [])
        try SessionFiles.rename(path, to: folder.file("renamed.json"))
        XCTAssertEqual(try String(contentsOfFile: folder.file("renamed.json"), encoding: .utf8), "{}")
    }

    func testNamesThatCannotBeSessionFiles() {
        XCTAssertEqual(SessionFiles.problem(withName: " "), .empty)
        XCTAssertEqual(SessionFiles.problem(withName: "a/b"), .slash)
        XCTAssertEqual(SessionFiles.problem(withName: ".cache"), .leadingDot)
        XCTAssertEqual(SessionFiles.problem(withName: "a\u{7}"), .control)
        XCTAssertEqual(SessionFiles.problem(withName: String(repeating: "é", count: 130)), .tooLong)
        XCTAssertNil(SessionFiles.problem(withName: "Atelier de Sfax — 2024"))
        XCTAssertEqual(SessionFiles.problem(withName: "programme"), .reserved)
        XCTAssertEqual(SessionFiles.problem(withName: " programme.json "), .reserved)
        XCTAssertNil(SessionFiles.problem(withName: "programme-2024"))
        XCTAssertEqual(SessionFiles.fileName(for: " sfax "), "sfax.json")
        XCTAssertEqual(SessionFiles.fileName(for: "sfax.json"), "sfax.json")
    }
}
