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

    func testNamesThatCannotBeSessionFiles() {
        XCTAssertEqual(SessionFiles.problem(withName: " "), .empty)
        XCTAssertEqual(SessionFiles.problem(withName: "a/b"), .slash)
        XCTAssertEqual(SessionFiles.problem(withName: ".cache"), .leadingDot)
        XCTAssertEqual(SessionFiles.problem(withName: "a\u{7}"), .control)
        XCTAssertEqual(SessionFiles.problem(withName: String(repeating: "é", count: 130)), .tooLong)
        XCTAssertNil(SessionFiles.problem(withName: "Atelier de Sfax — 2024"))
        XCTAssertEqual(SessionFiles.fileName(for: " sfax "), "sfax.json")
        XCTAssertEqual(SessionFiles.fileName(for: "sfax.json"), "sfax.json")
    }
}
