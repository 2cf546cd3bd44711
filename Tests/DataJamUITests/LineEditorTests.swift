import XCTest
@testable import DataJamUI

final class LineEditorTests: XCTestCase {
    private func typed(_ text: String) -> LineEditor {
        var editor = LineEditor()
        for character in text { XCTAssertTrue(editor.handle(.character(character))) }
        return editor
    }

    func testTypingAndBackspaceWithAccents() {
        var editor = typed("Café")
        XCTAssertEqual(editor.text, "Café")
        XCTAssertEqual(editor.cursor, 4)
        XCTAssertEqual(editor.cursorColumn, 4)
        editor.handle(.backspace)
        XCTAssertEqual(editor.text, "Caf")
        XCTAssertEqual(editor.cursor, 3)
    }

    func testCombiningAccentJoinsTheCharacterBeforeTheCursor() {
        var editor = LineEditor()
        editor.insert("e")
        editor.insert("\u{301}")
        XCTAssertEqual(editor.text, "e\u{301}")
        XCTAssertEqual(editor.text.count, 1)
        XCTAssertEqual(editor.cursor, 1)
        XCTAssertEqual(editor.cursorColumn, 1)
        editor.insert("te\u{301}")
        XCTAssertEqual(editor.cursor, 3)
        XCTAssertEqual(editor.cursorColumn, 3)
        editor.moveLeft()
        editor.backspace()
        XCTAssertEqual(editor.text, "e\u{301}e\u{301}", "backspace removes the letter and its accent together")
        editor.home()
        editor.deleteForward()
        XCTAssertEqual(editor.text, "e\u{301}")
        XCTAssertEqual(editor.cursor, 0)
    }

    func testArabicEditingAndWords() {
        var editor = typed("عبد الله")
        XCTAssertEqual(editor.text, "عبد الله")
        XCTAssertEqual(editor.cursor, 8)
        XCTAssertEqual(editor.cursorColumn, 8)
        editor.wordLeft()
        XCTAssertEqual(editor.cursor, 4)
        editor.wordLeft()
        XCTAssertEqual(editor.cursor, 0)
        editor.wordRight()
        XCTAssertEqual(editor.cursor, 3)
        editor.wordRight()
        XCTAssertEqual(editor.cursor, 8)
        XCTAssertTrue(editor.handle(.control("w")))
        XCTAssertEqual(editor.text, "عبد ")
        XCTAssertEqual(editor.killed, "الله")
        editor.handle(.control("w"))
        XCTAssertEqual(editor.text, "")
        editor.handle(.control("y"))
        XCTAssertEqual(editor.text, "عبد ")
    }

    func testEmojiMoveAndDeleteAsOneCharacter() {
        var editor = typed("a👩‍💻b")
        XCTAssertEqual(editor.text.count, 3)
        XCTAssertEqual(editor.cursorColumn, 4)
        editor.moveLeft()
        XCTAssertEqual(editor.cursorColumn, 3)
        editor.moveLeft()
        XCTAssertEqual(editor.cursor, 1)
        XCTAssertEqual(editor.cursorColumn, 1)
        editor.handle(.delete)
        XCTAssertEqual(editor.text, "ab")
    }

    func testRegionalIndicatorsTypedSeparatelyBecomeOneFlag() {
        var editor = LineEditor()
        editor.insert("\u{1F1EB}")
        editor.insert("\u{1F1F7}")
        XCTAssertEqual(editor.text, "🇫🇷")
        XCTAssertEqual(editor.cursor, 1)
        XCTAssertEqual(editor.cursorColumn, 2)
        editor.backspace()
        XCTAssertTrue(editor.isEmpty)
    }

