/// Fitting text into a number of terminal columns.
///
/// Widths are display widths (see ``DisplayWidth``), never character or byte counts: "é", "ب" and "中" take
/// one, one and two columns, and a line of Arabic or of combining accents must not be cut short or overflow.
public enum TextWrap {
    /// Breaks `text` into lines no wider than `width` columns.
    ///
    /// - Line breaks in the text ("\n", "\r\n", …) are kept; an empty paragraph gives an empty line, so blank
    ///   lines between paragraphs survive.
    /// - Lines break at spaces, which are dropped at the break; tabs count as spaces. Spaces inside a line and a
    ///   paragraph's leading indentation are kept, because participants sometimes align things by hand.
    /// - A word longer than `width` starts on a new line and is hard-broken across as many lines as it needs
    ///   (URLs and dataset identifiers are often longer than a narrow panel).
    /// - A single character wider than `width` (a two-column ideograph in a one-column box) still gets a line of
    ///   its own rather than being lost; the screen buffer clips it.
    ///
    /// Returns no lines when `width` is not positive: nothing can be shown.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in paragraphs(of: text) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    /// Shortens `text` to at most `width` columns, ending with `ellipsis` when something was cut, so a reader
    /// knows there is more.
    ///
    /// When even the ellipsis does not fit, as much of the ellipsis as fits is returned; a width of zero or less
    /// gives "". Wide characters are never split: one that would straddle the limit is left out.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        if ellipsisWidth >= width { return prefix(of: ellipsis, width: width) }
        return prefix(of: text, width: width - ellipsisWidth) + ellipsis
    }

    /// The longest leading part of `text` that fits in `width` columns, without splitting a character.
    public static func prefix(of text: String, width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let characterWidth = DisplayWidth.of(text[index])
            if used + characterWidth > width { break }
            used += characterWidth
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// `text` truncated to `width` columns and padded with spaces to exactly `width`: table cells and status
    /// bars need a fixed width to line up.
    public static func fit(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let shortened = truncate(text, width: width, ellipsis: ellipsis)
        let missing = width - DisplayWidth.of(shortened)
        return missing > 0 ? shortened + String(repeating: " ", count: missing) : shortened
    }

    // MARK: - Internals

    /// Splits on every kind of line break, including "\r\n", which Swift treats as a single `Character`.
    private static func paragraphs(of text: String) -> [Substring] {
        // Most texts are one line: skip the per-character Unicode lookups when no byte of the text
        // can start a line break (LF, VT, FF, CR, or the lead bytes of U+0085 / U+2028 / U+2029).
        if !text.utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) { return [text[...]] }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    private static func isBreakingSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 0x20 || ascii == 0x09 }
        return character.isWhitespace && !character.isNewline && character != "\u{00A0}"
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var lineHasWord = false  // false only before the paragraph's first word: the line holds no text yet
        var pendingSpaces = 0    // spaces since the last word, written only if another word joins this line
        var index = paragraph.startIndex

        while index < paragraph.endIndex {
            if isBreakingSpace(paragraph[index]) {
                pendingSpaces += 1
                index = paragraph.index(after: index)
                continue
            }
            var wordEnd = index
            while wordEnd < paragraph.endIndex && !isBreakingSpace(paragraph[wordEnd]) {
                wordEnd = paragraph.index(after: wordEnd)
            }
            let word = paragraph[index..<wordEnd]
            let wordWidth = DisplayWidth.of(word)
            index = wordEnd

            if !lineHasWord {
                // The paragraph's indentation, kept only if the first word still fits after it.
                let indent = min(pendingSpaces, width - 1)
                if indent + wordWidth <= width {
                    line = String(repeating: " ", count: indent)
                    lineWidth = indent
                }
            } else if lineWidth + pendingSpaces + wordWidth <= width {
                line += String(repeating: " ", count: pendingSpaces)
                line += word
                lineWidth += pendingSpaces + wordWidth
                pendingSpaces = 0
                continue
            } else {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            pendingSpaces = 0
            lineHasWord = true

            if lineWidth + wordWidth <= width {
                line += word
                lineWidth += wordWidth
                continue
            }
            // Longer than a whole line: hard-break it.
            for character in word {
                let characterWidth = DisplayWidth.of(character)
                if lineWidth + characterWidth > width && lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        // Trailing spaces are dropped; a blank paragraph still gives its empty line.
        lines.append(lineHasWord ? line : "")
    }
}
