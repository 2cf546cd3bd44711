import Synchronization

/// The visual order of the right-to-left lines drawn lately. A frame redraws the same few dozen
/// lines as the one before (scrolling moves them by one row, typing changes one), and laying out
/// a line through FriBidi costs far more than drawing it: at 10,000 findings with a quarter in
/// Arabic it was a quarter of a keystroke. Bounded: emptied when full, so memory stays flat
/// whatever is scrolled through.
enum VisualOrderCache {
    private struct Entry: Hashable {
        var text: String
        var direction: TextDirection?
    }

    private static let capacity = 512
    private static let entries = Mutex<[Entry: [Character]]>([:])

    /// `text` in visual order, as `BidiLine(text, direction:)` lays it out.
    static func visual(_ text: String, direction: TextDirection?) -> [Character] {
        let entry = Entry(text: text, direction: direction)
        if let known = entries.withLock({ $0[entry] }) { return known }
        let visual = BidiLine(text, direction: direction).visual
        entries.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[entry] = visual
        }
        return visual
    }
}