    func testHomeEndAndKills() {
        var editor = typed("open data jam")
        editor.handle(.control("a"))
        XCTAssertEqual(editor.cursor, 0)
        editor.handle(.control("f"))
        editor.handle(.right)
        XCTAssertEqual(editor.cursor, 2)
        editor.handle(.control("e"))
        XCTAssertEqual(editor.cursor, 13)
        editor.handle(.home)
        editor.wordRight()
        XCTAssertEqual(editor.cursor, 4)
        editor.handle(.control("k"))
        XCTAssertEqual(editor.text, "open")
        XCTAssertEqual(editor.killed, " data jam")
        editor.handle(.control("b"))
        editor.handle(.control("u"))
        XCTAssertEqual(editor.text, "n")
        XCTAssertEqual(editor.killed, "ope")
        XCTAssertEqual(editor.cursor, 0)
        editor.handle(.control("y"))
        XCTAssertEqual(editor.text, "open")
        XCTAssertEqual(editor.cursor, 3)
        editor.handle(.end)
        editor.handle(.control("h"))
        XCTAssertEqual(editor.text, "ope")
        editor.handle(.control("a"))
        editor.handle(.control("d"))
        XCTAssertEqual(editor.text, "pe")
    }

    func testDeleteWordBackwardSkipsTrailingSpaces() {
        var editor = LineEditor(text: "données ouvertes   ")
        editor.deleteWordBackward()
        XCTAssertEqual(editor.text, "données ")
        editor.deleteWordBackward()
        XCTAssertEqual(editor.text, "")
        editor.deleteWordBackward()
        XCTAssertEqual(editor.text, "")
    }

    func testEditsAtTheEdgesAreHarmless() {
        var editor = LineEditor()
        editor.backspace()
        editor.deleteForward()
        editor.moveLeft()
        editor.moveRight()
        editor.wordLeft()
        editor.wordRight()
        editor.killToEnd()
        editor.killToStart()
        editor.yank()
        XCTAssertEqual(editor, LineEditor())
        XCTAssertTrue(editor.handle(.backspace), "consumed even though nothing changed")
    }

    func testKeysThatBelongToTheScreenAreNotConsumed() {
        var editor = LineEditor(text: "x")
        for key: Key in [.enter, .escape, .tab, .backTab, .up, .down, .pageUp, .pageDown, .insert, .function(1),
                         .control("c"), .control("x"), .resize] {
            XCTAssertFalse(editor.handle(key), "\(key)")
        }
        XCTAssertEqual(editor.text, "x")
    }

    func testInsertKeepsTheFieldOnOneLine() {
        var editor = LineEditor()
        editor.insert("a\nb\tc\r\nd\u{7}e")
        XCTAssertEqual(editor.text, "a b c de")
        XCTAssertEqual(LineEditor(text: "x\ny").text, "x y")
    }

    func testInitAndSetTextClampTheCursor() {
        XCTAssertEqual(LineEditor(text: "abc").cursor, 3)
        XCTAssertEqual(LineEditor(text: "abc", cursor: 1).cursor, 1)
        XCTAssertEqual(LineEditor(text: "abc", cursor: 99).cursor, 3)
        XCTAssertEqual(LineEditor(text: "abc", cursor: -2).cursor, 0)
        var editor = LineEditor(text: "abc")
        editor.setText("中文", cursor: 1)
        XCTAssertEqual(editor.cursorColumn, 2)
        editor.moveCursor(to: 50)
        XCTAssertEqual(editor.cursor, 2)
    }

    // MARK: - Horizontal scrolling

    func testShortTextIsShownFromTheStart() {
        let editor = LineEditor(text: "Tunis")
        XCTAssertEqual(editor.visible(width: 10).text, "Tunis")
        XCTAssertEqual(editor.visible(width: 10).cursorColumn, 5)
        XCTAssertEqual(editor.visible(width: 0).text, "")
        XCTAssertEqual(editor.visible(width: 0).cursorColumn, 0)
    }

    func testScrollsByHalfTheWidthAndStaysStill() {
        var editor = LineEditor(text: "0123456789")
        XCTAssertEqual(editor.visible(width: 5).text, "6789")
        XCTAssertEqual(editor.visible(width: 5).cursorColumn, 4)
        editor.moveLeft()
        XCTAssertEqual(editor.visible(width: 5).text, "6789", "the view stays while the cursor is inside it")
        XCTAssertEqual(editor.visible(width: 5).cursorColumn, 3)
        editor.moveCursor(to: 5)
        XCTAssertEqual(editor.visible(width: 5).text, "23456")
        XCTAssertEqual(editor.visible(width: 5).cursorColumn, 3)
        editor.home()
        XCTAssertEqual(editor.visible(width: 5).text, "01234")
        XCTAssertEqual(editor.visible(width: 5).cursorColumn, 0)
    }

