import CFriBidi

/// The direction a paragraph reads in.
public enum TextDirection: Sendable, Equatable {
    case leftToRight
    case rightToLeft
}

/// Right-to-left text laid out for terminals that draw cells left to right as they come.
///
/// Findings, names and organisations are stored and edited in logical (typing) order. Most terminals (xterm,
/// tmux, Windows Terminal) do no bidirectional layout, so an Arabic finding sent in that order reads backwards,
/// words and letters. Every line is therefore laid out here with GNU FriBidi: the Unicode Bidirectional
/// Algorithm (UAX #9) for the order, mirrored brackets, and Arabic joining into presentation forms, since the
/// terminal joins no letters either. Text with no right-to-left character is left as it is, without a call
/// into FriBidi, so French and English lines cost nothing.
///
/// The unit of layout is the grapheme cluster (Swift `Character`): a letter and its marks, a flag, a family
/// emoji move as one, and are never split or reversed inside, whatever the run around them.
public struct BidiLine: Sendable, Equatable {
    /// The paragraph's direction: given, or that of its first strong character (left to right when none).
    public let direction: TextDirection
    /// The characters in visual order (left to right on the screen), Arabic letters in their joined forms.
    public let visual: [Character]
    /// `logicalIndex[v]`: which character of the logical text is drawn at visual position `v`.
    public let logicalIndex: [Int]
    /// `visualIndex[l]`: where the logical character `l` is drawn.
    public let visualIndex: [Int]

    /// The visual text as one string.
    public var text: String { String(visual) }

    /// Lays out one line of a paragraph. `direction` nil means the line's own first strong character decides
    /// (a wrapped line of a longer paragraph should pass the paragraph's direction instead).
    public init(_ logical: String, direction: TextDirection? = nil) {
        let characters = Array(logical)
        let resolved = direction ?? BidiLayout.direction(of: logical)
        guard BidiLayout.containsRightToLeft(logical) else {
            self.direction = resolved
            visual = characters
            logicalIndex = Array(characters.indices)
            visualIndex = Array(characters.indices)
            return
        }
        // FriBidi works on code points; remember which character each code point belongs to.
        var scalars: [FriBidiChar] = []
        var owner: [Int] = []
        for (index, character) in characters.enumerated() {
            for scalar in character.unicodeScalars {
                // Embeddings, overrides and isolates typed or pasted into a text must not turn it around on
                // screen (a finding shown backwards says something else): each counts as a zero-width
                // boundary neutral, which the algorithm ignores and the screen does not draw.
                scalars.append(BidiLayout.isExplicitDirectionControl(scalar) ? BidiLayout.ligatureFiller : scalar.value)
                owner.append(index)
            }
        }
        let count = scalars.count
        var shaped = [FriBidiChar](repeating: 0, count: count)
        var logicalToVisual = [FriBidiStrIndex](repeating: 0, count: count)
        var paragraph = datajam_fribidi_paragraph(resolved == .rightToLeft ? 1 : 0)
        let ok = scalars.withUnsafeBufferPointer { input in
            shaped.withUnsafeMutableBufferPointer { output in
                logicalToVisual.withUnsafeMutableBufferPointer { positions in
                    fribidi_log2vis(input.baseAddress, FriBidiStrIndex(count), &paragraph, output.baseAddress,
                                    positions.baseAddress, nil, nil) != 0
                }
            }
        }
        guard ok else {
            // Out of memory inside FriBidi: show the logical order rather than nothing.
            self.direction = resolved
            visual = characters
            logicalIndex = Array(characters.indices)
            visualIndex = Array(characters.indices)
            return
        }
        // A character sits where its first code point went; its code points keep their logical order (marks
        // after their letter), each replaced by its shaped or mirrored form. FriBidi turns the second letter of
        // a lam-alef ligature into a zero-width filler, which is dropped.
        var firstVisual = [Int](repeating: Int.max, count: characters.count)
        var glyphs = [String](repeating: "", count: characters.count)
        for scalarIndex in 0..<count {
            let character = owner[scalarIndex]
            let position = Int(logicalToVisual[scalarIndex])
            if position < firstVisual[character] { firstVisual[character] = position }
            let form = Int(logicalToVisual[scalarIndex]) < count ? shaped[position] : scalars[scalarIndex]
            if form != BidiLayout.ligatureFiller, let scalar = Unicode.Scalar(form) {
                glyphs[character].unicodeScalars.append(scalar)
            }
        }
        // Each character's first visual position is its own (FriBidi gives every code point a distinct
        // one): placing them by it orders them without a sort.
        var slots = [Int](repeating: -1, count: count)
        for index in characters.indices where firstVisual[index] < count { slots[firstVisual[index]] = index }
        let order = slots.filter { $0 >= 0 }
        var toVisual = [Int](repeating: 0, count: characters.count)
        for (position, index) in order.enumerated() { toVisual[index] = position }
        self.direction = resolved
        // A filler that stood alone (its cluster was only the ligature's second letter) draws as nothing.
        visual = order.map { glyphs[$0].isEmpty ? BidiLayout.emptyGlyph : Character(glyphs[$0]) }
        logicalIndex = order
        visualIndex = toVisual
    }
}

/// Questions about direction that do not need a full layout.
public enum BidiLayout {
    /// What FriBidi leaves in place of a letter merged into a ligature (U+FEFF, zero width).
    static let ligatureFiller: FriBidiChar = 0xFEFF
    /// A zero-width character that views skip when drawing, standing for a letter merged into its neighbour.
    static let emptyGlyph: Character = "\u{FEFF}"

    /// Whether `text` holds anything that reads right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
    /// presentation forms, the right-to-left mark and embeddings). Cheap: the fast path of every drawn line.
    public static func containsRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x0590 {
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFE, 0x10800...0x10FFF, 0x1E800...0x1EFFF, 0x200F:
                return true
            default:
                continue
            }
        }
        return false
    }

    /// U+202A–202E and U+2066–2069: the controls that would let a text reorder itself.
    static func isExplicitDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The direction of a paragraph: that of its first strong letter, left to right when it has none.
    public static func direction(of text: String) -> TextDirection {
        guard containsRightToLeft(text) else { return .leftToRight }
        for scalar in text.unicodeScalars {
            switch datajam_fribidi_strong_direction(scalar.value) {
            case 1: return .rightToLeft
            case -1: return .leftToRight
            default: continue
            }
        }
        return .leftToRight
    }
}
