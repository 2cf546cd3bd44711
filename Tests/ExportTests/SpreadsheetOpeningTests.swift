import DataJamCore
import DataJamExport
import Foundation
import TestSupport
import XCTest

/// The findings CSV opened by a real spreadsheet (LibreOffice Calc, headless): texts that look like
/// formulas stay texts, accents and Arabic arrive intact.
final class SpreadsheetOpeningTests: XCTestCase {
    func testLibreOfficeRunsNoFormulaFromAFinding() throws {
        let soffice = try Self.soffice()
        var workshop = WorkshopFixtures.complete()
        for (i, formula) in CSVFormulaTests.formulas.enumerated() {
            workshop.findings.append(Finding(id: "f-formula-\(i)", teamId: "t-transport", kind: .note, text: formula,
                                             createdAt: WorkshopFixtures.time(100 + Int64(i))))
        }
        workshop.teams[1].name = "=1+1"
        let folder = TemporaryFolder("spreadsheet")
        let csv = folder.write(FindingsCSV.render([workshop], language: .fr), to: "findings.csv")

        // Comma-separated, double quotes, UTF-8 (76), first line as-is: what a user picks in Calc's import dialog.
        let result = try ProcessRunner.run(soffice, ["--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "fods",
                                                     "--outdir", folder.path, csv],
                                           environment: ["HOME": folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let sheet = try String(contentsOfFile: folder.file("findings.fods"), encoding: .utf8)
        XCTAssertFalse(sheet.contains("table:formula"), "a cell became a formula:\n\(sheet.prefix(2000))")
        XCTAssertTrue(sheet.contains("HYPERLINK"), "the text is kept")
        XCTAssertTrue(sheet.contains("عبد الله"), "Arabic arrives intact")
        XCTAssertTrue(sheet.contains("Absence d’APIs"), "accents arrive intact")
    }

    /// LibreOffice's `soffice`, which `Tests/run` installs (`libreoffice-calc-nogui`); the test fails
    /// without it rather than skipping.
    static func soffice() throws -> String {
        for candidate in [ProcessInfo.processInfo.environment["DATAJAM_SOFFICE"], "/usr/bin/soffice", "/usr/local/bin/soffice"] {
            if let candidate, FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing()
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "LibreOffice is needed to open the CSV as a spreadsheet: run Tests/run, or apt-get install -y libreoffice-calc-nogui" }
    }
}
