/// The visual order of the right-to-left lines drawn lately. A frame redraws the same few dozen
/// lines as the one before (scrolling moves them by one row, typing changes one), and laying out
/// a line through FriBidi costs far more than drawing it: at 10,000 findings with a quarter in
/// Arabic it was a quarter of a keystroke.
enum VisualOrderCache {
    private struct Entry: Hashable, Sendable {
        var text: String
        var direction: TextDirection?
    }

    private static let memo = BoundedMemo<Entry, [Character]>(capacity: 512)

    /// `text` in visual order, as `BidiLine(text, direction:)` lays it out.
    static func visual(_ text: String, direction: TextDirection?) -> [Character] {
        memo.value(for: Entry(text: text, direction: direction)) { BidiLine(text, direction: direction).visual }
    }
}
