import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `datajam export` and `datajam report` as a user runs them.
final class ExportCommandTests: XCTestCase {
    private var samples: [String] { RepositoryPaths.sampleSessionFiles }

    /// Runs `datajam` and checks that it succeeded the way a script needs: exit 0, nothing on stderr.
    private func succeeds(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let result = try ProcessRunner.datajam(arguments: arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stderr, "", "\(arguments)", file: file, line: line)
        return result
    }

    func testExportToStandardOutputAndToAFile() throws {
        let markdown = try succeeds(["export", samples[0], "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.hasPrefix("# "), String(markdown.stdout.prefix(80)))
        XCTAssertTrue(markdown.stdout.contains("Économie numérique"))

        let english = try succeeds(["export", samples[0], "--format", "markdown", "--lang", "en"])
        XCTAssertNotEqual(english.stdout, markdown.stdout, "headings follow --lang")

        let folder = TemporaryFolder("export-cli")
        let html = folder.file("rapport.html")
        let written = try succeeds(["export", samples[1], "--format", "html", "-o", html])
        XCTAssertEqual(written.stdout, "")
        XCTAssertTrue(try String(contentsOfFile: html, encoding: .utf8).contains("<svg"))
        XCTAssertEqual(folder.entries, ["rapport.html"], "no temp file left")

        let package = folder.file("paquet")
        XCTAssertEqual(try succeeds(["export", samples[2], "--format", "datapackage", "-o", package]).stdout, "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(package)/datapackage.json"))
    }

    func testReportConsolidatesSeveralWorkshops() throws {
        let report = try succeeds(["report"] + samples + ["--format", "markdown"])
        for theme in ["Économie numérique", "Inclusion sociale et réduction des inégalités", "Data journalisme"] {
            XCTAssertTrue(report.stdout.contains(theme), theme)
        }
        let csv = try succeeds(["report"] + samples + ["--format", "csv"])
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let findings = try samples.map { try SessionStore().load($0).findings.live.count }.reduce(0, +)
        XCTAssertGreaterThanOrEqual(rows.count, findings + 1, "a header and a row per finding (quoted newlines may add lines)")
        let json = try succeeds(["report"] + samples + ["--format", "json"])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
    }

    func testAnonymizeLeavesNoNames() throws {
        let folder = TemporaryFolder("export-anon")
        let file = folder.file("a.json")
        _ = try succeeds(["new", file, "--theme", "Anonymat", "--team", "Équipe A"])
        _ = try succeeds(["add", file, "--team", "Équipe A", "--kind", "note", "--author", "Leïla Trabelsi", "Proposé par Leïla Trabelsi"])
        for format in ["markdown", "html", "csv", "ckan", "json"] {
            let result = try succeeds(["export", file, "--format", format, "--anonymize"])
            XCTAssertFalse(result.stdout.contains("Leïla"), format)
            XCTAssertFalse(result.stdout.contains("Trabelsi"), format)
        }
        let plain = try succeeds(["export", file, "--format", "csv"])
        XCTAssertTrue(plain.stdout.contains("Leïla Trabelsi"), "without --anonymize the author stays")
    }

    func testBadInputGetsOneLineAndLeavesNothingBehind() throws {
        let folder = TemporaryFolder("export-bad")
        let cases: [([String], String)] = [
            (["export", samples[0], "--format", "pdf"], "Error: unknown format \"pdf\"; use one of: markdown, html, csv, datapackage, ckan, json, docx, odt\n"),
            (["export", folder.file("none.json"), "--format", "csv"], "Error: \(folder.file("none.json")): no such file; check the name, or create it with `datajam new`\n"),
            (["export", samples[0], "--format", "datapackage"], "Error: --format datapackage writes a folder: give it with -o DIR\n"),
            (["export", samples[0], "--format", "csv", "--lang", "de"], "Error: --lang must be fr or en, not \"de\"\n"),
        ]
        for (arguments, message) in cases {
            let result = try ProcessRunner.datajam(arguments: arguments)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertEqual(result.stderr, message)
            XCTAssertEqual(result.stdout, "", "\(arguments): nothing on standard output when it fails")
        }
        let broken = folder.write("{\"format\": \"datajam-session\"", to: "broken.json")
        let unreadable = try ProcessRunner.datajam("export", broken, "--format", "markdown")
        XCTAssertEqual(unreadable.status, 1)
        XCTAssertTrue(unreadable.stderr.hasPrefix("Error: \(broken): is not valid JSON"), unreadable.stderr)

        let unwritable = try ProcessRunner.datajam("export", samples[0], "--format", "html", "-o", "/nonexistent/r.html")
        XCTAssertEqual(unwritable.status, 1)
        XCTAssertEqual(unwritable.stderr.split(separator: "\n").count, 1, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.contains("/nonexistent"), unwritable.stderr)
        XCTAssertEqual(folder.entries, ["broken.json"])
    }
}
