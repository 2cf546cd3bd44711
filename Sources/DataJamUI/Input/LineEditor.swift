/// The editing state of a one-line text field, as a plain value.
///
/// It lives inside the app state and changes only through these methods, so every editing behaviour is unit
/// tested without a terminal, and views render it with ``visible(width:)``.
///
/// The cursor is an index in *grapheme clusters* (Swift `Character`s), never in bytes or code points: "é"
/// typed as e + U+0301, a flag or a family emoji move and delete as one unit, exactly as the participant sees
/// them. Display widths come from ``DisplayWidth``, so a two-column ideograph or emoji moves the on-screen cursor
/// by two.
///
/// Arabic and other right-to-left text is stored and edited in logical (typing) order, so the text saved is
/// what was typed and Backspace deletes the character typed last. It is shown in visual order (``BidiLine``),
/// and the arrows move visually, as the reader sees the line: Left goes left, in Arabic as in French.
public struct LineEditor: Sendable, Hashable {
    /// The text being edited. Always one line: ``insert(_:)`` turns line breaks and tabs into spaces.
    public private(set) var text: String
    /// Position of the cursor, in characters from the start, between 0 and `text.count`.
    public private(set) var cursor: Int
    /// The text removed by the last kill (Ctrl-W, Ctrl-U, Ctrl-K), which Ctrl-Y puts back, as in a shell.
    public private(set) var killed: String = ""

