import CNcursesw
import DataJamUI

/// Maps ``Style``s to ncurses attributes and colour pairs.
///
/// ncurses draws colour through numbered (foreground, background) pairs that must be declared with
/// `init_pair` before use. Declaring them lazily, on first use, keeps the full 9 × 9 palette available without
/// spending pairs on combinations no screen uses. Pair 0 is the terminal's own colours.
struct ColorPairs {
    /// Whether colour is used at all: false on monochrome terminals and when `NO_COLOR` is set.
    let enabled: Bool
    /// Whether `use_default_colors` worked, so -1 means "the terminal's default" in a pair.
    private let hasDefaultColors: Bool
    private let maxPairs: Int
    private var pairs: [PairKey: Int16] = [:]

    private struct PairKey: Hashable {
        let foreground: Color
        let background: Color
    }

    init(enabled: Bool, hasDefaultColors: Bool, maxPairs: Int) {
        self.enabled = enabled
        self.hasDefaultColors = hasDefaultColors
        // Pair numbers are `short` in the classic API.
        self.maxPairs = min(maxPairs, Int(Int16.max))
    }

    /// Attributes and pair number for `style`.
    ///
    /// Without colour, a coloured background flips reverse video (`Style.monochrome`): backgrounds are how views
    /// mark selections and bars, and these must stay visible on a monochrome screen. Colour-only emphasis on the
    /// foreground is dropped; views pair it with bold where it matters.
    mutating func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        // Without colour, the attributes the UI library chose for that case (see `Style.monochrome`).
        let style = enabled ? style : style.monochrome
        var attributes = datajam_a_normal()
        if style.isBold { attributes |= datajam_a_bold() }
        if style.isReverse { attributes |= datajam_a_reverse() }
        if style.isUnderline { attributes |= datajam_a_underline() }
        if style.isDim { attributes |= datajam_a_dim() }
        guard enabled else { return (attributes, 0) }
        return (attributes, pair(foreground: style.foreground, background: style.background))
    }

    private mutating func pair(foreground: Color, background: Color) -> Int16 {
        if foreground == .default && background == .default { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let known = pairs[key] { return known }
        let number = pairs.count + 1
        // Out of pairs (an 8-colour terminal with few pairs): fall back to the default colours.
        guard number < maxPairs else { return 0 }
        let pairNumber = Int16(number)
        let foregroundColor = curses(foreground, defaultColor: Int16(COLOR_WHITE))
        let backgroundColor = curses(background, defaultColor: Int16(COLOR_BLACK))
        guard init_pair(pairNumber, foregroundColor, backgroundColor) == OK else { return 0 }
        pairs[key] = pairNumber
        return pairNumber
    }

    /// The ncurses colour number; `.default` is -1 when the terminal supports default colours, otherwise the
    /// usual white-on-black.
    private func curses(_ color: Color, defaultColor: Int16) -> Int16 {
        switch color {
        case .default: return hasDefaultColors ? -1 : defaultColor
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        }
    }
}
