import Foundation
import XCTest
@testable import DataJamUI

/// Right-to-left text in visual order. Shaping turns Arabic letters into presentation forms, so expectations
/// are compared after NFKC, which maps those forms back to the letters typed.
final class BidiLayoutTests: XCTestCase {
    private func readable(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping }

    func testPureArabicIsReversedAndReadsRightToLeft() {
        let line = BidiLine("البيانات المفتوحة")
        XCTAssertEqual(line.direction, .rightToLeft)
        XCTAssertEqual(readable(line.text), String("البيانات المفتوحة".reversed()))
    }

    func testFrenchSentenceKeepsItsOrderWithTheArabicNameReversedInPlace() {
        let line = BidiLine("Décret non appliqué — عبد الله, Tunis")
        XCTAssertEqual(line.direction, .leftToRight)
        XCTAssertEqual(readable(line.text), "Décret non appliqué — هللا دبع, Tunis")
    }

    func testNumbersAndLatinInsideArabicStayReadable() {
        XCTAssertEqual(readable(BidiLine("سنة 2024 فقط").text), "طقف 2024 ةنس")
        XCTAssertEqual(readable(BidiLine("بيانات INS مفتوحة").text), "ةحوتفم INS تانايب")
    }

    func testBracketsAreMirroredInRightToLeftRuns() {
        XCTAssertEqual(readable(BidiLine("(عربي) نص").text), "صن (يبرع)")
    }

    func testLettersAreJoinedIntoPresentationForms() {
        let line = BidiLine("بيت")
        for character in line.visual {
            let value = character.unicodeScalars.first?.value ?? 0
            XCTAssertTrue((0xFE70...0xFEFF).contains(value), "\(character) is not a joined form")
        }
        XCTAssertEqual(DisplayWidth.of(line.text), 3)
    }

    func testLamAlefBecomesOneLigatureCell() {
        let line = BidiLine("لا")
        XCTAssertEqual(line.visual.filter { DisplayWidth.of($0) > 0 }.map { String($0) }, ["\u{FEFB}"])
        XCTAssertEqual(DisplayWidth.of(line.text), 1)
    }

    func testClustersAreNeverSplitOrReversedInside() {
        let line = BidiLine("مبرمجة 👩‍💻 بَ")
        XCTAssertTrue(line.visual.contains("👩‍💻"), line.text)
        XCTAssertEqual(line.visual.count, Array("مبرمجة 👩‍💻 بَ").count)
        XCTAssertTrue(line.visual.contains { $0.unicodeScalars.contains("\u{064E}") })
    }

    func testMapsAreInverse() {
        let line = BidiLine("Décret — عبد الله 2024 (نص)")
        for (visual, logical) in line.logicalIndex.enumerated() {
            XCTAssertEqual(line.visualIndex[logical], visual)
        }
        XCTAssertEqual(Set(line.logicalIndex), Set(0..<Array("Décret — عبد الله 2024 (نص)").count))
    }

    func testLeftToRightTextIsLeftAlone() {
        let line = BidiLine("Données ventilées (par sexe) 👍")
        XCTAssertEqual(line.text, "Données ventilées (par sexe) 👍")
        XCTAssertEqual(line.direction, .leftToRight)
        XCTAssertFalse(BidiLayout.containsRightToLeft("Données ventilées (par sexe) 👍 中文"))
    }

    func testAWrappedLineTakesItsParagraphsDirection() {
        // The second line of an Arabic finding begins with a Latin acronym: it still reads right to left.
        XCTAssertEqual(BidiLine("INS بيانات", direction: .rightToLeft).direction, .rightToLeft)
        XCTAssertEqual(readable(BidiLine("INS بيانات", direction: .rightToLeft).text), "تانايب INS")
        XCTAssertEqual(readable(BidiLine("INS بيانات").text), "INS تانايب")
    }

    func testParagraphDirectionIsTheFirstStrongLetters() {
        XCTAssertEqual(BidiLayout.direction(of: "2024 : بيانات INS"), .rightToLeft)
        XCTAssertEqual(BidiLayout.direction(of: "« INS » بيانات"), .leftToRight)
        XCTAssertEqual(BidiLayout.direction(of: "123 —"), .leftToRight)
    }
}

/// Overrides and isolates pasted into a text never turn it around, Arabic or not.
final class BidiOverrideTests: XCTestCase {
    func testAnOverrideInsideArabicTextDoesNotReverseTheLatinPart() {
        let line = BidiLine("\u{202E}override\u{202C} بيانات")
        let drawn = line.text.unicodeScalars.filter { $0.value != 0xFEFF }
        XCTAssertTrue(String(String.UnicodeScalarView(drawn)).contains("override"), line.text)
    }

    func testControlsAreNotDrawn() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        buffer.put("\u{2067}عبد\u{2069} \u{202B}x", x: 0, y: 0)
        for cell in buffer.row(0) {
            XCTAssertFalse(cell.grapheme.unicodeScalars.contains(where: BidiLayout.isExplicitDirectionControl))
        }
    }
}