    /// A field holding `text`, with the cursor at `cursor` (clamped) or at the end.
    public init(text: String = "", cursor: Int? = nil) {
        self.text = LineEditor.singleLine(text)
        let count = self.text.count
        self.cursor = min(max(0, cursor ?? count), count)
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Columns between the start of the text and the cursor.
    public var cursorColumn: Int { DisplayWidth.of(text.prefix(cursor)) }

    /// Replaces the whole text (loading a record into the field), cursor at `cursor` (clamped) or at the end.
    public mutating func setText(_ newText: String, cursor newCursor: Int? = nil) {
        text = LineEditor.singleLine(newText)
        let count = text.count
        cursor = min(max(0, newCursor ?? count), count)
    }

    /// Puts the cursor at `position`, clamped to the text.
    public mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), text.count)
    }

    // MARK: - Editing

    /// Inserts `string` at the cursor and moves the cursor after it. Line breaks and tabs become spaces and
    /// other control characters are dropped, since the field is one line and the terminal would act on them.
    /// A combining accent typed on its own joins the character before the cursor, as it does on screen.
    public mutating func insert(_ string: String) {
        let clean = LineEditor.singleLine(string)
        guard !clean.isEmpty else { return }
        let split = text.index(text.startIndex, offsetBy: cursor)
        replace(split..<split, with: clean, cursorAfter: true)
    }

    /// Deletes the character before the cursor (Backspace).
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let end = text.index(text.startIndex, offsetBy: cursor)
        replace(text.index(before: end)..<end, with: "", cursorAfter: false)
    }

    /// Deletes the character under the cursor (Delete, Ctrl-D).
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        let start = text.index(text.startIndex, offsetBy: cursor)
        replace(start..<text.index(after: start), with: "", cursorAfter: false)
    }

    /// Deletes back to the previous whitespace, as Ctrl-W does in a shell: "open data|" → "open |".
    public mutating func deleteWordBackward() {
        let characters = Array(text)
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        kill(from: start, to: cursor)
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    public mutating func killToStart() {
        kill(from: 0, to: cursor)
    }

    /// Deletes from the cursor to the end of the line (Ctrl-K).
    public mutating func killToEnd() {
        kill(from: cursor, to: text.count)
    }

    /// Inserts the last killed text at the cursor (Ctrl-Y).
    public mutating func yank() {
        insert(killed)
    }

    // MARK: - Moving

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }

    /// Moves the cursor one character left (`by: -1`) or right (`by: 1`) on the screen. In a line with
    /// right-to-left text, the cursor's stops in screen order are each character's cell, plus the end of the
    /// text: right of the last cell in a left-to-right line, left of the first in a right-to-left one.
    public mutating func moveVisually(by step: Int) {
        guard BidiLayout.containsRightToLeft(text) else {
            if step < 0 { moveLeft() } else { moveRight() }
            return
        }
        let line = BidiLine(text)
        let stops = line.direction == .leftToRight ? line.logicalIndex + [text.count] : [text.count] + line.logicalIndex
        guard let here = stops.firstIndex(of: cursor) else { return }
        cursor = stops[min(max(here + step, 0), stops.count - 1)]
    }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = text.count }

    /// Moves to the start of the current or previous word. Words are runs of letters and digits in any script.
    public mutating func wordLeft() {
        let characters = Array(text)
        var position = cursor
        while position > 0 && !LineEditor.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0 && LineEditor.isWordCharacter(characters[position - 1]) { position -= 1 }
        cursor = position
    }

    /// Moves to the end of the current or next word.
    public mutating func wordRight() {
        let characters = Array(text)
        var position = cursor
        while position < characters.count && !LineEditor.isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count && LineEditor.isWordCharacter(characters[position]) { position += 1 }
        cursor = position
    }

    // MARK: - Keys

    /// Applies the usual terminal editing bindings and returns whether the key belongs to the editor.
    ///
    /// Printable characters insert; Backspace/Ctrl-H and Delete/Ctrl-D delete; arrows, Home/End and Ctrl-A/E
    /// (start/end), Ctrl-B/F (left/right) move; Ctrl-W, Ctrl-U, Ctrl-K kill and Ctrl-Y yanks. A key that is
    /// consumed returns true even when it changes nothing (Backspace at the start), so it does not fall through
    /// to a screen-level binding by surprise. Enter, Esc, Tab, Up/Down and the rest return false: the screen
    /// owning the field decides what they mean.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveVisually(by: -1)
        case .right: moveVisually(by: 1)
        case .home: home()
        case .end: end()
        case .control(let letter):
            switch letter {
            case "a": home()
            case "e": end()
            case "b": moveLeft()
            case "f": moveRight()
            case "d": deleteForward()
            case "h": backspace()
            case "w": deleteWordBackward()
            case "u": killToStart()
            case "k": killToEnd()
            case "y": yank()
            default: return false
            }
        case .alt:
            // Consumed and ignored: an Alt key must not reach the screen's bindings from a text field.
            return true
        default:
            return false
        }
        return true
    }

    // MARK: - Display

    /// The part of the text to draw in a field `width` columns wide, and the column of the cursor within it.
    ///
    /// The cursor is always visible. While the text before the cursor fits, the field shows the start of the
    /// text; past that, the view jumps by half the field width, so there is context on both sides of the
    /// cursor and the view stays still while the cursor moves within it. The scroll position depends only on
    /// the cursor, so views can render from an immutable state without storing a scroll offset. Wide
    /// characters are never cut: one that would straddle either edge is left out.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let characters = Array(text)
        let widths = characters.map(DisplayWidth.of)
        var columnBefore = [0]  // columnBefore[i]: columns taken by characters[0..<i]
        columnBefore.reserveCapacity(characters.count + 1)
        for characterWidth in widths { columnBefore.append(columnBefore[columnBefore.count - 1] + characterWidth) }

        let cursorColumn = columnBefore[cursor]
        let cursorCellWidth = cursor < characters.count ? max(1, widths[cursor]) : 1  // at the end: one blank
        var startColumn = 0
        let overflow = cursorColumn + cursorCellWidth - width
        if overflow > 0 {
            let step = max(1, width / 2)
            let steps = (overflow + step - 1) / step
            startColumn = min(steps * step, cursorColumn)
        }
        // First character starting at or after the scroll column; a wide one straddling it is skipped.
        var first = 0
        while first < cursor && columnBefore[first] < startColumn { first += 1 }

        var shown = ""
        var used = 0
        var index = first
        while index < characters.count && used + widths[index] <= width {
            shown.append(characters[index])
            used += widths[index]
            index += 1
        }
        guard BidiLayout.containsRightToLeft(shown) else { return (shown, cursorColumn - columnBefore[first]) }
        return Self.visualCursor(in: shown, cursor: cursor - first, atEnd: cursor == characters.count)
    }

    /// Where the cursor shows in a shown part holding right-to-left text, which the view draws in visual order.
    /// The cursor sits on the cell of the character after it in typing order. At the end of a right-to-left
    /// line that place is left of the text: a trailing space holds it, which the layout puts there (UAX #9,
    /// rule L1), so views draw the returned text as they draw any other.
    private static func visualCursor(in shown: String, cursor: Int, atEnd: Bool) -> (text: String, cursorColumn: Int) {
        let text = atEnd && BidiLayout.direction(of: shown) == .rightToLeft ? shown + " " : shown
        let line = BidiLine(text)
        guard cursor < line.visualIndex.count else { return (text, DisplayWidth.of(line.text)) }
        let column = line.visual[..<line.visualIndex[cursor]].reduce(0) { $0 + DisplayWidth.of($1) }
        return (text, column)
    }

    // MARK: - Internals

    private mutating func kill(from start: Int, to end: Int) {
        guard start < end else { return }
        let lower = text.index(text.startIndex, offsetBy: start)
        let upper = text.index(lower, offsetBy: end - start)
        killed = String(text[lower..<upper])
        replace(lower..<upper, with: "", cursorAfter: false)
    }

    /// Replaces a range and places the cursor after the inserted text (or at the range start). Characters on
    /// either side of the edit can fuse into one cluster (a regional indicator meeting another, a combining mark
    /// meeting its base); counting the new text's prefix keeps the cursor on a cluster boundary in that case.
    private mutating func replace(_ range: Range<String.Index>, with replacement: String, cursorAfter: Bool) {
        var left = String(text[..<range.lowerBound])
        if cursorAfter { left += replacement }
        let right = text[range.upperBound...]
        text = cursorAfter ? left + right : left + replacement + right
        cursor = min(left.count, text.count)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private static func singleLine(_ string: String) -> String {
        var result = ""
        for character in string {
            if character.isNewline || character == "\t" {
                result.append(" ")
            } else if let first = character.unicodeScalars.first, first.properties.generalCategory == .control {
                continue
            } else {
                result.append(character)
            }
        }
        return result
    }
}
