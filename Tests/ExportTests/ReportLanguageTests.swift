import DataJamExport
import XCTest

final class ReportLanguageTests: XCTestCase {
    func testPicksTheLanguagesText() {
        XCTAssertEqual(ReportLanguage.fr.pick(fr: "Contraintes", en: "Constraints"), "Contraintes")
        XCTAssertEqual(ReportLanguage.en.pick(fr: "Contraintes", en: "Constraints"), "Constraints")
        XCTAssertEqual(ReportLanguage(rawValue: "en"), .en)
    }
}
