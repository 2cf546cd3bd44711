/// An English report over workshops held in French quotes French text (findings, organisations,
/// objectives as typed). A screen reader reads it with English sounds, and a browser hyphenates
/// it as English, unless the text says its language: each paragraph, list item, table cell or
/// heading whose own text reads as French gets `lang="fr"`.
///
/// "Reads as French": at least two French function words or accented French letters, and more
/// of them than English function words. Labels stay unmarked (they are English); an item that
/// holds an English label and a French text is marked by the text that makes most of it.
enum LanguageMarking {
    private static let frenchWords: Set<String> = [
        "le", "la", "les", "des", "du", "de", "et", "en", "un", "une", "pour", "dans", "sur", "par", "au", "aux",
        "est", "sont", "pas", "ne", "avec", "qui", "que", "ces", "leur", "leurs", "d", "l", "ou", "entre",
        "données", "manque", "absence", "ministère", "société", "atelier", "équipe",
    ]
    private static let englishWords: Set<String> = [
        "the", "of", "and", "to", "in", "for", "on", "by", "with", "is", "are", "not", "from", "as", "at",
        "workshop", "workshops", "team", "teams", "data", "need", "needs", "recorded", "raised",
    ]
    private static let elements = ["p", "li", "td", "h3", "h4", "h5", "h6"]

    static func apply(_ html: String, reportLanguage: ReportLanguage) -> String {
        guard reportLanguage == .en else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 1024)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            guard let element = elements.first(where: { rest.hasPrefix("<\($0)>") }) else {
                out.append("<")
                rest = rest.dropFirst()
                continue
            }
            let tag = "<\(element)>"
            let after = rest.dropFirst(tag.count)
            let text = ownText(after)
            out += isFrench(text) ? "<\(element) lang=\"fr\">" : tag
            rest = after
        }
        out += rest
        return out
    }

    /// The element's text before a nested list or its end, tags dropped.
    private static func ownText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        var tagName = ""
        for c in html {
            if inTag {
                if c == ">" {
                    inTag = false
                    let name = tagName.split(separator: " ").first.map { $0.lowercased() } ?? ""
                    if name.hasPrefix("/") && elements.contains(String(name.dropFirst())) || ["ul", "ol", "table"].contains(name) {
                        break
                    }
                } else if !c.isWhitespace { tagName.append(c) } else { tagName += " " }
            } else if c == "<" {
                inTag = true
                tagName = ""
            } else {
                text.append(c)
            }
            if text.count > 400 { break }
        }
        return text
    }

    static func isFrench(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        var french = words.filter { frenchWords.contains($0) }.count
        french += text.filter { "éèêàùçôîœ".contains($0) }.count > 0 ? 1 : 0
        let english = words.filter { englishWords.contains($0) }.count
        return french >= 2 && french > english
    }
}
