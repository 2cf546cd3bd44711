import Foundation
import XCTest
@testable import DataJamUI

/// Drawing and typing right-to-left text: what the screen shows, where the cursor is, what the arrows and
/// Backspace do. The file keeps logical order; the screen shows visual order.
final class BidiEditingTests: XCTestCase {
    private func readable(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping }
    private func readable(_ lines: [String]) -> [String] { lines.map(readable) }

    // MARK: - Drawing

    func testBufferDrawsArabicInVisualOrder() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        XCTAssertEqual(buffer.put("غير متوفرة", x: 0, y: 0), 10)
        XCTAssertEqual(readable(buffer.lines), ["ةرفوتم ريغ"])
    }

    func testALongArabicFindingKeepsItsBeginningWhenCut() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.put("البيانات المفتوحة غير متوفرة", x: 0, y: 0, maxWidth: 8)
        // The first eight characters typed, laid out: the end of the text is what is left out.
        XCTAssertEqual(readable(buffer.lines), ["تانايبلا"])
    }

    func testAnArabicParagraphIsRightAlignedInItsColumn() {
        var buffer = ScreenBuffer(width: 20, height: 2)
        buffer.putLine("بيانات", of: .rightToLeft, x: 2, y: 0, width: 12)
        buffer.putLine("Données", of: .leftToRight, x: 2, y: 1, width: 12)
        XCTAssertEqual(readable(buffer.lines), ["        تانايب", "  Données"])
    }

    func testTerminalModeSendsLogicalOrder() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.laysOutRightToLeft = false
        buffer.put("عبد الله", x: 0, y: 0)
        XCTAssertEqual(buffer.lines, ["عبد الله"])
    }

    // MARK: - Typing

    private func typed(_ text: String) -> LineEditor {
        var editor = LineEditor(text: "")
        for character in text { editor.handle(.character(character)) }
        return editor
    }

    /// The field as the screen shows it, with the cursor's cell marked by "|" before it.
    private func shown(_ editor: LineEditor, width: Int = 40) -> String {
        let (text, column) = editor.visible(width: width)
        var buffer = ScreenBuffer(width: width + 1, height: 1)
        buffer.put(text, x: 0, y: 0)
        var cells = Array(readable(buffer.lines[0]).padding(toLength: width, withPad: " ", startingAt: 0))
        if cells[column] == " " { cells[column] = "|" } else { cells.insert("|", at: column) }
        return String(cells).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }

    func testTypingArabicGrowsToTheLeftWithTheCursorLeftOfTheText() {
        var editor = typed("بيانات")
        XCTAssertEqual(shown(editor), "|تانايب")
        editor.handle(.character(" "))
        editor.handle(.character("م"))
        XCTAssertEqual(shown(editor), "|م تانايب")
        XCTAssertEqual(editor.text, "بيانات م")
    }

    func testBackspaceDeletesTheCharacterTypedLast() {
        var editor = typed("بيانات مفتوحة")
        editor.handle(.backspace)
        XCTAssertEqual(editor.text, "بيانات مفتوح")
        XCTAssertEqual(shown(editor), "|حوتفم تانايب")
    }

    func testLeftAndRightMoveAsTheReaderSeesTheLine() {
        var editor = typed("بيت")
        // Visual "تيب|" reversed: the end is at the left; Left stays, Right walks to the right.
        editor.handle(.left)
        XCTAssertEqual(editor.cursor, 3)
        editor.handle(.right)
        XCTAssertEqual(editor.cursor, 2)  // on the last letter typed, the leftmost cell
        XCTAssertEqual(shown(editor), "|تيب")
        editor.handle(.right)
        XCTAssertEqual(editor.cursor, 1)
        XCTAssertEqual(shown(editor), "ت|يب")
        editor.handle(.right)
        editor.handle(.right)
        XCTAssertEqual(editor.cursor, 0)
        XCTAssertEqual(shown(editor), "تي|ب")
        editor.handle(.left)
        XCTAssertEqual(editor.cursor, 1)
        // Typing in the middle inserts in logical order, shown where the cursor was.
        editor.handle(.character("ا"))
        XCTAssertEqual(editor.text, "بايت")
    }

    func testMixedFrenchAndArabicLine() {
        var editor = typed("Décret عبد")
        XCTAssertEqual(shown(editor), "Décret دبع|")
        editor.handle(.left)  // onto the rightmost Arabic cell: the first Arabic letter typed
        XCTAssertEqual(editor.cursor, 7)
        XCTAssertEqual(shown(editor), "Décret دب|ع")
        editor.handle(.left)
        editor.handle(.left)
        XCTAssertEqual(editor.cursor, 9)
        XCTAssertEqual(shown(editor), "Décret |دبع")
        editor.handle(.left)  // the space, then the French word, in visual order
        XCTAssertEqual(editor.cursor, 6)
        for _ in 0..<10 { editor.handle(.left) }
        XCTAssertEqual(editor.cursor, 0)
        for _ in 0..<20 { editor.handle(.right) }
        XCTAssertEqual(editor.cursor, 10)
    }

    func testEveryPositionIsReachableByTheArrows() {
        let texts = ["بيانات INS مفتوحة 2024", "Décret — عبد الله, Tunis", "(عربي) نص", "لا إله", "a"]
        for text in texts {
            var editor = LineEditor(text: text)
            var seen: Set<Int> = [editor.cursor]
            for _ in 0...text.count { editor.handle(.left); seen.insert(editor.cursor) }
            for _ in 0...text.count { editor.handle(.right); seen.insert(editor.cursor) }
            XCTAssertEqual(seen, Set(0...text.count), text)
        }
    }

    func testAWideArabicLineScrollsWithTheCursorVisible() {
        var editor = typed(String(repeating: "بيانات ", count: 10))
        for width in [5, 8, 13, 20] {
            let (text, column) = editor.visible(width: width)
            XCTAssertLessThanOrEqual(DisplayWidth.of(text), width)
            XCTAssertTrue((0..<width).contains(column), "width \(width): column \(column)")
        }
        editor.handle(.home)
        let (_, column) = editor.visible(width: 8)
        XCTAssertTrue((0..<8).contains(column))
    }
}
