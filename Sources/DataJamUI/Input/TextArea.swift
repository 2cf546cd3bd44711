/// The editing state of a text of several lines (facilitator's notes, a workshop's context, a
/// list of objectives one per line), as a plain value.
///
/// Like ``LineEditor`` it counts the cursor in grapheme clusters and measures with
/// ``DisplayWidth``. Lines are wrapped at a width the caller gives (the popup's), at spaces, a
/// word longer than a line being cut; ↑↓, Home and End move on the rows as they are shown, so the
/// cursor goes where the eye expects. A wrapped row keeps the space it broke at at its end, so
/// every character of the text has a place on screen and the cursor can reach it.
public struct TextArea: Sendable, Hashable {
    /// The text, its line breaks as "\n".
    public private(set) var text: String
    /// Characters from the start of `text` to the cursor, "\n" counting as one.
    public private(set) var cursor: Int
    /// The column ↑↓ aim for, kept across short rows as editors do; nil after any other move.
    private var goalColumn: Int?

    public init(text: String = "", cursor: Int? = nil) {
        self.text = TextArea.clean(text)
        let count = self.text.count
        self.cursor = min(max(0, cursor ?? count), count)
    }

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
        TextArea.rows(Array(text), width: max(1, width))
    }

    static func rows(_ characters: [Character], width: Int) -> [Row] {
        var rows: [Row] = []
        var lineStart = 0
        var index = 0
        while true {
            if index == characters.count || characters[index] == "\n" {
                wrapLine(characters, from: lineStart, to: index, width: width, into: &rows)
                if index == characters.count { break }
                index += 1
                lineStart = index
                continue
            }
            index += 1
        }
        return rows
    }

    private static func wrapLine(_ characters: [Character], from start: Int, to end: Int, width: Int, into rows: inout [Row]) {
        var rowStart = start
        var used = 0
        var lastBreak: Int?  // index just after the last space of the row
        var index = start
        while index < end {
            let character = characters[index]
            let characterWidth = DisplayWidth.of(character)
            if character == " " {
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
                used = DisplayWidth.of(String(characters[cut..<index]))
                continue
            }
            used += characterWidth
            index += 1
        }
        rows.append(Row(start: rowStart, end: end, endsLine: true))
    }

    /// The row (index into `rows`) and column of the cursor.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let characters = Array(text)
        let rows = TextArea.rows(characters, width: max(1, width))
        let row = TextArea.rowIndex(of: cursor, in: rows)
        return (row, DisplayWidth.of(String(characters[rows[row].start..<cursor])))
    }

    /// The row showing position `position`: on a wrapped row's end, the cursor is at the start of
    /// the next row.
    static func rowIndex(of position: Int, in rows: [Row]) -> Int {
        for (i, row) in rows.enumerated() where position >= row.start {
            if position < row.end || (position == row.end && row.endsLine) { return i }
        }
        return max(0, rows.count - 1)
    }

    /// The text of `row`, to draw.
    public func string(of row: Row) -> String {
        let characters = Array(text)
        return String(characters[row.start..<min(row.end, characters.count)])
    }

    /// The text's lines, as typed (a wrapped line is one).
    public var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: - Editing

    /// Inserts `string` at the cursor: line breaks are kept (a paste of many lines), tabs become
    /// spaces, other control characters are dropped.
    public mutating func insert(_ string: String) {
        let clean = TextArea.clean(string)
        guard !clean.isEmpty else { return }
        let split = text.index(text.startIndex, offsetBy: cursor)
        replace(split..<split, with: clean, cursorAfter: true)
    }

    public mutating func newLine() { insert("\n") }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        let end = text.index(text.startIndex, offsetBy: cursor)
        replace(text.index(before: end)..<end, with: "", cursorAfter: false)
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        let start = text.index(text.startIndex, offsetBy: cursor)
        replace(start..<text.index(after: start), with: "", cursorAfter: false)
    }

    /// Ctrl-W: back to the previous space, not across a line break unless at a line's start.
    public mutating func deleteWordBackward() {
        let characters = Array(text)
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
        remove(from: cursor, to: end == cursor ? min(text.count, end + 1) : end)
    }

    // MARK: - Moving

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }

    public mutating func wordLeft() {
        let characters = Array(text)
        var position = cursor
        while position > 0 && !TextArea.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0 && TextArea.isWordCharacter(characters[position - 1]) { position -= 1 }
        cursor = position
    }

    public mutating func wordRight() {
        let characters = Array(text)
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
        let characters = Array(text)
        let rows = TextArea.rows(characters, width: max(1, width))
        let current = TextArea.rowIndex(of: cursor, in: rows)
        let column = goalColumn ?? DisplayWidth.of(String(characters[rows[current].start..<cursor]))
        let target = min(max(0, current + count), rows.count - 1)
        if target == current {
            cursor = count < 0 ? 0 : characters.count
        } else {
            let row = rows[target]
            let last = row.endsLine ? row.end : max(row.start, row.end - 1)
            var position = row.start
            var used = 0
            while position < last {
                let w = DisplayWidth.of(characters[position])
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
        case .left: moveLeft()
        case .right: moveRight()
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
        let characters = Array(text)
        var start = position
        while start > 0 && characters[start - 1] != "\n" { start -= 1 }
        return start
    }

    private func lineEnd(_ position: Int) -> Int {
        let characters = Array(text)
        var end = position
        while end < characters.count && characters[end] != "\n" { end += 1 }
        return end
    }

    private mutating func remove(from start: Int, to end: Int) {
        guard start < end else { return }
        let lower = text.index(text.startIndex, offsetBy: start)
        let upper = text.index(lower, offsetBy: end - start)
        replace(lower..<upper, with: "", cursorAfter: false)
    }

    /// See ``LineEditor``: characters either side of an edit can fuse into one cluster, so the
    /// cursor is counted on the new text.
    private mutating func replace(_ range: Range<String.Index>, with replacement: String, cursorAfter: Bool) {
        var left = String(text[..<range.lowerBound])
        if cursorAfter { left += replacement }
        let right = text[range.upperBound...]
        text = cursorAfter ? left + right : left + replacement + right
        cursor = min(left.count, text.count)
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
