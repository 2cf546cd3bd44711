/// French typography for a French report: a no-break space before « : ; ! ? » and inside
/// guillemets, so that a colon or a closing guillemet never starts a line (in the browser, in
/// print, in Word). Applied to the Markdown of the whole report: labels and typed text alike.
enum FrenchTypography {
    static let noBreakSpace: Character = "\u{00A0}"

    static func apply(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Character?
        var pendingSpace = false
        for c in text {
            if pendingSpace {
                pendingSpace = false
                // A space before : ; ! ? » becomes a no-break space; any other stays.
                out.append(":;!?»".contains(c) ? noBreakSpace : " ")
            }
            if c == " ", previous == "«" {
                out.append(noBreakSpace)
            } else if c == " ", previous != nil, previous != "\n", previous != " " {
                pendingSpace = true
            } else {
                out.append(c)
            }
            previous = c
        }
        if pendingSpace { out.append(" ") }
        return out
    }
}
