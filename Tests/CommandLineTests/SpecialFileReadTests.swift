import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A named pipe called `*.json` (or any file that is not a regular file) is refused at once by
/// every command that reads a session file: opening a pipe for reading waits for a writer that
/// never comes, and `add` would wait holding the folder's lock, stopping every other writer of
/// that folder. Each run is bounded: a command that blocks fails the test instead of hanging it.
final class SpecialFileReadTests: XCTestCase {
    private let deadline = 20.0

    private func fifo(_ folder: TemporaryFolder, _ name: String = "x.json") -> String {
        let path = folder.file(name)
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        return path
    }

    private func expectRefusal(_ child: ChildProcess, _ path: String, file: StaticString = #filePath, line: UInt = #line) {
        let status = child.wait(seconds: deadline)
        XCTAssertNotNil(status, "blocked on the named pipe for \(deadline) s", file: file, line: line)
        XCTAssertEqual(status, 1, file: file, line: line)
        // One line; `validate` reports each file on its own line, the other commands prefix "Error: ",
        // and writers add that nothing was written.
        let refusal = "\(path): is a named pipe (FIFO), not a session file; give a session file's path"
        let written = " — left untouched; nothing was written"
        XCTAssertTrue([refusal, "Error: " + refusal, "Error: " + refusal + written].map { $0 + "\n" }.contains(child.stderr),
                      child.stderr, file: file, line: line)
    }

    func testValidateExportOpenAndAddRefuseANamedPipe() throws {
        let folder = TemporaryFolder("read-fifo")
        let path = fifo(folder)
        expectRefusal(try ChildProcess.datajam("validate", path), path)
        expectRefusal(try ChildProcess.datajam("export", path, "--format", "csv"), path)
        expectRefusal(try ChildProcess.datajam("open", path), path)
        expectRefusal(try ChildProcess.datajam("add", path, "--kind", "note", "texte"), path)
        expectRefusal(try ChildProcess.datajam("merge", path, RepositoryPaths.sampleSessionFiles[0], "-o", folder.file("m.json")), path)
        XCTAssertEqual(folder.entries, ["x.json"])
    }

    func testWritersOfOtherFilesInTheFolderAreNotHeldUp() throws {
        let folder = TemporaryFolder("read-fifo-lock")
        let path = fifo(folder)
        let neighbour = folder.file("voisin.json")
        XCTAssertEqual(try ProcessRunner.datajam("new", neighbour, "--theme", "Voisin").status, 0)
        let blocked = try ChildProcess.datajam("add", path, "--kind", "note", "sur le tube")
        // Start the other writer once the first one holds the folder's lock, or has ended.
        let folderFD = open(folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(folderFD) }
        let start = Date()
        while blocked.wait(seconds: 0) == nil, Date().timeIntervalSince(start) < 5 {
            guard flock(folderFD, LOCK_EX | LOCK_NB) == 0 else { break }
            flock(folderFD, LOCK_UN)
            usleep(2_000)
        }
        let other = try ChildProcess.datajam("add", neighbour, "--kind", "note", "à côté")
        XCTAssertEqual(other.wait(seconds: deadline), 0, "a writer of another file of the folder waited: \(other.stderr)")
        XCTAssertEqual(blocked.wait(seconds: deadline), 1)
    }

    func testACharacterDeviceIsRefused() throws {
        let result = try ProcessRunner.datajam("validate", "/dev/zero")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "/dev/zero: is a character device, not a session file; give a session file's path\n")
    }
}
