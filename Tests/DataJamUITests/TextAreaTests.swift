@testable import DataJamUI
import XCTest

/// The multi-line editor as a value: wrapping at display widths, moving on the rows shown, and
/// editing across line breaks.
final class TextAreaTests: XCTestCase {
    private func rows(_ area: TextArea, width: Int) -> [String] {
        area.rows(width: width).map { area.string(of: $0) }
    }

    func testWrapsAtSpacesKeepingTheSpaceAtTheRowEnd() {
        let area = TextArea(text: "Les données ouvertes sont utiles")
        XCTAssertEqual(rows(area, width: 10), ["Les ", "données ", "ouvertes ", "sont ", "utiles"])
        // Every character has a place: the rows put back together are the text.
        XCTAssertEqual(rows(area, width: 10).joined(), area.text)
    }

    func testLineBreaksAndBlankLinesAreRowsOfTheirOwn() {
        let area = TextArea(text: "Contexte\n\nObjectifs")
        XCTAssertEqual(rows(area, width: 20), ["Contexte", "", "Objectifs"])
    }

    func testWideAndCombiningCharactersWrapByDisplayWidth() {
        // Three two-column ideographs pairs: 4 columns a row in 5.
        XCTAssertEqual(rows(TextArea(text: "中文中文中文"), width: 5), ["中文", "中文", "中文"])
        // An emoji is two columns, an accent typed as e + U+0301 one; Arabic one per letter.
        XCTAssertEqual(rows(TextArea(text: "👩‍💻👩‍💻👩‍💻"), width: 4), ["👩‍💻👩‍💻", "👩‍💻"])
        XCTAssertEqual(rows(TextArea(text: "e\u{301}te\u{301} e\u{301}te\u{301}"), width: 4), ["e\u{301}te\u{301} ", "e\u{301}te\u{301}"])
        XCTAssertEqual(rows(TextArea(text: "مرحبا بكم في الورشة"), width: 10), ["مرحبا بكم ", "في الورشة"])
        // A word longer than the row is cut, not lost.
        XCTAssertEqual(rows(TextArea(text: "https://data.gov.tn/fr"), width: 8), ["https://", "data.gov", ".tn/fr"])
    }

    func testCursorAtAWrappedRowsEndShowsAtTheNextRowsStart() {
        var area = TextArea(text: "Les données", cursor: 4)
        XCTAssertEqual(area.cursorPosition(width: 8).row, 1)
        XCTAssertEqual(area.cursorPosition(width: 8).column, 0)
        area.moveToEnd()
        XCTAssertEqual(area.cursorPosition(width: 8).row, 1)
        XCTAssertEqual(area.cursorPosition(width: 8).column, 7)
    }

    func testUpAndDownMoveOnRowsByColumnAndRememberTheColumn() {
        var area = TextArea(text: "Première ligne\nab\nTroisième ligne", cursor: 0)
        area.handle(.end, width: 40)
        XCTAssertEqual(area.cursor, 14)
        area.handle(.down, width: 40)
        XCTAssertEqual(area.cursor, 17, "the short line's end")
        area.handle(.down, width: 40)
        XCTAssertEqual(area.cursorPosition(width: 40).column, 14, "the remembered column")
        // Wide characters: ↑ lands on a character boundary at or before the column.
        var wide = TextArea(text: "中文中文中文")
        wide.handle(.up, width: 5)
        XCTAssertEqual(wide.cursor, 3)
        XCTAssertEqual(wide.cursorPosition(width: 5).row, 1)
        // ↑ on the first row goes to the start, ↓ on the last to the end.
        wide.handle(.up, width: 5)
        wide.handle(.up, width: 5)
        XCTAssertEqual(wide.cursor, 0)
        wide.handle(.down, width: 5); wide.handle(.down, width: 5); wide.handle(.down, width: 5)
        XCTAssertEqual(wide.cursor, 6)
    }

    func testHomeAndEndActOnTheRowShown() {
        var area = TextArea(text: "Les données ouvertes", cursor: 6)
        area.handle(.home, width: 10)
        XCTAssertEqual(area.cursor, 4)
        area.handle(.end, width: 10)
        XCTAssertEqual(area.cursor, 11, "before the space the row broke at")
        area.handle(.control("a"), width: 10)
        XCTAssertEqual(area.cursor, 0, "Ctrl-A: start of the line")
        area.handle(.control("e"), width: 10)
        XCTAssertEqual(area.cursor, 20)
    }

    func testEnterTypesANewLineAndBackspaceJoinsLines() {
        var area = TextArea()
        for key: Key in [.character("a"), .enter, .character("é"), .enter, .enter] { area.handle(key, width: 10) }
        XCTAssertEqual(area.text, "a\né\n\n")
        area.handle(.backspace, width: 10)
        area.handle(.backspace, width: 10)
        area.handle(.backspace, width: 10)
        XCTAssertEqual(area.text, "a\n")
        area.handle(.control("k"), width: 10)
        XCTAssertEqual(area.text, "a\n", "at the end, nothing to kill")
        area.handle(.left, width: 10)
        area.handle(.control("k"), width: 10)
        XCTAssertEqual(area.text, "a", "Ctrl-K at a line's end joins the next line")
    }

    func testAPasteOfManyLinesKeepsTheLinesAndDropsControls() {
        var area = TextArea(text: "Début : ")
        area.insert("un ; deux, trois\r\nquatre\tcinq\u{7}\u{2028}six")
        XCTAssertEqual(area.text, "Début : un ; deux, trois\nquatre cinq\nsix")
        XCTAssertEqual(area.lines, ["Début : un ; deux, trois", "quatre cinq", "six"])
    }

    func testWordMovesAndDeletes() {
        var area = TextArea(text: "données ouvertes\nmaintenant")
        area.handle(.alt("b"), width: 40)
        XCTAssertEqual(area.cursor, 17)
        area.handle(.alt("b"), width: 40)
        XCTAssertEqual(area.cursor, 8)
        area.handle(.alt("f"), width: 40)
        XCTAssertEqual(area.cursor, 16)
        area.moveToEnd()
        area.handle(.control("w"), width: 40)
        XCTAssertEqual(area.text, "données ouvertes\n")
        area.handle(.control("w"), width: 40)
        XCTAssertEqual(area.text, "données ouvertes", "at a line's start, Ctrl-W removes the line break")
    }

    func testAnAccentTypedAloneJoinsTheLetterAndAFlagIsOneCharacter() {
        var area = TextArea(text: "ab")
        area.handle(.left, width: 10)
        area.insert("\u{301}")
        XCTAssertEqual(area.text, "a\u{301}b")
        XCTAssertEqual(area.characters.count, 2, "á is one character")
        XCTAssertEqual(area.cursor, 1)
        area.moveToEnd()
        area.insert("🇹")
        area.insert("🇳")
        XCTAssertEqual(area.characters.count, 3, "the two regional indicators make one flag")
        XCTAssertEqual(area.cursor, 3)
        XCTAssertEqual(area.cursorPosition(width: 10).column, 4)
        area.backspace()
        XCTAssertEqual(area.text, "a\u{301}b")
    }
}
