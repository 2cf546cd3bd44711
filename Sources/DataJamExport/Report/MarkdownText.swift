/// Escapes typed text so that it reads as text in the Markdown report, both for Markdown viewers
/// (CommonMark) and for the Ink parser that turns the report into HTML.
///
/// Ink has quirks that shape the choices: it drops every backslash (so a literal one is written
/// `&#92;`), it passes any `<tag` through as raw HTML and ends a paragraph at `<p` even after a
/// backslash (so `<` is always written `&lt;`), and it keeps entities as they are (so an `&` that
/// would read as one is written `&amp;`). Both parsers render these entities as the character.
enum MarkdownText {
    /// One line of text for a paragraph, a list item, a heading or a table cell: line breaks
    /// become spaces and every character that could start markup is escaped.
    static func inline(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return escapeLineStart(escapeCharacters(line))
    }

    /// Several paragraphs as typed (context, focus, notes): blank lines separate paragraphs, lines
    /// that start with `- `, `* ` or `• ` are list items, other line breaks are kept as line breaks.
    static func block(_ text: String) -> String {
        var blocks: [String] = []
        var paragraph: [String] = []
        var items: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(paragraph.joined(separator: "\\\n")) }
            if !items.isEmpty { blocks.append(items.joined(separator: "\n")) }
            paragraph = []
            items = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
            } else if let item = listItem(line) {
                if !paragraph.isEmpty {
                    blocks.append(paragraph.joined(separator: "\\\n"))
                    paragraph = []
                }
                items.append("- " + inline(item))
            } else {
                if !items.isEmpty {
                    blocks.append(items.joined(separator: "\n"))
                    items = []
                }
                paragraph.append(inline(line))
            }
        }
        flush()
        return blocks.joined(separator: "\n\n")
    }

    /// A table cell: inline text, or `—` when there is nothing to show.
    static func cell(_ text: String) -> String {
        let escaped = inline(text)
        return escaped.isEmpty ? "—" : escaped
    }

    private static func listItem(_ line: String) -> String? {
        for marker in ["- ", "* ", "• ", "– "] where line.hasPrefix(marker) {
            let rest = line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    private static func escapeCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            switch c {
            case "\\": out += "&#92;"
            case "<": out += "&lt;"
            case "&":
                out += startsEntity(text[text.index(after: index)...]) ? "&amp;" : "&"
            case "*", "_", "~", "`", "[", "]", "|":
                out.append("\\")
                out.append(c)
            default:
                out.append(c)
            }
            index = text.index(after: index)
        }
        return out
    }

    /// Whether the text after an `&` would make it an entity (`amp;`, `#92;`, `#x3C;`).
    private static func startsEntity(_ rest: Substring) -> Bool {
        var count = 0
        for c in rest {
            if c == ";" { return count > 0 }
            guard c.isASCII, c.isLetter || c.isNumber || (c == "#" && count == 0) else { return false }
            count += 1
            if count > 32 { return false }
        }
        return false
    }

    /// A line that would start a heading, a quote, a list or a rule is escaped at its start.
    private static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>+-=".contains(first) { return "\\" + line }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count < line.count {
            let after = line[line.index(line.startIndex, offsetBy: digits.count)]
            if after == "." || after == ")" {
                return digits + "\\" + line.dropFirst(digits.count)
            }
        }
        return line
    }
}
