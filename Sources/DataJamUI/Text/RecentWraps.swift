/// The lines of the texts wrapped lately. Every frame wraps the findings in view, and the next
/// frame wraps the same ones again (scrolling shifts them by a row, typing changes one): at 10,000
/// findings and 120×40 that was a fifth of a keystroke. Long texts are wrapped each time rather
/// than kept.
enum RecentWraps {
    private struct Key: Hashable, Sendable {
        var text: String
        var width: Int
    }

    private static let longestKept = 4096
    private static let memo = BoundedMemo<Key, [String]>(capacity: 1024)

    /// `wrap(text, width)`, from memory when this text was wrapped at this width lately.
    static func lines(of text: String, width: Int, wrap: (String, Int) -> [String]) -> [String] {
        guard text.utf8.count <= longestKept else { return wrap(text, width) }
        return memo.value(for: Key(text: text, width: width)) { wrap(text, width) }
    }
}
