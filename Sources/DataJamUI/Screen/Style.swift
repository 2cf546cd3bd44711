/// One of the eight colours every colour terminal has, or the terminal's own default.
///
/// Deliberately small: workshop rooms use projectors and whatever terminal is at hand, and the eight ANSI
/// colours are the ones that survive every theme. `.default` keeps the user's own foreground or background,
/// which is what most of the screen should use.
public enum Color: Sendable, Hashable, CaseIterable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colours plus text attributes.
///
/// The attributes are the ones that also work without colour (`NO_COLOR`, monochrome terminals), so a view
/// can always make a selection or a heading visible with `reverse` or `bold` alone.
public struct Style: Sendable, Hashable {
    /// Text attributes that combine freely.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let reverse = Attributes(rawValue: 1 << 1)
        public static let underline = Attributes(rawValue: 1 << 2)
        public static let dim = Attributes(rawValue: 1 << 3)
    }

    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()
    public static let bold = Style(attributes: .bold)
    public static let reverse = Style(attributes: .reverse)
    public static let underline = Style(attributes: .underline)
    public static let dim = Style(attributes: .dim)

    public var isBold: Bool { attributes.contains(.bold) }
    public var isReverse: Bool { attributes.contains(.reverse) }
    public var isUnderline: Bool { attributes.contains(.underline) }
    public var isDim: Bool { attributes.contains(.dim) }

    /// A copy with `attributes` added, for building styles inline: `Style.bold.adding(.underline)`.
    public func adding(_ attributes: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    /// How the style is drawn without colour (`NO_COLOR`, monochrome terminals): attributes only.
    /// A coloured background flips reverse video, so a bar (the header) turns reverse and a style
    /// that is already reverse inside it (the active tab, the overtime timer) turns back to normal
    /// video and stands out of the bar instead of melting into it.
    public var monochrome: Style {
        var attributes = attributes
        if background != .default { attributes.formSymmetricDifference(.reverse) }
        return Style(attributes: attributes)
    }

    /// A copy with other colours, keeping the attributes.
    public func colored(foreground: Color? = nil, background: Color? = nil) -> Style {
        var copy = self
        if let foreground { copy.foreground = foreground }
        if let background { copy.background = background }
        return copy
    }
}
