import TestSupport
import XCTest
@testable import DataJamUI

final class ScreenBufferTests: XCTestCase {
    func testNewBufferIsBlank() {
        let buffer = ScreenBuffer(width: 4, height: 2)
        XCTAssertEqual(buffer.lines, ["", ""])
        XCTAssertEqual(buffer.cell(x: 3, y: 1), Cell.blank())
        XCTAssertNil(buffer.cell(x: 4, y: 0))
        XCTAssertNil(buffer.cell(x: 0, y: -1))
        XCTAssertEqual(buffer.bounds, Rect(x: 0, y: 0, width: 4, height: 2))
    }

    func testPutWritesTextAndReturnsColumnsUsed() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        XCTAssertEqual(buffer.put("Café", x: 1, y: 0), 4)
        XCTAssertEqual(buffer.put("عبد الله", x: 0, y: 1), 8)
        XCTAssertEqual(unshapedArabic(buffer.lines), [" Café", "هللا دبع"], "Arabic is drawn in visual order")
    }

    func testWideCharactersUseAContinuationCell() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put("中文", x: 0, y: 0), 4)
        XCTAssertEqual(buffer.cell(x: 0, y: 0)?.grapheme, "中")
        XCTAssertEqual(buffer.cell(x: 0, y: 0)?.width, 2)
        XCTAssertEqual(buffer.cell(x: 1, y: 0)?.isContinuation, true)
        XCTAssertEqual(buffer.cell(x: 2, y: 0)?.grapheme, "文")
        XCTAssertEqual(buffer.lines, ["中文"])
    }

    func testGraphemeClustersStayInOneCell() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        XCTAssertEqual(buffer.put("e\u{301}👩‍💻🇫🇷", x: 0, y: 0), 5)
        XCTAssertEqual(buffer.cell(x: 0, y: 0)?.grapheme, "e\u{301}")
        XCTAssertEqual(buffer.cell(x: 1, y: 0)?.grapheme, "👩‍💻")
        XCTAssertEqual(buffer.cell(x: 3, y: 0)?.grapheme, "🇫🇷")
        XCTAssertEqual(buffer.lines, ["e\u{301}👩‍💻🇫🇷"])
    }

    func testClipsAtTheRightEdgeWithoutSplittingAWideCharacter() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        // "ab中" fills four columns; "文" would need columns 4 and 5: the last column becomes a space.
        XCTAssertEqual(buffer.put("ab中文", x: 0, y: 0), 5)
        XCTAssertEqual(buffer.lines, ["ab中"])
        XCTAssertEqual(buffer.cell(x: 4, y: 0), Cell.blank())
        XCTAssertEqual(buffer.put("xyz", x: 3, y: 0), 2)
        XCTAssertEqual(buffer.lines, ["ab xy"], "overwriting half of 中 blanks the other half")
    }

    func testMaxWidthLimitsTheColumnsWritten() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(buffer.put("abcdef", x: 1, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(buffer.lines, [" abc"])
        var wide = ScreenBuffer(width: 10, height: 1, style: .plain)
        XCTAssertEqual(wide.put("中文", x: 0, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(wide.lines, ["中"])
        XCTAssertEqual(wide.cell(x: 2, y: 0), Cell.blank())
        XCTAssertEqual(wide.put("x", x: 0, y: 0, maxWidth: 0), 0)
        XCTAssertEqual(wide.put("abc", x: 8, y: 0, maxWidth: Int.max), 2, "a huge limit stops at the edge")
    }

    func testNegativeStartSkipsTheHiddenPart() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        XCTAssertEqual(buffer.put("中ab", x: -1, y: 0), 3)
        XCTAssertEqual(buffer.lines, [" ab"])
        XCTAssertEqual(buffer.put("abc", x: -10, y: 0), 0)
    }

    func testOverwritingEitherHalfOfAWideCharacterBlanksTheOtherHalf() {
        var left = ScreenBuffer(width: 4, height: 1)
        left.put("中", x: 1, y: 0)
        left.put("x", x: 2, y: 0)
        XCTAssertEqual(left.lines, ["  x"])
        XCTAssertFalse(left.cell(x: 2, y: 0)!.isContinuation)

        var right = ScreenBuffer(width: 4, height: 1)
        right.put("中", x: 1, y: 0)
        right.put("y", x: 1, y: 0)
        XCTAssertEqual(right.lines, [" y"])
        XCTAssertEqual(right.cell(x: 2, y: 0), Cell.blank())

        var shifted = ScreenBuffer(width: 5, height: 1)
        shifted.put("中文", x: 0, y: 0)
        shifted.put("字", x: 1, y: 0)
        XCTAssertEqual(shifted.lines, [" 字"])
        XCTAssertEqual(shifted.cell(x: 3, y: 0), Cell.blank())
    }

    func testControlCharactersAreNotDrawn() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(buffer.put("a\tb\u{1B}[2Jc\n", x: 0, y: 0), 6)
        XCTAssertEqual(buffer.lines, ["ab[2Jc"])
    }

    func testPutOutsideTheBufferDoesNothing() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        XCTAssertEqual(buffer.put("abc", x: 0, y: 1), 0)
        XCTAssertEqual(buffer.put("abc", x: 0, y: -1), 0)
        XCTAssertEqual(buffer.put("abc", x: 3, y: 0), 0)
        XCTAssertEqual(buffer.lines, [""])
    }

    func testZeroByZeroAndOneByOneAreSafe() {
        var empty = ScreenBuffer(width: 0, height: 0)
        XCTAssertEqual(empty.put("anything", x: 0, y: 0), 0)
        empty.fill(Rect(x: -5, y: -5, width: 100, height: 100), style: .reverse)
        empty.setStyle(.bold, in: Rect(width: 3, height: 3))
        empty.clear()
        XCTAssertEqual(empty.lines, [])
        XCTAssertEqual(empty.styledRows.count, 0)
        XCTAssertTrue(empty.row(0).isEmpty)

        var negative = ScreenBuffer(width: -3, height: -1)
        XCTAssertEqual(negative.width, 0)
        XCTAssertEqual(negative.put("x", x: 0, y: 0), 0)

        var tiny = ScreenBuffer(width: 1, height: 1)
        XCTAssertEqual(tiny.put("中", x: 0, y: 0), 1, "a wide character cannot fit: a space instead")
        XCTAssertEqual(tiny.lines, [""])
        XCTAssertEqual(tiny.put("ab", x: 0, y: 0), 1)
        XCTAssertEqual(tiny.lines, ["a"])
        tiny.fill(tiny.bounds, style: .reverse, with: "#")
        XCTAssertEqual(tiny.lines, ["#"])

        var narrowTall = ScreenBuffer(width: 1, height: 3)
        XCTAssertEqual(narrowTall.put("👍", x: 0, y: 2), 1)
        XCTAssertEqual(narrowTall.lines, ["", "", ""])
    }

    func testFillAndStyledRows() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.put("ab中", x: 0, y: 0, style: .bold)
        buffer.fill(Rect(x: 3, y: 0, width: 3, height: 2), style: Style(background: .blue), with: ".")
        XCTAssertEqual(buffer.lines, ["ab ...", "   ..."], "filling over half of 中 blanks its other half")
        let blue = Style(background: .blue)
        XCTAssertEqual(buffer.styledRows[0], [
            .init(column: 0, text: "ab ", style: .bold),
            .init(column: 3, text: "...", style: blue),
        ])
        XCTAssertEqual(buffer.styledRows[1], [
            .init(column: 0, text: "   ", style: .plain),
            .init(column: 3, text: "...", style: blue),
        ])
        buffer.fill(Rect(width: 2, height: 1), with: "中")
        XCTAssertEqual(buffer.lines[0], "   ...", "a wide fill character falls back to spaces")
    }

    func testSetStyleKeepsText() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("abcd", x: 0, y: 0)
        buffer.setStyle(.reverse, in: Rect(x: 1, y: 0, width: 2, height: 1))
        XCTAssertEqual(buffer.lines, ["abcd"])
        XCTAssertEqual(buffer.styledRows[0].map(\.text), ["a", "bc", "d"])
        XCTAssertEqual(buffer.cell(x: 1, y: 0)?.style, .reverse)
    }

    func testWideCharacterStyleRunKeepsItsColumns() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        buffer.put("中x", x: 0, y: 0, style: .underline)
        XCTAssertEqual(buffer.styledRows[0], [
            .init(column: 0, text: "中x", style: .underline),
            .init(column: 3, text: "  ", style: .plain),
        ])
    }

    func testClearAndDescription() {
        var buffer = ScreenBuffer(width: 3, height: 2)
        buffer.put("abc", x: 0, y: 0)
        buffer.put("d", x: 0, y: 1)
        XCTAssertEqual(buffer.description, "abc\nd")
        buffer.clear()
        XCTAssertEqual(buffer.lines, ["", ""])
    }
}
