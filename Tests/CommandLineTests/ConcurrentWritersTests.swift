import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Several rapporteurs writing one file at once never lose each other's findings.
final class ConcurrentWritersTests: XCTestCase {
    func testEightProcessesAddingFiftyFindingsEachLeaveExactly400() throws {
        let folder = TemporaryFolder("concurrent")
        let file = folder.file("atelier.json")
        try ProcessRunner.datajam("new", file, "--theme", "Concurrence", "--team", "A", "--team", "B")
        let before = try SessionStore().load(file).findings.count

        // Each worker is a shell loop of 50 `datajam add` runs, as a script or a rapporteur would do.
        let workers = (0..<8).map { worker -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", """
                i=0
                while [ $i -lt 50 ]; do
                  "$0" add "$1" --team "$2" --kind note --author "w$3" "trouvaille $3-$i é ب" >/dev/null || exit 1
                  i=$((i+1))
                done
                """, RepositoryPaths.binary, file, worker % 2 == 0 ? "A" : "B", "\(worker)"]
            return process
        }
        for worker in workers { try worker.run() }
        for worker in workers { worker.waitUntilExit() }
        XCTAssertEqual(workers.map(\.terminationStatus), Array(repeating: 0, count: 8))

        let workshop = try SessionStore().load(file)
        XCTAssertEqual(workshop.findings.count - before, 400)
        let texts = Set(workshop.findings.map(\.text))
        for worker in 0..<8 {
            for i in 0..<50 { XCTAssertTrue(texts.contains("trouvaille \(worker)-\(i) é ب"), "\(worker)-\(i) lost") }
        }
        XCTAssertEqual(Set(workshop.findings.map(\.id)).count, workshop.findings.count, "ids unique")
        XCTAssertEqual(folder.entries, ["atelier.json"], "no temp files left")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [file]), [])
        let validate = try ProcessRunner.datajam("validate", file)
        XCTAssertEqual(validate.status, 0, validate.stderr)
    }
}
