import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `datajam edit` and `datajam delete`, alone and with many writers at once on one file.
final class ConcurrentEditsTests: XCTestCase {
    func testEditAndDeleteOneFinding() throws {
        let folder = TemporaryFolder("edits")
        let file = folder.file("atelier.json")
        XCTAssertEqual(try ProcessRunner.datajam("new", file, "--theme", "Édition", "--team", "A").status, 0)
        let id = try ProcessRunner.datajam("add", file, "--team", "A", "--kind", "note", "premier jet").stdout
            .trimmingCharacters(in: .newlines)
        let created = try XCTUnwrap(try SessionStore().load(file).findings.record(withID: id))

        let edit = try ProcessRunner.datajam("edit", file, id, "texte", "revu — عبد الله")
        XCTAssertEqual(edit.status, 0, edit.stderr)
        XCTAssertEqual(edit.stdout, "edited \(id)\n")
        let edited = try XCTUnwrap(try SessionStore().load(file).findings.record(withID: id))
        XCTAssertEqual(edited.text, "texte revu — عبد الله")
        XCTAssertGreaterThan(edited.updatedAt, created.updatedAt)
        XCTAssertEqual(edited.createdAt, created.createdAt)
        XCTAssertEqual(try ProcessRunner.datajam("list", file).stdout, "\(id)\tA\tnote\t-\t-\ttexte revu — عبد الله\n")
        XCTAssertEqual(try ProcessRunner.datajam("edit", file, id, "texte revu — عبد الله").stdout,
                       "\(id) already has this text; nothing changed\n")

        let delete = try ProcessRunner.datajam("delete", file, id)
        XCTAssertEqual(delete.status, 0, delete.stderr)
        XCTAssertEqual(delete.stdout, "deleted \(id)\n")
        let tombstone = try XCTUnwrap(try SessionStore().load(file).findings.record(withID: id))
        XCTAssertEqual(tombstone.deletedAt, tombstone.updatedAt)
        XCTAssertGreaterThan(tombstone.updatedAt, edited.updatedAt)
        XCTAssertEqual(tombstone.text, edited.text, "the tombstone keeps the text")
        XCTAssertEqual(try ProcessRunner.datajam("list", file).stdout, "")

        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let again = try ProcessRunner.datajam("delete", file, id)
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stdout, "\(id) was already deleted; nothing changed\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)

        let refusals: [([String], String)] = [
            (["edit", file, id, "x"], "\(file): finding \"\(id)\" is deleted; it cannot be edited"),
            (["edit", file, "f-nothere", "x"], "\(file): no finding \"f-nothere\" in this file; `datajam list \(file)` shows the ids"),
            (["delete", file, "f-nothere"], "\(file): no finding \"f-nothere\" in this file; `datajam list \(file)` shows the ids"),
            (["edit", file, id, " "], "\(file): the finding's text is empty; type what the team said"),
            (["edit", file, id], "\(file): the finding's text is empty; type what the team said"),
            (["edit", folder.file("absent.json"), id, "x"],
             "\(folder.file("absent.json")): no such file; check the name, or create it with `datajam new`"),
        ]
        for (args, message) in refusals {
            let result = try ProcessRunner.datajam(arguments: args)
            XCTAssertEqual(result.status, 1, "\(args)")
            XCTAssertEqual(result.stderr, "Error: \(message)\n", "\(args)")
            XCTAssertEqual(result.stdout, "", "\(args)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "refusals change nothing")
        XCTAssertEqual(folder.entries, ["atelier.json"])
    }

    /// 8 processes at once, each a shell loop of about 130 commands on the same file: 100 `add`, an
    /// `edit` of every 5th of its own findings and a `delete` of every 10th (by the id `add`
    /// printed), then one `delete` that finds the finding already deleted. Every write must be
    /// there at the end, exactly.
    func testEightProcessesAddingEditingAndDeletingTheirOwnFindings() throws {
        let workers = 8, adds = 100
        let folder = TemporaryFolder("concurrent-edits")
        let file = folder.file("atelier.json")
        XCTAssertEqual(try ProcessRunner.datajam("new", file, "--theme", "Concurrence", "--team", "A", "--team", "B").status, 0)
        let teams = try SessionStore().load(file).teams
        let logs = TemporaryFolder("concurrent-edits-logs")

        let processes = (0..<workers).map { worker -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // $0 binary, $1 file, $2 team, $3 worker, $4 log of "index id" lines, $5 number of adds.
            process.arguments = ["-c", """
                i=0
                while [ $i -lt "$5" ]; do
                  id=$("$0" add "$1" --team "$2" --kind note --author "w$3" "trouvaille $3-$i é ب") || exit 1
                  eval "id_$i=$id"
                  echo "$i $id" >> "$4"
                  if [ $((i % 5)) -eq 4 ]; then
                    j=$((i - 4)); eval "target=\\$id_$j"
                    "$0" edit "$1" "$target" "modifiée $3-$j ✓" >/dev/null || exit 2
                  fi
                  if [ $((i % 10)) -eq 9 ]; then
                    j=$((i - 9)); eval "target=\\$id_$j"
                    "$0" delete "$1" "$target" >/dev/null || exit 3
                  fi
                  i=$((i + 1))
                done
                out=$("$0" delete "$1" "$id_0") || exit 4
                [ "$out" = "$id_0 was already deleted; nothing changed" ] || exit 5
                """, RepositoryPaths.binary, file, worker % 2 == 0 ? "A" : "B", "\(worker)", logs.file("w\(worker)"), "\(adds)"]
            return process
        }
        for process in processes { try process.run() }
        // No assertion on the time it takes (shared machines are noisy); only a watchdog so that a
        // writer stuck on the lock fails the test instead of hanging the suite.
        let deadline = Date().addingTimeInterval(600)
        while processes.contains(where: \.isRunning), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let hung = processes.filter(\.isRunning)
        for process in hung { process.terminate() }
        for process in processes { process.waitUntilExit() }
        XCTAssertEqual(hung.count, 0, "writers still running after 10 minutes: a lock is never released")
        XCTAssertEqual(processes.map(\.terminationStatus), Array(repeating: 0, count: workers))

        let workshop = try SessionStore().load(file)
        var expectedIDs = Set<String>()
        var deletedCount = 0
        for worker in 0..<workers {
            let log = try String(contentsOfFile: logs.file("w\(worker)"), encoding: .utf8)
            let ids = log.split(separator: "\n").map { line -> String in
                let parts = line.split(separator: " ")
                return String(parts[1])
            }
            XCTAssertEqual(ids.count, adds, "worker \(worker) logged every add")
            let team = teams[worker % 2].id
            for (i, id) in ids.enumerated() {
                expectedIDs.insert(id)
                guard let finding = workshop.findings.record(withID: id) else {
                    XCTFail("worker \(worker) finding \(i) (\(id)) lost")
                    continue
                }
                // Finding i is edited at step i + 4 and deleted at step i + 9, when the loop gets there.
                let wasEdited = i % 5 == 0 && i + 4 < adds, wasDeleted = i % 10 == 0 && i + 9 < adds
                if wasDeleted { deletedCount += 1 }
                XCTAssertEqual(finding.text, wasEdited ? "modifiée \(worker)-\(i) ✓" : "trouvaille \(worker)-\(i) é ب", "\(worker)-\(i)")
                XCTAssertEqual(finding.isDeleted, wasDeleted, "\(worker)-\(i)")
                XCTAssertEqual(finding.teamId, team)
                XCTAssertEqual(finding.author, "w\(worker)")
                XCTAssertEqual(finding.kind, .note)
                if wasDeleted { XCTAssertEqual(finding.deletedAt, finding.updatedAt, "\(worker)-\(i)") }
                if wasEdited { XCTAssertGreaterThan(finding.updatedAt, finding.createdAt, "\(worker)-\(i)") }
                if !wasEdited, !wasDeleted { XCTAssertEqual(finding.updatedAt, finding.createdAt, "\(worker)-\(i)") }
            }
        }
        XCTAssertEqual(expectedIDs.count, workers * adds, "ids unique")
        XCTAssertEqual(Set(workshop.findings.map(\.id)), expectedIDs, "nothing lost, nothing extra")
        XCTAssertEqual(workshop.findings.count, workers * adds)
        XCTAssertEqual(workshop.findings.live.count, workers * adds - deletedCount)
        XCTAssertEqual(deletedCount, workers * (0..<adds).filter { $0 % 10 == 0 && $0 + 9 < adds }.count)
        XCTAssertEqual(workshop.teams, teams)
        XCTAssertEqual(SemanticValidator.problems(in: workshop), [])
        XCTAssertEqual(folder.entries, ["atelier.json"], "no temp files left")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [file]), [])
        let validate = try ProcessRunner.datajam("validate", file)
        XCTAssertEqual(validate.status, 0, validate.stderr)
    }

