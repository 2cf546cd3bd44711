/// The few styles every screen uses, chosen to read on a projector and to survive without colour
/// (each one also differs by an attribute: bold, reverse, dim or underline).
public enum Theme {
    public static let header = Style(foreground: .white, background: .blue, attributes: .bold)
    public static let activeTab = Style(foreground: .black, background: .white, attributes: [.bold, .reverse])
    /// The current session in the header: reverse inside the coloured bar, so without colour it is
    /// the one normal-video, underlined part of the reverse header (see `Style.monochrome`). Its
    /// label is also bracketed.
    public static let headerTab = Style(foreground: .black, background: .white, attributes: [.bold, .reverse, .underline])
    public static let heading = Style(foreground: .cyan, attributes: .bold)
    public static let selection = Style(attributes: .reverse)
    public static let dim = Style(attributes: .dim)
    public static let footerKey = Style(attributes: [.bold, .reverse])
    public static let footerText = Style.plain
    public static let info = Style(foreground: .green)
    public static let warning = Style(foreground: .yellow, attributes: .bold)
    public static let error = Style(foreground: .white, background: .red, attributes: .bold)
    public static let overTime = Style(foreground: .white, background: .red, attributes: [.bold, .reverse])
    public static let gender = Style(foreground: .magenta, attributes: .bold)
    public static let popup = Style.plain
    public static let popupBorder = Style(foreground: .cyan, attributes: .bold)
    public static let field = Style(attributes: .underline)
    public static let bar = Style(foreground: .cyan)
}

/// Box-drawing helpers.
public enum Draw {
    public static func box(_ rect: Rect, in buffer: inout ScreenBuffer, style: Style, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        buffer.fill(rect)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        buffer.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put("│", x: rect.x, y: y, style: style)
            buffer.put("│", x: rect.maxX - 1, y: y, style: style)
        }
        if let title, rect.width > 6 {
            buffer.put(" " + TextWrap.truncate(title, width: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, style: style)
        }
    }

    /// A horizontal bar of `value` out of `total` in `width` columns, with eighth blocks.
    public static func bar(_ value: Int, of total: Int, width: Int) -> String {
        guard total > 0, width > 0, value > 0 else { return "" }
        let eighths = min(width * 8, Int((Double(value) / Double(total) * Double(width * 8)).rounded()))
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
    }

    /// Writes wrapped `text` from line `y` inside `rect`; returns the number of lines used.
    @discardableResult
    public static func paragraph(_ text: String, in rect: Rect, y: Int, buffer: inout ScreenBuffer, style: Style = .plain, maxLines: Int? = nil) -> Int {
        var line = y
        var used = 0
        let direction = BidiLayout.direction(of: text)  // an Arabic paragraph reads, and aligns, right to left
        for piece in TextWrap.wrap(text, width: rect.width) {
            guard line < rect.maxY, used < (maxLines ?? .max) else { break }
            buffer.putLine(piece, of: direction, x: rect.x, y: line, width: rect.width, style: style)
            line += 1
            used += 1
        }
        return used
    }
}
