/// How many terminal columns text occupies.
///
/// Every layout decision in the UI (clipping, wrapping, cursor placement, scrolling) goes through this one
/// helper, so that a French accent, an Arabic letter, a CJK ideograph and an emoji are measured the same way
/// everywhere. It is pure Swift on purpose: the UI module has no terminal in it and must behave identically in
/// tests and on any platform.
///
/// The rules follow what `wcwidth`-based terminals do, code point by code point, and then treat emoji sequences
/// as one two-column picture, which is how current terminals draw them:
/// - control characters (C0, DEL, C1, line/paragraph separators) take 0 columns: they are never drawn;
/// - combining marks, zero-width joiners/spaces, variation selectors and other format characters take 0;
/// - East Asian Wide and Fullwidth characters (CJK, Hangul syllables, fullwidth forms…) and characters with
///   emoji presentation take 2;
/// - everything else (Latin, accented letters, Arabic, Hebrew, Cyrillic, symbols…) takes 1;
/// - a grapheme cluster is the sum of its code points, except emoji sequences (ZWJ sequences, flags, skin tones,
///   `U+FE0F` presentation, keycaps), which take 2.
public enum DisplayWidth {
    /// Columns taken by one user-perceived character (an extended grapheme cluster).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else {
            // The overwhelmingly common case: one code point, no sequence rules to apply.
            return of(first)
        }
        if isEmojiSequence(first: first, second: second, scalars: scalars) { return 2 }
        var total = of(first) + of(second)
        while let next = iterator.next() { total += of(next) }
        return total
    }

    /// Columns taken by a string: the sum of its grapheme clusters.
    ///
    /// Measured code point by code point when no code point of the text can join others into one
    /// emoji picture: then a cluster's width is the sum of its code points' anyway, and walking
    /// scalars skips grapheme segmentation, which cost most of a frame's wrapping at 10,000 findings.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            guard !mayJoinIntoEmoji(scalar.value) else { return ofClusters(text) }
            total += of(scalar)
        }
        return total
    }

    /// The width cluster by cluster: what `of(_:)` must always agree with.
    static func ofClusters<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The code points without which no cluster is an emoji sequence (`isEmojiSequence`): regional
    /// indicators, skin-tone modifiers, the joiner, the presentation selector, the keycap mark.
    private static func mayJoinIntoEmoji(_ value: UInt32) -> Bool {
        guard value >= 0x200D else { return false }
        return value == zeroWidthJoiner || value == emojiPresentationSelector || value == 0x20E3
            || regionalIndicators.contains(value) || (0x1F3FB...0x1F3FF).contains(value)
    }

    /// Columns taken by a single code point on its own, as a `wcwidth`-based terminal counts it.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII first: most of what a workshop types.
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        // Latin-1 and Latin Extended (French accents): one column, no property lookup needed.
        if value < 0x300 { return 1 }
        // Combining marks, Greek, Cyrillic, Hebrew, Arabic, Syriac…, and general punctuation (’ — …):
        // looked up in a table built once with the rules below.
        if value < 0x800 { return Int(commonBlocks[Int(value - 0x300)]) }
        if value >= 0x2000 && value < 0x2100 { return Int(punctuationBlock[Int(value - 0x2000)]) }
        return measured(scalar)
    }

    private static let commonBlocks: [UInt8] = (0x300..<0x800).map { UInt8(measured(Unicode.Scalar($0)!)) }
    private static let punctuationBlock: [UInt8] = (0x2000..<0x2100).map { UInt8(measured(Unicode.Scalar($0)!)) }

    /// The width of a code point past Latin, from its Unicode properties.
    static func measured(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x2028 || value == 0x2029 { return 0 }
        if isZeroWidth(scalar) { return 0 }
        // A lone regional indicator is drawn as a letter; only a pair (a flag) becomes a picture.
        if regionalIndicators.contains(value) { return 1 }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(value) { return 2 }
        return 1
    }

    // MARK: - Sequences

    private static let zeroWidthJoiner: UInt32 = 0x200D
    private static let emojiPresentationSelector: UInt32 = 0xFE0F
    private static let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

    /// Whether a multi-code-point cluster is drawn as a single emoji picture (two columns) rather than as the sum
    /// of its parts. `first` and `second` are the cluster's first two code points, already read.
    private static func isEmojiSequence(
        first: Unicode.Scalar, second: Unicode.Scalar, scalars: Character.UnicodeScalarView
    ) -> Bool {
        // Flags are pairs of regional indicators; each alone is a one-column letter.
        if regionalIndicators.contains(first.value) && regionalIndicators.contains(second.value) { return true }
        let firstIsEmoji = first.properties.isEmoji
        // Skin tones modify the emoji before them rather than adding a second picture.
        if firstIsEmoji && second.properties.isEmojiModifier { return true }
        for scalar in scalars {
            switch scalar.value {
            case emojiPresentationSelector:
                // U+FE0F asks for the colourful picture: "❤️", "☺️", keycaps such as "1️⃣".
                if firstIsEmoji { return true }
            case zeroWidthJoiner:
                // "👩‍💻": the joiner glues pictures into one. Digits and "#" are also `isEmoji`, so require a
                // non-ASCII base so that text like "a\u{200D}b" keeps its ordinary width.
                if firstIsEmoji && first.value > 0x7F { return true }
            default:
                continue
            }
        }
        return false
    }

    // MARK: - Single code points

    /// Code points that attach to their neighbour or only steer rendering: nothing of their own is drawn.
    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Hangul medial vowels and final consonants combine with the leading consonant into one syllable.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return true
        case .format:
            // The soft hyphen and the Arabic "prepended concatenation marks" (such as the number sign U+0600)
            // are visible, and terminals give them a column.
            return !(value == 0x00AD || prependedConcatenationMarks.contains(value))
        case .control, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    private static let prependedConcatenationMarks: Set<UInt32> = [
        0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD,
    ]

    /// East Asian Wide and Fullwidth ranges that are not emoji (emoji are found through their Unicode property).
    /// Condensed from Unicode's EastAsianWidth.txt; sorted, so it can be binary-searched.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo leading consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x2E99, 0x2E9B...0x2EF3,  // CJK radicals supplement
        0x2F00...0x2FD5,    // Kangxi radicals
        0x2FF0...0x2FFF,    // ideographic description characters
        0x3000...0x303E,    // ideographic space, CJK symbols and punctuation
        0x3041...0x3096, 0x3099...0x30FF,  // Hiragana, Katakana
        0x3105...0x312F,    // Bopomofo
        0x3131...0x318E,    // Hangul compatibility Jamo
        0x3190...0x31E5,    // Kanbun, Bopomofo extended, CJK strokes
        0x31EF...0x321E,    // Katakana extension, parenthesized Hangul
        0x3220...0xA48C,    // enclosed CJK, CJK compatibility, CJK ideographs and extension A, Yijing, Yi
        0xA490...0xA4C6,    // Yi radicals
        0xA960...0xA97C,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B,  // CJK compatibility and small forms
        0xFF01...0xFF60,    // fullwidth ASCII and punctuation
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1,  // ideographic symbols
        0x17000...0x18CD5,  // Tangut, Khitan
        0x18D00...0x18D08,  // Tangut supplement
        0x1AFF0...0x1B2FB,  // Kana extended and supplements, Nushu
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,  // enclosed ideographic supplement
        0x1F250...0x1F251, 0x1F260...0x1F265,
        0x20000...0x2FFFD,  // CJK ideographs extensions B–F
        0x30000...0x3FFFD,  // CJK ideographs extensions G–H
    ]

    private static func isEastAsianWide(_ value: UInt32) -> Bool {
        if value < wideRanges[0].lowerBound { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension Character {
    /// Terminal columns this character occupies; see ``DisplayWidth``.
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
    /// Terminal columns this text occupies; see ``DisplayWidth``.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
