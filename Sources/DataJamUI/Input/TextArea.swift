/// The editing state of a text of several lines (facilitator's notes, a workshop's context, a
/// list of objectives one per line), as a plain value.
///
/// Like ``LineEditor`` it counts the cursor in grapheme clusters and measures with
/// ``DisplayWidth``. Lines are wrapped at a width the caller gives (the popup's), at spaces, a
/// word longer than a line being cut; ↑↓, Home and End move on the rows as they are shown, so the
/// cursor goes where the eye expects. A wrapped row keeps the space it broke at at its end, so
/// every character of the text has a place on screen and the cursor can reach it.
public struct TextArea: Sendable, Hashable {
    /// The text's characters (grapheme clusters), line breaks as "\n". Kept as an array with
    /// their display widths, so a key in a long text does not segment and measure it all again:
    /// pasting a page arrives as a key per character.
    public private(set) var characters: [Character]
    private var widths: [Int]
    /// Characters from the start of the text to the cursor, "\n" counting as one.
    public private(set) var cursor: Int
    /// The column ↑↓ aim for, kept across short rows as editors do; nil after any other move.
    private var goalColumn: Int?

    public init(text: String = "", cursor: Int? = nil) {
        characters = Array(TextArea.clean(text))
        widths = characters.map(DisplayWidth.of)
        let count = characters.count
        self.cursor = min(max(0, cursor ?? count), count)
    }

    /// The text, its line breaks as "\n".
    public var text: String { String(characters) }

    /// One row on screen: characters `start..<end` of the text (the "\n" ending a line is not in it).
    public struct Row: Sendable, Hashable {
        public var start: Int
        public var end: Int
        /// True when the row ends a line of the text (at "\n" or at the end), false when it was wrapped.
        public var endsLine: Bool
    }

    // MARK: - Layout

    /// The rows the text takes in `width` columns. Every line gives at least one row; a row holds
    /// at most `width` columns, except for spaces it breaks at, which are drawn off its end.
    public func rows(width: Int) -> [Row] {
        let width = max(1, width)
        var rows: [Row] = []
        var lineStart = 0
        var index = 0
        while true {
            if index == characters.count || characters[index] == "\n" {
                wrapLine(from: lineStart, to: index, width: width, into: &rows)
                if index == characters.count { break }
                index += 1
                lineStart = index
                continue
            }
            index += 1
        }
        return rows
    }

    private func wrapLine(from start: Int, to end: Int, width: Int, into rows: inout [Row]) {
        var rowStart = start
        var used = 0
        var lastBreak: Int?  // index just after the last space of the row
        var index = start
        while index < end {
            let characterWidth = widths[index]
            if characters[index] == " " {
                // A space never starts the next row: it stays at this row's end, even past the width.
                index += 1
                used += characterWidth
                lastBreak = index
                continue
            }
            if used + characterWidth > width && index > rowStart {
                let cut = lastBreak ?? index
                rows.append(Row(start: rowStart, end: cut, endsLine: false))
                rowStart = cut
                lastBreak = nil
                used = columns(cut, index)
                continue
            }
            used += characterWidth
            index += 1
        }
        rows.append(Row(start: rowStart, end: end, endsLine: true))
    }

    /// Columns taken by characters `start..<end`.
    private func columns(_ start: Int, _ end: Int) -> Int {
        var total = 0
        for i in start..<end { total += widths[i] }
        return total
    }

