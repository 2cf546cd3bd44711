import DataJamCore
import Foundation
import TestSupport
import XCTest

final class SessionStoreTests: XCTestCase {
    private let store = SessionStore()

    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    func testNewFileIsPrivateAndNoTempFileRemains() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        XCTAssertEqual(try mode(path), 0o600, "session files name people")
        XCTAssertEqual(folder.entries, ["w.json"], "no temp or lock file left behind")
        XCTAssertEqual(try store.load(path), WorkshopFixtures.complete())
    }

    func testCreateRefusesToOverwrite() throws {
        let folder = TemporaryFolder()
        let path = folder.write("precious", to: "w.json")
        XCTAssertThrowsError(try store.create(WorkshopFixtures.complete(), at: path)) { error in
            XCTAssertEqual("\(error)", "\(path): already exists; choose another name (nothing was overwritten)")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "precious")
    }

    func testSaveKeepsAnExistingFilesMode() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try store.update(path) { $0.details.city = "Sfax" }
        XCTAssertEqual(try mode(path), 0o640)
        XCTAssertEqual(try store.load(path).details.city, "Sfax")
        XCTAssertEqual(folder.entries, ["w.json"])
    }

    func testSavingThroughASymlinkWritesItsTarget() throws {
        let folder = TemporaryFolder()
        let target = folder.file("real.json")
        try store.create(WorkshopFixtures.complete(), at: target)
        let link = folder.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try store.update(link) { $0.details.city = "Sousse" }
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertEqual(try store.load(target).details.city, "Sousse")
    }

    func testSavingThroughALinkToNothingCreatesItsTargetAndKeepsTheLink() throws {
        let folder = TemporaryFolder()
        let link = folder.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "later.json")
        try store.save(merging: WorkshopFixtures.complete(), to: link)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "later.json")
        XCTAssertEqual(try store.load(folder.file("later.json")), WorkshopFixtures.complete())
        XCTAssertEqual(folder.entries, ["later.json", "link.json"])
    }

    func testAnUnreadableFileIsNeverOverwritten() throws {
        let folder = TemporaryFolder()
        let corrupt = "{\"format\": \"datajam-session\", \"version\": 1, \"id\": \"w\", \"findings\": [ {\"text\": \"une trouvaille" // truncated
        let path = folder.write(corrupt, to: "w.json")
        XCTAssertThrowsError(try store.save(merging: WorkshopFixtures.complete(), to: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path): is not valid JSON"), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix("left untouched; nothing was written"), "\(error)")
        }
        XCTAssertThrowsError(try store.update(path) { $0.details.city = "x" })
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), corrupt)
        XCTAssertEqual(folder.entries, ["w.json"])
    }

    func testAnInvalidWorkshopIsNotSaved() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        try store.create(WorkshopFixtures.complete(), at: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try store.update(path) { $0.findings[0].teamId = "t-ghost" }) { error in
            XCTAssertTrue("\(error)".contains("findings[0].teamId: refers to team \"t-ghost\""), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testMissingFolderAndMissingFileGiveActionableErrors() {
        XCTAssertThrowsError(try store.load("/nonexistent/w.json")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/w.json: no such file; check the name, or create it with `datajam new`")
        }
        XCTAssertThrowsError(try store.create(WorkshopFixtures.complete(), at: "/nonexistent/w.json")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/w.json: the folder /nonexistent does not exist; create it first or choose another path (nothing was written)")
        }
        let folder = TemporaryFolder()
        XCTAssertThrowsError(try store.load(folder.path)) { error in
            XCTAssertTrue("\(error)".hasSuffix("is a folder, not a session file"), "\(error)")
        }
    }

    func testSaveMergingKeepsWhatAnotherWriterAddedMeanwhile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("w.json")
        let original = WorkshopFixtures.complete()
        try store.create(original, at: path)
        // Another process adds a finding while we hold an older copy.
        try store.update(path) { $0.findings.append(Finding(id: "f-theirs", teamId: nil, kind: .note, text: "theirs")) }
        var mine = original
        mine.findings.append(Finding(id: "f-mine", teamId: "t-invest", kind: .note, text: "mine"))
        let merged = try store.save(merging: mine, to: path)
        XCTAssertEqual(Set(merged.findings.map(\.id)).intersection(["f-mine", "f-theirs"]), ["f-mine", "f-theirs"])
        XCTAssertEqual(try store.load(path), merged)
    }
}
