@testable import DataJamUI
import TestSupport
import XCTest

/// Arabic in the multi-line editor: rows read right to left and are aligned right, the cursor shows
/// where the next letter goes, ← and → move as the rows are seen, Backspace deletes the letter typed
/// last, the text keeps typing order.
final class BidiTextAreaTests: XCTestCase {
    private func typed(_ text: String) -> TextArea {
        var area = TextArea(text: "")
        for character in text {
            if character == "\n" { area.newLine() } else { area.insert(String(character)) }
        }
        return area
    }

    /// The editor's rows drawn as TextEditorView draws them, with "|" on the cursor's cell (or before it).
    private func shown(_ area: TextArea, width: Int) -> [String] {
        var buffer = ScreenBuffer(width: width + 1, height: area.rows(width: width).count)
        for (y, row) in area.rows(width: width).enumerated() {
            buffer.putLine(area.string(of: row), of: area.direction(of: row), x: 0, y: y, width: width)
        }
        let cursor = area.screenCursor(width: width)
        return unshapedArabic(buffer.lines).enumerated().map { y, line in
            guard y == cursor.row else { return line }
            var cells = Array(line.padding(toLength: width, withPad: " ", startingAt: 0))
            if cells[cursor.column] == " " { cells[cursor.column] = "|" } else { cells.insert("|", at: cursor.column) }
            return String(cells).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    func testArabicRowsAreRightAlignedWithTheCursorLeftOfTheText() {
        let area = typed("Contexte\nبيانات مفتوحة")
        XCTAssertEqual(shown(area, width: 20), ["Contexte", "      |ةحوتفم تانايب"])
        XCTAssertEqual(area.text, "Contexte\nبيانات مفتوحة", "typing order kept")
    }

    func testBackspaceDeletesTheLetterTypedLast() {
        var area = typed("بيانات مفتوحة")
        area.backspace()
        XCTAssertEqual(area.text, "بيانات مفتوح")
        XCTAssertEqual(shown(area, width: 20), ["       |حوتفم تانايب"])
    }

    func testLeftAndRightMoveAsTheRowIsSeen() {
        var area = typed("بيت")
        _ = area.handle(.right, width: 10)  // from the end (left of the text) onto its leftmost cell
        XCTAssertEqual(area.cursor, 2)
        XCTAssertEqual(shown(area, width: 10), ["       |تيب"])
        _ = area.handle(.right, width: 10)
        XCTAssertEqual(area.cursor, 1)
        _ = area.handle(.left, width: 10)
        _ = area.handle(.left, width: 10)
        XCTAssertEqual(area.cursor, 3, "back to the end, left of the text")
    }

    func testEveryPositionIsReachableAcrossMixedLines() {
        // On each row ← and → reach every position (↑↓ change rows).
        for line in ["Décret — عبد الله", "بيانات INS 2024", "في الورشة (تونس)", "(عربي) نص"] {
            var area = TextArea(text: line)
            var seen: Set<Int> = [area.cursor]
            for _ in 0...line.count { _ = area.handle(.left, width: 40); seen.insert(area.cursor) }
            for _ in 0...line.count { _ = area.handle(.right, width: 40); seen.insert(area.cursor) }
            for _ in 0...line.count { _ = area.handle(.left, width: 40); seen.insert(area.cursor) }
            XCTAssertEqual(seen, Set(0...line.count), line)
        }
        // Wherever the cursor is in wrapped mixed lines, it shows inside the field.
        let text = "Décret — عبد الله\nبيانات INS 2024\nفي الورشة (تونس)"
        var area = TextArea(text: text)
        for position in 0...text.count {
            area = TextArea(text: text)
            while area.cursor > position { area.moveLeft() }
            let cursor = area.screenCursor(width: 12)
            XCTAssertTrue((0..<12).contains(cursor.column), "position \(position): \(cursor)")
        }
    }

    func testLeftToRightTextIsUnchanged() {
        let area = typed("Données\nventilées")
        XCTAssertEqual(area.screenCursor(width: 20).column, area.cursorPosition(width: 20).column)
        XCTAssertEqual(shown(area, width: 20), ["Données", "ventilées|"])
    }
}
