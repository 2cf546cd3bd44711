/// The one-line summaries above session 3's views: parts joined by " · ", broken or dropped only
/// between parts, so that no count is ever cut from its word.
enum SummaryLine {
    static let separator = " · "

    /// As many leading parts as fit in `width` (at least the first one, cut).
    static func fit(_ parts: [String], width: Int) -> String {
        wrap(parts, width: width).first ?? ""
    }

    /// The parts on as many lines as they need; a part wider than a line is cut.
    static func wrap(_ parts: [String], width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for part in parts where !part.isEmpty {
            if line.isEmpty {
                line = TextWrap.truncate(part, width: width)
            } else if DisplayWidth.of(line) + DisplayWidth.of(separator) + DisplayWidth.of(part) <= width {
                line += separator + part
            } else {
                lines.append(line)
                line = TextWrap.truncate(part, width: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
