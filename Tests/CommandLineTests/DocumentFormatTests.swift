import Foundation
import TestSupport
import XCTest

/// DOCX and ODT, made by pandoc: the files open (a valid zip), their text is the report's, and
/// without pandoc the command says in one line what to install.
final class DocumentFormatTests: XCTestCase {
    private var samples: [String] { RepositoryPaths.sampleSessionFiles }

    private func requirePandoc() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc") || which("pandoc") != nil else {
            XCTFail("pandoc is not installed: apt-get install pandoc (Tests/run installs it)")
            throw XCTSkip("no pandoc")
        }
    }

    private func which(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `unzip -t` on the file, then the text of one XML part of it, tags dropped.
    private func text(of file: String, part: String) throws -> String {
        let test = try ProcessRunner.run("/usr/bin/unzip", ["-t", file])
        XCTAssertEqual(test.status, 0, "unzip -t \(file): \(test.stdout)\(test.stderr)")
        XCTAssertTrue(test.stdout.contains("No errors detected"), test.stdout)
        let xml = try ProcessRunner.run("/usr/bin/unzip", ["-p", file, part])
        XCTAssertEqual(xml.status, 0, xml.stderr)
        return xml.stdout.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }

    func testReportAsDOCXAndODTOpensAndHoldsTheReport() throws {
        try requirePandoc()
        let folder = TemporaryFolder("documents")
        for (format, part) in [("docx", "word/document.xml"), ("odt", "content.xml")] {
            let file = folder.file("rapport.\(format)")
            let result = try ProcessRunner.datajam(arguments: ["report"] + samples + ["--format", format, "--lang", "fr",
                                                                                    "--issuer", "Ministère X", "-o", file])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr, "")
            let text = try text(of: file, part: part).replacingOccurrences(of: "\u{00A0}", with: " ")
            for expected in ["Rapport de synthèse des ateliers", "Ministère X", "Atelier 2 – Inclusion sociale",
                             "Absence d’APIs", "Le manque de personnels formés et spécialisés en données ouvertes",
                             "Annexe A – Organisations représentées", "CC-BY-4.0"] {
                XCTAssertTrue(text.contains(expected), "\(format): “\(expected)” missing")
            }
            let xml = try ProcessRunner.run("/usr/bin/unzip", ["-p", file, part]).stdout
            let tables = xml.components(separatedBy: format == "docx" ? "<w:tbl>" : "<table:table ").count - 1
            XCTAssertEqual(tables, 14, "\(format): the report's tables are the document's own tables")
            XCTAssertEqual(folder.entries, ["rapport.\(format)"], "no temporary file left")
            try FileManager.default.removeItem(atPath: file)
        }
        let single = folder.file("atelier.docx")
        XCTAssertEqual(try ProcessRunner.datajam("export", samples[0], "--format", "docx", "-o", single).status, 0)
        XCTAssertTrue(try text(of: single, part: "word/document.xml").contains("Économie numérique"))
    }

    func testWithoutPandocTheCommandSaysWhatToInstall() throws {
        let folder = TemporaryFolder("no-pandoc")
        let file = folder.file("rapport.docx")
        let result = try ProcessRunner.datajam(arguments: ["report"] + samples + ["--format", "docx", "-o", file],
                                               environment: ["PATH": folder.path])
        XCTAssertNotEqual(result.status, 0)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("pandoc") && result.stderr.contains("apt-get install pandoc"), result.stderr)
        XCTAssertEqual(folder.entries, [], "nothing written")
    }

    func testABinaryDocumentNeedsAFile() throws {
        let result = try ProcessRunner.datajam(arguments: ["report"] + samples + ["--format", "odt"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("-o FILE.odt"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
