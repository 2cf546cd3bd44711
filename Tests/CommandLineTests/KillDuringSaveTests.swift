import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` of a real `datajam add` at random moments of its save, on a 10,000-finding file:
/// after every kill the file is either the old version or the new one, whole and valid, and the
/// next save leaves no temp copy behind.
final class KillDuringSaveTests: XCTestCase {
    /// 10,000 findings and 24 trials by default; DATAJAM_KILL_FINDINGS and DATAJAM_KILL_TRIALS
    /// make longer runs (the figures in the README come from such runs).
    private let findings = Int(ProcessInfo.processInfo.environment["DATAJAM_KILL_FINDINGS"] ?? "") ?? 10_000
    private let trials = Int(ProcessInfo.processInfo.environment["DATAJAM_KILL_TRIALS"] ?? "") ?? 24

    private func bigWorkshop() -> Workshop {
        var workshop = WorkshopFixtures.complete()
        for i in 0..<findings {
            workshop.findings.append(Finding(id: "f-big-\(i)", teamId: nil, kind: .note,
                                             text: "Constat \(i) : les données du ministère ne paraissent qu’en PDF, sans métadonnées ni API."))
        }
        return workshop
    }

    /// Hidden copies of the file beside it: what a save writes before renaming.
    private func temporaryFiles(_ folder: TemporaryFolder) -> Set<String> {
        Set(folder.entries.filter { $0.hasPrefix(".grand.json.") })
    }

    func testKillingAnAddAtAnyMomentLeavesTheOldOrTheNewFile() throws {
        let folder = TemporaryFolder("kill-save")
        let path = folder.file("grand.json")
        try SessionStore().create(bigWorkshop(), at: path)
        var count = try SessionStore().load(path).findings.count

        // How long one add takes here, to spread the kills over all of it.
        let started = Date()
        XCTAssertEqual(try ProcessRunner.datajam("add", path, "--kind", "note", "mesure").status, 0)
        let duration = Date().timeIntervalSince(started)
        count += 1

        var killedMidWrite = 0, completed = 0
        for trial in 0..<trials {
            let leftBefore = temporaryFiles(folder)
            let child = try ChildProcess.datajam("add", path, "--kind", "note", "essai \(trial)")
            if trial % 2 == 0 {
                // Anywhere in the run: loading, merging, encoding, writing, renaming.
                usleep(useconds_t(Double.random(in: 0...(duration * 1.1)) * 1_000_000))
            } else {
                // Inside the write: once the temp copy appears, within its first 2 ms. Writing and
                // flushing several MB takes longer than that even on an idle machine; a wider
                // window often let the rename come first, so no kill landed inside the write.
                let deadline = Date().addingTimeInterval(duration * 3 + 5)
                while temporaryFiles(folder).subtracting(leftBefore).isEmpty, child.wait(seconds: 0) == nil, Date() < deadline { usleep(200) }
                usleep(useconds_t.random(in: 0...2_000))
            }
            let status = child.kill(SIGKILL)
            XCTAssertNotNil(status)
            if !temporaryFiles(folder).subtracting(leftBefore).isEmpty { killedMidWrite += 1 }
            let workshop: Workshop
            do { workshop = try SessionStore().load(path) } catch {
                return XCTFail("trial \(trial): the file is damaged: \(error)")
            }
            let found = workshop.findings.count
            XCTAssertTrue(found == count || found == count + 1, "trial \(trial): \(found) findings, expected \(count) or \(count + 1)")
            if found == count + 1 {
                completed += 1
                XCTAssertEqual(workshop.findings.last?.text, "essai \(trial)")
            }
            count = found
        }
        print("kill -9 during add on \(findings) findings: \(trials) trials, \(killedMidWrite) killed with a temp copy on disk, \(completed) completed before the kill, add takes \(Int(duration * 1000)) ms")
        // A small file's write lasts well under a millisecond: only a large one is sure to be hit.
        if findings >= 1_000 {
            XCTAssertGreaterThan(killedMidWrite, 0, "no kill landed inside a write: the test did not test what it claims")
        }

        // The next save removes what the killed writers left.
        XCTAssertEqual(try ProcessRunner.datajam("add", path, "--kind", "note", "après").status, 0)
        XCTAssertEqual(temporaryFiles(folder), [])
        XCTAssertEqual(try SessionStore().load(path).findings.count, count + 1)
    }

    func testTheNextWriteInTheFolderRemovesWhatKilledExportsLeft() throws {
        let folder = TemporaryFolder("kill-export")
        // A Data Package export killed while building its folder, a report killed while writing.
        let half = folder.file(".paquet.datajam-tmp-Q1w2E3")
        try FileManager.default.createDirectory(atPath: half, withIntermediateDirectories: false)
        _ = folder.write("id,text\r\n", to: ".paquet.datajam-tmp-Q1w2E3/findings.csv")
        _ = folder.write("# Rap", to: ".rapport.md.datajam-tmp-R4t5Y6")
        let package = try ProcessRunner.datajam("export", RepositoryPaths.sampleSessionFiles[0], "--format", "datapackage",
                                                "-o", folder.file("paquet"))
        XCTAssertEqual(package.status, 0, package.stderr)
        XCTAssertEqual(folder.entries, ["paquet"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("paquet/datapackage.json")))

        // And a session save removes a half-built package folder too.
        try FileManager.default.createDirectory(atPath: half, withIntermediateDirectories: false)
        XCTAssertEqual(try ProcessRunner.datajam("new", folder.file("w.json"), "--theme", "Nettoyage").status, 0)
        XCTAssertEqual(folder.entries, ["paquet", "w.json"])
    }
}