    /// `datajam merge` without -o updates BASE under its lock: merging a laptop's file again and
    /// again while three rapporteurs add findings loses nobody's work.
    func testMergingInPlaceWhileOthersAddLosesNothing() throws {
        let folder = TemporaryFolder("concurrent-merge")
        let file = folder.file("atelier.json")
        XCTAssertEqual(try ProcessRunner.datajam("new", file, "--theme", "Concurrence", "--team", "A").status, 0)
        let laptopFolder = TemporaryFolder("laptop")
        let laptop = laptopFolder.file("laptop.json")
        try FileManager.default.copyItem(atPath: file, toPath: laptop)
        var laptopIDs: [String] = []
        for i in 0..<5 {
            let added = try ProcessRunner.datajam("add", laptop, "--team", "a", "--kind", "note", "portable \(i)")
            laptopIDs.append(added.stdout.trimmingCharacters(in: .newlines))
        }
        let adders = (0..<3).map { worker -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", """
                i=0
                while [ $i -lt 25 ]; do
                  "$0" add "$1" --team A --kind note "ajout $2-$i" >/dev/null || exit 1
                  i=$((i + 1))
                done
                """, RepositoryPaths.binary, file, "\(worker)"]
            return process
        }
        let merger = Process()
        merger.executableURL = URL(fileURLWithPath: "/bin/sh")
        merger.arguments = ["-c", """
            i=0
            while [ $i -lt 10 ]; do
              "$0" merge "$1" "$2" >/dev/null || exit 1
              i=$((i + 1))
            done
            """, RepositoryPaths.binary, file, laptop]
        for process in adders + [merger] { try process.run() }
        for process in adders + [merger] { process.waitUntilExit() }
        XCTAssertEqual((adders + [merger]).map(\.terminationStatus), [0, 0, 0, 0])

        let workshop = try SessionStore().load(file)
        XCTAssertEqual(workshop.findings.count, 3 * 25 + 5)
        let texts = Set(workshop.findings.map(\.text))
        for worker in 0..<3 {
            for i in 0..<25 { XCTAssertTrue(texts.contains("ajout \(worker)-\(i)"), "\(worker)-\(i) lost") }
        }
        XCTAssertEqual(Set(laptopIDs).subtracting(workshop.findings.map(\.id)), [])
        XCTAssertEqual(Set(workshop.findings.map(\.teamId)), [workshop.teams[0].id], "the laptop's team A is BASE's team A")
        XCTAssertEqual(workshop.teams.count, 1)
        XCTAssertEqual(folder.entries, ["atelier.json"])
        XCTAssertEqual(SemanticValidator.problems(in: workshop), [])
    }
}
