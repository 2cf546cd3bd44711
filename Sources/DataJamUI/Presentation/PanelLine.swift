/// One line of a panel's text, already wrapped: its text, indentation and style.
struct PanelLine: Equatable {
    var text: String
    var indent = 0
    var style: Style = .plain

    init(_ text: String, indent: Int = 0, style: Style = .plain) {
        self.text = text
        self.indent = indent
        self.style = style
    }

    /// Draws `lines` from the top of `area`. When they do not all fit, the last row says how
    /// many more there are, so nothing is silently lost.
    static func draw(_ lines: [PanelLine], in area: Rect, buffer: inout ScreenBuffer) {
        guard area.height > 0 else { return }
        var shown = lines
        if lines.count > area.height {
            shown = Array(lines.prefix(area.height - 1))
            shown.append(PanelLine("… +\(lines.count - shown.count)", style: Theme.dim))
        }
        for (row, line) in shown.enumerated() {
            buffer.put(line.text, x: area.x + line.indent, y: area.y + row, style: line.style, maxWidth: area.width - line.indent)
        }
    }

    /// `text` wrapped in `width`, the first line after `bullet`, the others under the first's text.
    static func bulleted(_ text: String, bullet: String, width: Int, style: Style = .plain) -> [PanelLine] {
        let indent = DisplayWidth.of(bullet)
        return TextWrap.wrap(text, width: max(1, width - indent)).enumerated().map { i, piece in
            i == 0 ? PanelLine(bullet + piece, style: style) : PanelLine(piece, indent: indent, style: style)
        }
    }
}
