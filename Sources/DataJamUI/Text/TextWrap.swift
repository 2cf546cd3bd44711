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
        return RecentWraps.lines(of: text, width: width) { text, width in
            var lines: [String] = []
            for paragraph in paragraphs(of: text) {
                wrapParagraph(paragraph, width: width, into: &lines)
            }
            return lines
        }
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
        guard mayBreakLines(text) else { return [text[...]] }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// Whether `text` holds a line break: LF, VT, FF, CR, U+0085 (C2 85), U+2028 or U+2029
    /// (E2 80 A8/A9). Byte by byte, because French and Arabic texts are full of other E2 80 …
    /// characters (’ — …) that must not send every finding down the slow path.
    static func mayBreakLines(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let byte = utf8.next() {
            switch byte {
            case 0x0A...0x0D: return true
            case 0x85 where previous.1 == 0xC2: return true
            case 0xA8, 0xA9: if previous == (0xE2, 0x80) { return true }
            default: break
            }
            previous = (previous.1, byte)
        }
        return false
    }

    private static func isBreakingSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 0x20 || ascii == 0x09 }
        return character.isWhitespace && !character.isNewline && character != "\u{00A0}"
    }

    /// A word and the breaking spaces before it.
    private struct Token {
        var spacesBefore: Int
        var word: Substring
    }

    /// The paragraph's words with the spaces before each (trailing spaces are dropped).
    ///
    /// Fast path: when the only breaking spaces are ASCII space and tab, words are found by
    /// scanning UTF-8 bytes (ASCII bytes are always character boundaries) instead of walking
    /// grapheme clusters, which dominated the cost of drawing a screen of findings.
    private static func tokens(of paragraph: Substring) -> [Token] {
        var tokens: [Token] = []
        if !mayHaveUnicodeSpace(paragraph.utf8) {
            let utf8 = paragraph.utf8
            var spaces = 0
            var wordStart: Substring.Index?
            var i = utf8.startIndex
            while i < utf8.endIndex {
                let byte = utf8[i]
                if byte == 0x20 || byte == 0x09 {
                    if let start = wordStart {
                        tokens.append(Token(spacesBefore: spaces, word: paragraph[start..<i]))
                        wordStart = nil
                        spaces = 0
                    }
                    spaces += 1
                } else if wordStart == nil {
                    wordStart = i
                }
                i = utf8.index(after: i)
            }
            if let start = wordStart { tokens.append(Token(spacesBefore: spaces, word: paragraph[start...])) }
            return tokens
        }
        var pendingSpaces = 0
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
            tokens.append(Token(spacesBefore: pendingSpaces, word: paragraph[index..<wordEnd]))
            pendingSpaces = 0
            index = wordEnd
        }
        return tokens
    }

    /// Whether the bytes may hold a breaking space other than ASCII space and tab (U+0085,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or a combining mark right
    /// after an ASCII space (which would make the space part of another character).
    private static func mayHaveUnicodeSpace(_ utf8: Substring.UTF8View) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in utf8 {
            switch (beforePrevious, previous, byte) {
            case (_, 0xC2, 0x85), (0xE1, 0x9A, 0x80), (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8...0xA9),
                 (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
                return true
            case (_, 0x20, 0xCC...0xCD), (_, 0x09, 0xCC...0xCD):
                return true  // U+0300–U+036F combining marks after a space
            default:
                break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A word's display width, counting bytes for ASCII words.
    private static func width(of word: Substring) -> Int {
        word.utf8.allSatisfy { $0 < 0x80 } ? word.utf8.count : DisplayWidth.of(word)
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var lineHasWord = false  // false only before the paragraph's first word: the line holds no text yet

        for token in tokens(of: paragraph) {
            let pendingSpaces = token.spacesBefore
            let word = token.word
            let wordWidth = Self.width(of: word)

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
                continue
            } else {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
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
