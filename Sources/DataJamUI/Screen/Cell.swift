/// One column of the screen.
///
/// A cell holds a whole grapheme cluster ("é" written as e + U+0301, "👩‍💻", "🇫🇷") so that nothing is ever cut
/// in the middle. A character two columns wide lives in its first cell; the cell to its right is a
/// *continuation* cell (width 0, empty grapheme) that backends skip, because the terminal fills it itself.
public struct Cell: Sendable, Hashable {
    /// The text drawn in this column; "" for a continuation cell.
    public var grapheme: String
    /// Columns the grapheme takes: 1, or 2 for wide characters (a few Indic conjuncts take more), or 0 for a
    /// continuation cell.
    public var width: Int
    public var style: Style

    public init(grapheme: String, width: Int, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the given style: what an empty screen is made of.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of a two-column character, carrying that character's style.
    public static func continuation(_ style: Style = .plain) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
