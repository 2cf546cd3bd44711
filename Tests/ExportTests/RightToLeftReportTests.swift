import DataJamCore
import DataJamExport
import Foundation
import TestSupport
import XCTest

/// Arabic in the HTML reports: every block of typed text says `dir="auto"`, so that a browser reads
/// an Arabic finding, team or organisation right to left and aligns it right, while French text
/// quoting an Arabic name stays left to right. Checked in headless Chromium.
final class RightToLeftReportTests: XCTestCase {
    private let arabicFinding = "البيانات المفتوحة غير متوفرة بصيغة قابلة للاستعمال"

    private func workshop() -> Workshop {
        var workshop = WorkshopFixtures.complete()
        workshop.findings[0].text = arabicFinding
        workshop.findings[1].text = "Décret non appliqué — عبد الله بن علي"
        workshop.teams[0].name = "الصحة"
        return workshop
    }

    func testEveryTextBlockLetsTheBrowserFindItsDirection() {
        let html = HTMLReport.workshop(workshop(), language: .fr)
        XCTAssertTrue(html.contains("<li dir=\"auto\">"), "list items")
        XCTAssertTrue(html.contains("<p dir=\"auto\">"), "paragraphs")
        XCTAssertFalse(html.contains("<path dir="), "SVG shapes are left alone")
        XCTAssertFalse(html.contains("<pre dir="))
        XCTAssertTrue(html.contains(arabicFinding), "the text stays in typing order")
        for tag in ["<li>", "<p>", "<td>", "<h2>", "<h3>"] {
            XCTAssertFalse(html.contains(tag), "\(tag) without dir")
        }
    }

    func testChromiumLaysArabicRightToLeftAndFrenchLeftToRight() throws {
        let script = """
        const blocks = [...document.querySelectorAll('li, p, td')];
        const find = text => blocks.find(e => e.textContent.includes(text));
        const arabic = find('\(arabicFinding)');
        const mixed = find('Décret non appliqué');
        const box = e => e.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(arabic);
        const text = range.getBoundingClientRect();
        window.measure = JSON.stringify({
          arabic: getComputedStyle(arabic).direction, mixed: getComputedStyle(mixed).direction,
          gapRight: box(arabic).right - text.right, gapLeft: text.left - box(arabic).left,
        });
        """
        let json = try HeadlessChromium.measure(HTMLReport.workshop(workshop(), language: .fr), width: 1280, script: script)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
        XCTAssertEqual(result["arabic"] as? String, "rtl", json)
        XCTAssertEqual(result["mixed"] as? String, "ltr", json)
        let gapRight = try XCTUnwrap(result["gapRight"] as? Double, json)
        let gapLeft = try XCTUnwrap(result["gapLeft"] as? Double, json)
        XCTAssertLessThan(gapRight, gapLeft, "the Arabic finding is aligned right: \(json)")
    }
}
