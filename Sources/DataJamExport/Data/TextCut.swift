/// Shortens texts to a length counted in Unicode scalars (what Python's `len` counts, so what a
/// CKAN validator checks), never splitting a character.
enum TextCut {
    static let ellipsis = "…"

    static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// `text` itself when it fits in `limit` scalars; otherwise its start, cut after the last
    /// whole word that fits, followed by "…" (the whole result fits in `limit`). A first word
    /// longer than the limit is cut inside.
    static func cut(_ text: String, to limit: Int) -> String {
        guard length(text) > limit else { return text }
        let budget = limit - length(ellipsis)
        guard budget > 0 else { return ellipsis }
        var end = text.startIndex
        var used = 0
        var lastSpace: String.Index?
        while end < text.endIndex {
            let character = text[end]
            let width = character.unicodeScalars.count
            if used + width > budget { break }
            if character.isWhitespace { lastSpace = end }
            used += width
            end = text.index(after: end)
        }
        // Cut at the last word boundary, unless that throws away more than half of the room
        // (one very long word): then cut inside the word.
        if end < text.endIndex, !text[end].isWhitespace, let lastSpace,
           text.distance(from: text.startIndex, to: lastSpace) * 2 >= text.distance(from: text.startIndex, to: end) {
            end = lastSpace
        }
        var head = String(text[..<end])
        while let last = head.last, last.isWhitespace || ",;:-–—(".contains(last) { head.removeLast() }
        return head + ellipsis
    }

    /// Whitespace runs (newlines included) as single spaces, trimmed: a title on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
