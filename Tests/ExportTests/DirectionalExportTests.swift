import DataJamCore
import DataJamExport
import Foundation
import TestSupport
import XCTest

/// Direction overrides and isolates typed in a workshop never reach an export: a reader's
/// browser or spreadsheet would show "override" as "edirrevo". JSON keeps them as `\u202e`
/// escapes (same value for a JSON reader); the other formats leave them out.
final class DirectionalExportTests: XCTestCase {
    static let controls: [Unicode.Scalar] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        .compactMap { Unicode.Scalar($0) }

    /// `word` with direction controls around and inside it, chosen by `seed`.
    static func hostile(_ word: String, seed: Int) -> String {
        let a = controls[seed % controls.count], b = controls[(seed * 7 + 3) % controls.count]
        return "\(a)\(word)\(b) \(a)\(a)fin"
    }

    static func workshop(seed: Int) -> Workshop {
        var w = WorkshopFixtures.complete()
        let t = { (word: String) in hostile(word, seed: seed) }
        w.details.theme = t("theme")
        w.details.city = t("city")
        w.details.focus = t("focus")
        w.details.objectives = [t("objective")]
        w.teams[0].name = t("team")
        w.categories[0].label = t("category")
        w.findings[0].category = w.categories[0].id
        w.findings[0].text = t("constraint")
        w.findings[1].text = t("override")
        w.findings[0].author = t("author")
        w.findings[2].dataNeed?.producer = t("producer")
        w.participantGroups[0].name = t("group")
        w.participantGroups[0].organisations = [t("organisation")]
        w.synthesis.recommendations[0].text = t("recommendation")
        w.synthesis.partnerships[0].subject = t("partnership")
        return w
    }

    private func assertNoDirectionalControl(_ text: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = text.unicodeScalars.filter { Self.controls.contains($0) }
        XCTAssertTrue(found.isEmpty, "\(context): \(found.map { String($0.value, radix: 16) })", file: file, line: line)
    }

    func testNoExportFormatCarriesADirectionControl() throws {
        for seed in 0..<9 {
            let w = Self.workshop(seed: seed)
            for format in ExportFormat.allCases where !format.isFolder && !format.isBinary {
                for consolidated in [false, true] {
                    let text = try Exporter.text(format, consolidated ? [w, WorkshopFixtures.complete()] : [w],
                                                 consolidated: consolidated, language: .fr, anonymize: false)
                    assertNoDirectionalControl(text, "\(format) consolidated=\(consolidated) seed \(seed)")
                    if !consolidated && format != .json && format != .ckan {
                        XCTAssertTrue(text.contains("override fin"), "\(format): the finding, in the order it was typed (seed \(seed))")
                    }
                }
            }
            let folder = TemporaryFolder("bidi-package")
            try Exporter.write(.datapackage, [w], consolidated: false, language: .en, anonymize: false, to: folder.file("package"))
            for name in DataPackageExport.fileNames {
                let text = try String(contentsOfFile: folder.file("package/\(name)"), encoding: .utf8)
                assertNoDirectionalControl(text, "datapackage \(name) seed \(seed)")
            }
        }
    }

    func testJSONExportKeepsTheTextAsTyped() throws {
        let w = Self.workshop(seed: 4)
        let json = try Exporter.text(.json, [w], consolidated: false, language: .fr, anonymize: false)
        XCTAssertTrue(json.contains("\\u202e"), "written as an escape")
        let decoded = try SessionCodec().decode(Data(json.utf8), file: "export.json")
        XCTAssertEqual(decoded.findings[1].text, w.findings[1].text)
        XCTAssertEqual(decoded.teams[0].name, w.teams[0].name)
    }
}