    func testScrollingWithWideCharacters() {
        var editor = LineEditor(text: "数据数据数据")
        XCTAssertEqual(editor.cursorColumn, 12)
        XCTAssertEqual(editor.visible(width: 5).text, "数据")
        XCTAssertEqual(editor.visible(width: 5).cursorColumn, 4)
        editor.moveCursor(to: 1)
        XCTAssertEqual(editor.visible(width: 3).text, "据")
        XCTAssertEqual(editor.visible(width: 3).cursorColumn, 0)
        editor.home()
        XCTAssertEqual(editor.visible(width: 3).text, "数", "a wide character is never cut at the edge")
    }

    func testScrollingArabicAccentsAndEmoji() {
        let arabic = LineEditor(text: "عبد الله")
        // The end of an Arabic line is on its left: a trailing cell holds the cursor there.
        XCTAssertEqual(arabic.visible(width: 5).text, "الله ")
        XCTAssertEqual(arabic.visible(width: 5).cursorColumn, 0)

        let accents = LineEditor(text: String(repeating: "e\u{301}", count: 6))
        XCTAssertEqual(accents.visible(width: 4).text, "e\u{301}e\u{301}")
        XCTAssertEqual(accents.visible(width: 4).cursorColumn, 2)

        var emoji = LineEditor(text: "ok 👍👩‍💻🇫🇷 fin")
        XCTAssertEqual(emoji.cursorColumn, 13)
        let end = emoji.visible(width: 8)
        // The flag straddles the scroll column (8): it is left out rather than cut in half.
        XCTAssertEqual(end.text, " fin")
        XCTAssertEqual(end.cursorColumn, 4)
        emoji.moveCursor(to: 4)  // on 👩‍💻
        let middle = emoji.visible(width: 4)
        XCTAssertEqual(middle.text, "👩‍💻🇫🇷")
        XCTAssertEqual(middle.cursorColumn, 0)
    }

    /// Whatever the edits, the cursor stays inside the field and the shown text fits.
    func testCursorIsAlwaysVisibleUnderRandomEditing() {
        let pieces = ["a", "é", "e\u{301}", "ب", "中", "👍", "👩‍💻", "🇫🇷", " ", "ل"]
        let keys: [Key] = [.left, .right, .home, .end, .backspace, .delete, .control("w"), .control("k"),
                           .control("u"), .control("y")]
        var random = SplitMix(seed: 42)
        var editor = LineEditor()
        for step in 0..<3000 {
            if random.next() % 3 == 0 {
                editor.handle(keys[Int(random.next() % UInt64(keys.count))])
            } else {
                editor.insert(pieces[Int(random.next() % UInt64(pieces.count))])
            }
            XCTAssertTrue((0...editor.text.count).contains(editor.cursor))
            for width in 2...12 {
                let view = editor.visible(width: width)
                XCTAssertLessThanOrEqual(view.text.displayWidth, width, "step \(step)")
                // Right-to-left text at the end of the line gets one trailing cell for the cursor, on its left.
                let shown = view.text.hasSuffix(" ") && !editor.text.contains(view.text) ? String(view.text.dropLast()) : view.text
                XCTAssertTrue(shown.isEmpty || editor.text.contains(shown), "step \(step)")
                let characters = Array(editor.text)
                let cellWidth = editor.cursor < characters.count ? characters[editor.cursor].displayWidth : 1
                XCTAssertGreaterThanOrEqual(view.cursorColumn, 0, "step \(step)")
                XCTAssertLessThanOrEqual(view.cursorColumn + cellWidth, width, "step \(step) width \(width)")
            }
        }
    }
}

/// A small deterministic generator, so the random test is reproducible.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
