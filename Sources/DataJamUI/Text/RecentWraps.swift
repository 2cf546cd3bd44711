import Synchronization

/// The lines of the texts wrapped lately. Every frame wraps the findings in view, and the next
/// frame wraps the same ones again (scrolling shifts them by a row, typing changes one): at 10,000
/// findings and 120×40 that was a fifth of a keystroke. Bounded: emptied when full, so memory stays
/// flat whatever is scrolled through. Long texts are wrapped each time rather than kept.
enum RecentWraps {
    private struct Key: Hashable {
        var text: String
        var width: Int
    }

    private static let capacity = 1024
    private static let longestKept = 4096
    private static let entries = Mutex<[Key: [String]]>([:])

    /// `wrap(text, width)`, from memory when this text was wrapped at this width lately.
    static func lines(of text: String, width: Int, wrap: (String, Int) -> [String]) -> [String] {
        guard text.utf8.count <= longestKept else { return wrap(text, width) }
        let key = Key(text: text, width: width)
        if let known = entries.withLock({ $0[key] }) { return known }
        let lines = wrap(text, width)
        entries.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = lines
        }
        return lines
    }
}