    /// The row (index into `rows`) and column of the cursor.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let rows = self.rows(width: width)
        let row = TextArea.rowIndex(of: cursor, in: rows)
        return (row, columns(rows[row].start, cursor))
    }

    /// The direction of the line of text holding `row` (its first strong letter's), shared by all its rows.
    public func direction(of row: Row) -> TextDirection {
        let start = lineStart(min(row.start, characters.count))
        return BidiLayout.direction(of: String(characters[start..<lineEnd(start)]))
    }

    /// Where the cursor shows on screen in `width` columns, once the row is laid out as the view draws it:
    /// in visual order (``BidiLine``) and, for a right-to-left line, aligned right. The cursor sits on the
    /// cell of the character after it; at the end of a right-to-left row, left of the text.
    public func screenCursor(width: Int) -> (row: Int, column: Int) {
        let logical = cursorPosition(width: width)
        let rows = self.rows(width: width)
        let row = rows[logical.row]
        let text = string(of: row)
        let direction = direction(of: row)
        guard direction == .rightToLeft || BidiLayout.containsRightToLeft(text) else { return logical }
        let line = BidiLine(text, direction: direction)
        let rowWidth = min(DisplayWidth.of(text), width)
        let offset = direction == .rightToLeft ? width - rowWidth : 0
        let index = cursor - row.start
        let column: Int
        if index < line.visualIndex.count {
            column = offset + line.visual[..<line.visualIndex[index]].reduce(0) { $0 + DisplayWidth.of($1) }
        } else {
            column = direction == .rightToLeft ? offset - 1 : offset + DisplayWidth.of(line.text)
        }
        return (logical.row, min(max(column, 0), max(0, width - 1)))
    }

    /// The row showing position `position`: on a wrapped row's end, the cursor is at the start of
    /// the next row.
    static func rowIndex(of position: Int, in rows: [Row]) -> Int {
        // Binary search: rows are in order.
        var low = 0
        var high = rows.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rows[middle].start <= position { low = middle } else { high = middle - 1 }
        }
        // A position at a wrapped row's end is the next row's start, found above; at the end of a
        // line's last row it stays on that row.
        return max(0, low)
    }

    /// The text of `row`, to draw.
    public func string(of row: Row) -> String {
        String(characters[row.start..<min(row.end, characters.count)])
    }

    /// Whether `row` starts a line of the text (rather than continuing a wrapped one).
    public func startsLine(_ row: Row) -> Bool {
        row.start == 0 || characters[row.start - 1] == "\n"
    }

    /// The text's lines, as typed (a wrapped line is one).
    public var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: - Editing

    /// Inserts `string` at the cursor: line breaks are kept (a paste of many lines), tabs become
    /// spaces, other control characters are dropped.
    public mutating func insert(_ string: String) {
        let clean = Array(TextArea.clean(string))
        guard !clean.isEmpty else { return }
        replace(cursor..<cursor, with: clean, cursorAfter: true)
    }

    public mutating func newLine() { insert("\n") }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        replace((cursor - 1)..<cursor, with: [], cursorAfter: false)
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        replace(cursor..<(cursor + 1), with: [], cursorAfter: false)
    }

    /// Ctrl-W: back to the previous space, not across a line break unless at a line's start.
    public mutating func deleteWordBackward() {
        var start = cursor
        if start > 0 && characters[start - 1] == "\n" {
            start -= 1
        } else {
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        }
        remove(from: start, to: cursor)
    }

    /// Ctrl-U: from the start of the line to the cursor.
    public mutating func killToLineStart() { remove(from: lineStart(cursor), to: cursor) }

    /// Ctrl-K: from the cursor to the end of the line; at a line's end, joins the next line.
    public mutating func killToLineEnd() {
        let end = lineEnd(cursor)
        remove(from: cursor, to: end == cursor ? min(characters.count, end + 1) : end)
    }

    // MARK: - Moving

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }

    /// ← and →: one cell left or right on screen. In a row holding right-to-left text the stops are its
    /// characters' cells in screen order, plus the end of a line (right of a left-to-right one, left of a
    /// right-to-left one); past the row's last stop the cursor goes on to the previous or next row.
    public mutating func moveVisually(by step: Int, width: Int) {
        let rows = self.rows(width: width)
        let row = rows[TextArea.rowIndex(of: cursor, in: rows)]
        let text = string(of: row)
        let direction = direction(of: row)
        guard direction == .rightToLeft || BidiLayout.containsRightToLeft(text) else {
            if step < 0 { moveLeft() } else { moveRight() }
            return
        }
        let line = BidiLine(text, direction: direction)
        var stops = line.logicalIndex.map { row.start + $0 }
        if row.endsLine { stops.insert(row.end, at: direction == .leftToRight ? stops.count : 0) }
        guard let here = stops.firstIndex(of: cursor) else {
            if step < 0 { moveLeft() } else { moveRight() }
            return
        }
        let next = here + step
        if stops.indices.contains(next) {
            cursor = stops[next]
        } else if next < 0 {
            // Off the row's left edge: the previous row (left to right) or the next one (right to left).
            if direction == .leftToRight { moveLeft() } else { moveRight() }
        } else {
            if direction == .leftToRight { moveRight() } else { moveLeft() }
        }
    }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    public mutating func wordLeft() {
        var position = cursor
        while position > 0 && !TextArea.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0 && TextArea.isWordCharacter(characters[position - 1]) { position -= 1 }
        cursor = position
    }

    public mutating func wordRight() {
        var position = cursor
        while position < characters.count && !TextArea.isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count && TextArea.isWordCharacter(characters[position]) { position += 1 }
        cursor = position
    }

    /// Home: the start of the row on screen.
    public mutating func rowStart(width: Int) {
        let rows = self.rows(width: width)
        cursor = rows[TextArea.rowIndex(of: cursor, in: rows)].start
    }

    /// End: the end of the row on screen (before the space a wrapped row broke at).
    public mutating func rowEnd(width: Int) {
        let rows = self.rows(width: width)
        let row = rows[TextArea.rowIndex(of: cursor, in: rows)]
        cursor = row.endsLine ? row.end : max(row.start, row.end - 1)
    }

    /// ↑ and ↓ (and PgUp, PgDn by `count` rows): to the same column of the row above or below,
    /// or as near as that row allows.
    public mutating func moveRows(_ count: Int, width: Int) {
        let rows = self.rows(width: width)
        let current = TextArea.rowIndex(of: cursor, in: rows)
        let column = goalColumn ?? columns(rows[current].start, cursor)
        let target = min(max(0, current + count), rows.count - 1)
        if target == current {
            cursor = count < 0 ? 0 : characters.count
        } else {
            let row = rows[target]
            let last = row.endsLine ? row.end : max(row.start, row.end - 1)
            var position = row.start
            var used = 0
            while position < last {
                let w = widths[position]
                if used + w > column { break }
                used += w
                position += 1
            }
            cursor = position
        }
        goalColumn = column
    }

    // MARK: - Keys

    /// Applies a key that edits or moves; returns false for keys the popup decides on (Esc,
    /// Ctrl-S, function keys). `width` is the wrapping width, for moves by row.
    @discardableResult
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        var keepGoal = false
        switch key {
        case .character(let character): insert(String(character))
        case .enter: newLine()
        case .tab: insert(" ")
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveVisually(by: -1, width: width)
        case .right: moveVisually(by: 1, width: width)
        case .up: moveRows(-1, width: width); keepGoal = true
        case .down: moveRows(1, width: width); keepGoal = true
        case .pageUp: moveRows(-10, width: width); keepGoal = true
        case .pageDown: moveRows(10, width: width); keepGoal = true
        case .home: rowStart(width: width)
        case .end: rowEnd(width: width)
        case .alt("b"): wordLeft()
        case .alt("f"): wordRight()
        case .alt("<"): moveToStart()
        case .alt(">"): moveToEnd()
        case .alt: return true
        case .control(let letter):
            switch letter {
            case "a": cursor = lineStart(cursor)
            case "e": cursor = lineEnd(cursor)
            case "b": moveLeft()
            case "f": moveRight()
            case "d": deleteForward()
            case "h": backspace()
            case "w": deleteWordBackward()
            case "u": killToLineStart()
            case "k": killToLineEnd()
            case "p": moveRows(-1, width: width); keepGoal = true
            case "n": moveRows(1, width: width); keepGoal = true
            default: return false
            }
        default:
            return false
        }
        if !keepGoal { goalColumn = nil }
        return true
    }

    // MARK: - Internals

    private func lineStart(_ position: Int) -> Int {
        var start = position
        while start > 0 && characters[start - 1] != "\n" { start -= 1 }
        return start
    }

    private func lineEnd(_ position: Int) -> Int {
        var end = position
        while end < characters.count && characters[end] != "\n" { end += 1 }
        return end
    }

    private mutating func remove(from start: Int, to end: Int) {
        guard start < end else { return }
        replace(start..<end, with: [], cursorAfter: false)
    }

    /// Replaces `range` and puts the cursor after the new characters (or at the range's start).
    /// Characters either side of an edit can fuse into one cluster (an accent typed alone joins
    /// the letter before it, two regional indicators make a flag): the few characters around the
    /// edit are segmented again, as the terminal will draw them, and the cursor counted on them.
    private mutating func replace(_ range: Range<Int>, with new: [Character], cursorAfter: Bool) {
        characters.replaceSubrange(range, with: new)
        widths.replaceSubrange(range, with: new.map(DisplayWidth.of))
        let editEnd = range.lowerBound + new.count
        let low = max(0, range.lowerBound - 1)
        let high = min(characters.count, editEnd + 1)
        let window = Array(String(characters[low..<high]))
        var position = cursorAfter ? editEnd : range.lowerBound
        if window.count != high - low {
            position = low + String(characters[low..<position]).count
            characters.replaceSubrange(low..<high, with: window)
            widths.replaceSubrange(low..<high, with: window.map(DisplayWidth.of))
        }
        cursor = min(position, characters.count)
        goalColumn = nil
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Line breaks of any kind become "\n", tabs spaces; other control characters are dropped
    /// (the terminal would act on them).
    static func clean(_ string: String) -> String {
        var result = ""
        for character in string {
            if character.isNewline {
                result.append("\n")
            } else if character == "\t" {
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
