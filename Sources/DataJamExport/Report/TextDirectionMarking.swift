/// Every block of text in an HTML report gets `dir="auto"`: a browser then takes each paragraph's,
/// item's, cell's or heading's direction from its first strong letter, so an Arabic finding, team
/// or organisation is laid out and aligned right to left, and a French sentence quoting an Arabic
/// name stays left to right. The text itself stays in the order it was typed (no control
/// characters are added; those in typed text are removed before this, see `DirectionalFormatting`).
enum TextDirectionMarking {
    private static let elements: Set<String> = ["p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
                                                "figcaption", "blockquote", "dt", "dd"]

    static func apply(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            // The tag's name ends at a space or ">": "<p>" and "<p lang=…>" but neither "<path" nor "<pre>".
            let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber }
            let afterName = rest.dropFirst(1 + name.count)
            guard elements.contains(String(name)), let next = afterName.first, next == ">" || next == " " else {
                out.append("<")
                rest = rest.dropFirst()
                continue
            }
            let tagEnd = afterName.firstIndex(of: ">") ?? afterName.endIndex
            let attributes = afterName[..<tagEnd]
            out += "<" + name
            if !attributes.contains("dir=") { out += " dir=\"auto\"" }
            rest = afterName
        }
        out += rest
        return out
    }
}
