import DataJamCore

/// How the conclusions read: a heading per section, each item's text (a partnership as
/// "producer → re-user : subject").
enum ConclusionText {
    static let indent = 4
    static let maxLines = 6

    static func heading(_ section: ConclusionSection, count: Int, lang: Lang) -> String {
        "\(section.title(lang)) (\(count))"
    }

    /// Under an empty section's heading.
    static func empty(lang: Lang) -> String {
        lang.pick(fr: "(vide · a pour ajouter)", en: "(empty · a to add)")
    }

    static func text(_ row: ConclusionRow, in synthesis: Synthesis, lang: Lang) -> String? {
        guard case .item(let section, let id, let index) = row else { return nil }
        if let plain = section.plain {
            let items = synthesis[plain]
            guard items.indices.contains(index), items[index].id == id else { return nil }
            return items[index].text.replacingOccurrences(of: "\n", with: " ")
        }
        guard synthesis.partnerships.indices.contains(index), synthesis.partnerships[index].id == id else { return nil }
        return partnership(synthesis.partnerships[index], lang: lang)
    }

    static func partnership(_ partnership: Partnership, lang: Lang) -> String {
        let unknown = "?"
        let pair = (partnership.producer.isEmpty ? unknown : partnership.producer) + " → "
            + (partnership.reuser.isEmpty ? unknown : partnership.reuser)
        guard !partnership.subject.isEmpty else { return pair }
        return pair + lang.pick(fr: " : ", en: ": ") + partnership.subject
    }

    static func lines(_ row: ConclusionRow, in synthesis: Synthesis, width: Int, lang: Lang) -> [String] {
        let text = self.text(row, in: synthesis, lang: lang) ?? ""
        let lines = Array(TextWrap.wrap(text, width: max(1, width - indent)).prefix(maxLines))
        return lines.isEmpty ? [""] : lines
    }

    static func height(of row: ConclusionRow, in synthesis: Synthesis, width: Int, lang: Lang) -> Int {
        switch row {
        case .heading(_, let count): count == 0 ? 2 : 1
        case .item: lines(row, in: synthesis, width: width, lang: lang).count
        }
    }
}
