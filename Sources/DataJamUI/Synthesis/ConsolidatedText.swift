import DataJamCore

/// How a finding reads in the consolidated view: its team's tag, its text (with what its kind adds),
/// then the tags of the teams that made the same point.
enum ConsolidatedText {
    /// Columns before the text: selection, link or mark, gender flag, a space.
    static let indent = 4
    /// A finding never takes more lines than this.
    static let maxLines = 6

    static func text(_ finding: Finding, data: SynthesisData, workshop: Workshop, lang: Lang) -> String {
        var text = "[\(data.tags.tag(finding.teamId, lang: lang))] " + FindingText.line(finding, in: workshop, lang: lang)
        var partnerTags: [String] = []
        for id in data.partners(of: finding) {
            guard let partner = data.finding(id, in: workshop) else { continue }
            let tag = "[\(data.tags.tag(partner.teamId, lang: lang))]"
            if !partnerTags.contains(tag) { partnerTags.append(tag) }
        }
        if !partnerTags.isEmpty { text += "  = " + partnerTags.joined(separator: " ") }
        return text
    }

    static func lines(_ finding: Finding, data: SynthesisData, workshop: Workshop, width: Int, lang: Lang) -> [String] {
        let lines = TextWrap.wrap(text(finding, data: data, workshop: workshop, lang: lang), width: max(1, width - indent))
        guard lines.count > maxLines else { return lines }
        var shown = Array(lines.prefix(maxLines))
        shown[maxLines - 1] = TextWrap.truncate(shown[maxLines - 1] + " …", width: max(1, width - indent))
        return shown
    }

    static func heading(kind: FindingKind, categoryID: String?, count: Int, teams: Int, workshop: Workshop, lang: Lang) -> String {
        var title = Vocabulary.kind(kind, plural: true)(lang)
        if kind == .constraint {
            title += " · " + (categoryID.map { Vocabulary.categoryLabel($0, in: workshop) } ?? lang.pick(fr: "sans catégorie", en: "no category"))
        }
        let teamsText = lang.pick(fr: teams > 1 ? "\(teams) équipes" : "1 équipe", en: teams > 1 ? "\(teams) teams" : "1 team")
        return "▸ \(title) (\(count) · \(teamsText))"
    }

    /// Lines a row takes at `width`.
    static func height(of row: ConsolidatedRow, data: SynthesisData, workshop: Workshop, width: Int, lang: Lang) -> Int {
        guard case .finding(let id, _) = row else { return 1 }
        guard let finding = data.finding(id, in: workshop) else { return 1 }
        return max(1, lines(finding, data: data, workshop: workshop, width: width, lang: lang).count)
    }
}
