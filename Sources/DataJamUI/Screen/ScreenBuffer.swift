/// A width × height grid of cells that views draw into and backends display.
///
/// Views never talk to the terminal: they render into a buffer, which tests read back as plain text (`lines`)
/// and the terminal backend turns into screen updates. Every operation clips to the grid and works at any
/// size, including 0 × 0 and 1 × 1, because terminals get resized to absurd sizes in the middle of a session.
///
/// Invariant: a character of width *w* occupies its cell plus *w − 1* continuation cells to its right, and
/// never crosses the right edge. Overwriting any part of a wide character blanks the rest of it, so a half
/// ideograph or half emoji can never reach the terminal.
public struct ScreenBuffer: Sendable, Equatable, CustomStringConvertible {
    public let width: Int
    public let height: Int
    private var cells: [Cell]
    /// Whether right-to-left text is laid out here (true, for terminals that draw cells as they come) or sent
    /// in logical order for a terminal that lays it out itself (`--bidi terminal`). See ``BidiLine``.
    public var laysOutRightToLeft = true

    /// A buffer filled with spaces in `style`. Negative sizes count as zero.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// The whole buffer as a rectangle, the starting point of a layout.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position, or nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard contains(x: x, y: y) else { return nil }
        return cells[y * width + x]
    }

    /// The cells of row `y` (empty outside the buffer), for backends that compare frames row by row.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0 && y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    // MARK: - Drawing

    /// Writes `text` on row `y` starting at column `x`, and returns the number of columns written.
    ///
    /// Drawing stops at the right edge of the buffer or after `maxWidth` columns, whichever comes first. A wide
    /// character that does not fit entirely is replaced by spaces in the columns that remain, so that the
    /// terminal never receives half of it. Parts left of column 0 are skipped the same way. Characters of
    /// width 0 (control characters, a stray combining mark with nothing to attach to) are not drawn: the text
    /// is a single line and a raw control character would be executed by the terminal, not shown. The direction
    /// overrides and isolates (U+202A–202E, U+2066–2069) are among them, so a terminal that applies them can
    /// never show a finding reversed: every view draws through here.
    ///
    /// Right-to-left text is drawn in visual order (``BidiLine``): the part that fits is chosen in logical
    /// order, so a long Arabic finding keeps its beginning, then laid out. `direction` is the paragraph's when
    /// `text` is one wrapped line of it; nil lets the text's first strong character decide.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil,
                             direction: TextDirection? = nil) -> Int {
        guard y >= 0 && y < height && x < width else { return 0 }
        var rightEdge = width
        if let maxWidth {
            guard maxWidth > 0 else { return 0 }
            // Overflow-safe: a huge limit simply means "up to the buffer edge".
            let (limit, overflow) = x.addingReportingOverflow(maxWidth)
            if !overflow && limit < width { rightEdge = limit }
        }
        if laysOutRightToLeft && BidiLayout.containsRightToLeft(text) {
            let (fitting, isCut) = Self.logicalPrefix(of: text, columns: rightEdge - x)
            let drawn = drawCharacters(VisualOrderCache.visual(fitting, direction: direction), x: x, rightEdge: rightEdge, y: y,
                                       style: style)
            if isCut && x + drawn < rightEdge {
                // What did not fit would have been cut at the edge: blank the rest as a cut wide character is.
                let start = max(x + drawn, 0)
                writeBlanks(from: start, to: rightEdge, y: y, style: style)
                return drawn + (rightEdge - start)
            }
            return drawn
        }
        return drawCharacters(text, x: x, rightEdge: rightEdge, y: y, style: style)
    }

    /// Draws one line of a paragraph in a column `width` wide: a right-to-left paragraph's lines are aligned
    /// on the right of the column, as an Arabic reader expects, and a left-to-right one's on the left. Returns
    /// the columns written.
    @discardableResult
    public mutating func putLine(_ line: String, of direction: TextDirection, x: Int, y: Int, width columns: Int,
                                 style: Style = .plain) -> Int {
        guard columns > 0 else { return 0 }
        guard laysOutRightToLeft && direction == .rightToLeft else {
            return put(line, x: x, y: y, style: style, maxWidth: columns)
        }
        let lineWidth = min(DisplayWidth.of(line), columns)
        return put(line, x: x + columns - lineWidth, y: y, style: style, maxWidth: lineWidth, direction: direction)
    }

    /// The longest start of `text` that fits in `columns`, and whether anything was left out.
    private static func logicalPrefix(of text: String, columns: Int) -> (String, Bool) {
        // Most lines fit: one quick measure instead of a walk by grapheme clusters.
        if DisplayWidth.of(text) <= columns { return (text, false) }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let characterWidth = DisplayWidth.of(text[index])
            if used + characterWidth > columns { return (String(text[..<end]), true) }
            used += characterWidth
            end = text.index(after: index)
        }
        return (text, false)
    }

    /// Draws characters left to right from column `x`, clipped to `0..<rightEdge`; returns the columns written.
    private mutating func drawCharacters<Characters: Sequence<Character>>(_ text: Characters, x: Int, rightEdge: Int,
                                                                         y: Int, style: Style) -> Int {
        var column = x
        var written = 0
        for character in text {
            guard column < rightEdge else { break }
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            let end = column + characterWidth
            if end > rightEdge {
                // Cut by the edge: blank what remains rather than show part of a character.
                let start = max(column, 0)
                if start < rightEdge {
                    writeBlanks(from: start, to: rightEdge, y: y, style: style)
                    written += rightEdge - start
                }
                break
            }
            if column < 0 {
                if end > 0 {
                    writeBlanks(from: 0, to: end, y: y, style: style)
                    written += end
                }
            } else {
                write(String(character), width: characterWidth, x: column, y: y, style: style)
                written += characterWidth
            }
            column = end
        }
        return written
    }

    /// Fills `rect` (clipped to the buffer) with `character` in `style`: backgrounds, selection bars, clearing a
    /// panel before redrawing it. `character` must be one column wide; anything else fills with spaces.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let grapheme = DisplayWidth.of(character) == 1 ? String(character) : " "
        for y in area.y..<area.maxY {
            breakWideCharacters(overlapping: area.x, to: area.maxX, y: y)
            for x in area.x..<area.maxX {
                cells[y * width + x] = Cell(grapheme: grapheme, width: 1, style: style)
            }
        }
    }

    /// Changes the style of the cells in `rect` and keeps their text: highlighting a row that is already drawn.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].style = style
            }
        }
    }

    /// Blanks the whole buffer.
    public mutating func clear(style: Style = .plain) {
        for index in cells.indices { cells[index] = .blank(style) }
    }

    // MARK: - Reading back

    /// The rows as plain text, trailing spaces trimmed: what a person would read on the screen, and what
    /// snapshot tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for cell in row(y) where !cell.isContinuation { line += cell.grapheme }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// A run of adjacent cells sharing one style, for tests that check colours and attributes.
    public struct StyledRun: Sendable, Hashable {
        public var column: Int
        public var text: String
        public var style: Style

        public init(column: Int, text: String, style: Style) {
            self.column = column
            self.text = text
            self.style = style
        }
    }

    /// Each row as runs of same-style text, covering the full width (trailing spaces included, since a styled
    /// background is visible).
    public var styledRows: [[StyledRun]] {
        (0..<height).map { y in
            var runs: [StyledRun] = []
            for (offset, cell) in row(y).enumerated() where !cell.isContinuation {
                if let last = runs.last, last.style == cell.style {
                    runs[runs.count - 1].text += cell.grapheme
                } else {
                    runs.append(StyledRun(column: offset, text: cell.grapheme, style: cell.style))
                }
            }
            return runs
        }
    }

    /// The plain-text rows joined by newlines, for failure messages.
    public var description: String { lines.joined(separator: "\n") }

    // MARK: - Internals

    private func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// Writes a character and its continuation cells; the caller guarantees it fits.
    private mutating func write(_ grapheme: String, width characterWidth: Int, x: Int, y: Int, style: Style) {
        breakWideCharacters(overlapping: x, to: x + characterWidth, y: y)
        let start = y * width + x
        cells[start] = Cell(grapheme: grapheme, width: characterWidth, style: style)
        for offset in 1..<max(1, characterWidth) {
            cells[start + offset] = .continuation(style)
        }
    }

    private mutating func writeBlanks(from start: Int, to end: Int, y: Int, style: Style) {
        breakWideCharacters(overlapping: start, to: end, y: y)
        for x in start..<end { cells[y * width + x] = .blank(style) }
    }

    /// Before columns `start..<end` of row `y` are overwritten, turns the parts of wide characters that stick
    /// out of that range into spaces, so no orphaned half remains on either side.
    private mutating func breakWideCharacters(overlapping start: Int, to end: Int, y: Int) {
        let rowStart = y * width
        if start > 0 && start < width && cells[rowStart + start].isContinuation {
            // The range begins inside a wide character: blank its lead and any continuation before `start`.
            var x = start - 1
            while x > 0 && cells[rowStart + x].isContinuation { x -= 1 }
            let style = cells[rowStart + x].style
            for column in x..<start { cells[rowStart + column] = .blank(style) }
        }
        if end < width && cells[rowStart + end].isContinuation {
            // The range ends inside a wide character: blank its continuation cells after `end`.
            let style = cells[rowStart + end].style
            var x = end
            while x < width && cells[rowStart + x].isContinuation {
                cells[rowStart + x] = .blank(style)
                x += 1
            }
        }
    }
}
