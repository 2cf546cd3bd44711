/// Escapes text for HTML and SVG: element content and attribute values alike.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML (SVG).
                if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, scalar.value < 0x20,
                   scalar != "\t", scalar != "\n", scalar != "\r" {
                    out += " "
                } else {
                    out.append(c)
                }
            }
        }
        return out
    }
}
