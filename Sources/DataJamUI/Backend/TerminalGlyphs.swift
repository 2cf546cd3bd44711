/// Turns a cell's grapheme into what a `wcwidth`-based terminal library can draw, in exactly the cell's width.
///
/// Curses-style libraries (ncurses' `cchar_t`) store one *spacing* code point per column plus a few zero-width
/// ones, and measure each code point with the C library's `wcwidth`. A grapheme cluster can break both rules:
/// "👩‍💻" is three code points of which two are spacing, "🇫🇷" is two one-column letters, "❤️" is a one-column
/// heart that ``DisplayWidth`` counts as a two-column emoji. If the library's idea of a cell's width differs
/// from the buffer's, every later column on the row is off and the screen is garbled. This planner, pure so
/// it can be tested with any width function, always returns glyphs whose widths add up to the cell width,
/// degrading gracefully:
/// 1. the cluster as it is, split into spacing code points with their marks, when the widths agree
///    ("é" as e + U+0301, "🇫🇷" as two letters that a modern terminal joins into a flag, "कि");
/// 2. otherwise its first part, padded with spaces ("👩‍💻" → "👩", "👍🏽" → "👍", "❤️" → "❤ " with the emoji
///    selector dropped so the terminal draws the one-column text form);
/// 3. otherwise a replacement character, padded (code points the C library cannot print).
public enum TerminalGlyphs {
    /// One drawable unit: a spacing code point followed by zero-width code points that attach to it.
    public struct Glyph: Sendable, Hashable {
        public var scalars: [Unicode.Scalar]
        /// Columns the glyph takes, by the terminal's measure.
        public var width: Int

        public init(scalars: [Unicode.Scalar], width: Int) {
            self.scalars = scalars
            self.width = width
        }

        /// A one-column space, used as padding.
        public static let space = Glyph(scalars: [" "], width: 1)

        /// The glyph as a string, for tests and logging.
        public var string: String {
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars)
            return result
        }
    }

    /// The glyphs to draw, left to right, for `grapheme` in a cell `cellWidth` columns wide.
    ///
    /// - Parameters:
    ///   - maxScalarsPerGlyph: how many code points one column can hold (ncurses' `CCHARW_MAX`, usually 5);
    ///     extra combining marks are dropped rather than spilling into the next column.
    ///   - columnWidth: the terminal's width of a code point (`wcwidth`): negative for unprintable ones.
    /// - Returns: glyphs whose widths add up to `cellWidth` (no glyphs when `cellWidth` is not positive).
    public static func glyphs(
        for grapheme: String,
        cellWidth: Int,
        maxScalarsPerGlyph: Int,
        columnWidth: (Unicode.Scalar) -> Int
    ) -> [Glyph] {
        guard cellWidth > 0 else { return [] }
        let capacity = max(1, maxScalarsPerGlyph)
        var segments: [Glyph] = []
        var printable = true
        for scalar in grapheme.unicodeScalars {
            let width = columnWidth(scalar)
            if width < 0 {
                printable = false
            } else if width == 0 {
                // A mark with nothing before it cannot be drawn alone; a full column drops extra marks.
                if !segments.isEmpty && segments[segments.count - 1].scalars.count < capacity {
                    segments[segments.count - 1].scalars.append(scalar)
                }
            } else {
                segments.append(Glyph(scalars: [scalar], width: width))
            }
        }
        if printable && !segments.isEmpty && segments.reduce(0, { $0 + $1.width }) == cellWidth {
            return segments
        }
        if var first = segments.first, first.width <= cellWidth {
            // A joiner left dangling would glue this picture to whatever the next cell holds.
            first.scalars.removeAll { $0.value == 0x200D }
            if first.width == cellWidth { return [first] }
            // Narrower than the cell: ask for the text form, since an emoji selector could make the terminal
            // draw a two-column picture over the padding.
            first.scalars.removeAll { $0.value == 0xFE0F }
            return [first] + Array(repeating: .space, count: cellWidth - first.width)
        }
        let replacement: Unicode.Scalar = columnWidth("\u{FFFD}") == 1 ? "\u{FFFD}" : "?"
        return [Glyph(scalars: [replacement], width: 1)] + Array(repeating: .space, count: cellWidth - 1)
    }
}
