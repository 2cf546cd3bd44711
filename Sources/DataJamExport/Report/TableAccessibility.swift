import Foundation

/// Ink writes bare tables; a screen reader needs to know what each table is and that its first
/// row heads the columns. Every `<th>` gets `scope="col"` and every table a `<caption>`: the
/// text of the heading it follows.
enum TableAccessibility {
    static func apply(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var lastHeading = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            if let level = ["<h2>", "<h3>", "<h4>", "<h5>", "<h6>"].first(where: { rest.hasPrefix($0) }),
               let end = rest.range(of: "</h" + level.dropFirst(2)) {
                // The heading's inner HTML, tags dropped: already escaped text.
                lastHeading = stripTags(String(rest[rest.index(rest.startIndex, offsetBy: level.count)..<end.lowerBound]))
                out += rest[..<end.upperBound]
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<table>") {
                out += "<table>"
                if !lastHeading.isEmpty { out += "<caption>\(lastHeading)</caption>" }
                rest = rest.dropFirst("<table>".count)
            } else if rest.hasPrefix("<th>") {
                out += "<th scope=\"col\">"
                rest = rest.dropFirst("<th>".count)
            } else {
                out.append("<")
                rest = rest.dropFirst()
            }
        }
        out += rest
        return out
    }

    private static func stripTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
