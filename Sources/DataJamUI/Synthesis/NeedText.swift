import DataJamCore

/// How a data need reads in the ranking: rank and priority, the text, then a line of details
/// (team, producer, availability, sex disaggregation, scores).
enum NeedText {
    /// Columns before the text: selection, rank ("12."), priority.
    static let indent = 10
    static let maxTextLines = 4
    static let maxDetailLines = 3

    /// "›  1. 20" (selected, rank 1, priority 20), "      –" (not scored).
    static func prefix(_ need: RankedNeed, finding: Finding, selected: Bool) -> String {
        let rank = need.rank.map { "\($0)." } ?? ""
        let priority = finding.dataNeed?.priority.map(String.init) ?? "–"
        return (selected ? "›" : " ") + pad(rank, 4) + pad(priority, 3)
    }

    static func details(_ finding: Finding, tags: TeamTags, lang: Lang) -> String {
        let need = finding.dataNeed ?? DataNeedDetails()
        var parts = ["[\(tags.tag(finding.teamId, lang: lang))]"]
        parts.append(need.producer.map { lang.pick(fr: "producteur : \($0)", en: "producer: \($0)") }
                     ?? lang.pick(fr: "producteur ?", en: "producer ?"))
        parts.append(need.availability.map { Vocabulary.availability($0)(lang) } ?? lang.pick(fr: "disponibilité ?", en: "availability ?"))
        parts.append(need.sexDisaggregation ? lang.pick(fr: "ventilé par sexe", en: "by sex")
                                            : lang.pick(fr: "non ventilé par sexe", en: "not by sex"))
        if need.relevance == nil, need.impact == nil {
            parts.append(lang.pick(fr: "non noté", en: "not scored"))
        } else {
            let relevance = need.relevance.map(String.init) ?? "?"
            let impact = need.impact.map(String.init) ?? "?"
            parts.append(lang.pick(fr: "pertinence \(relevance) × impact \(impact)", en: "relevance \(relevance) × impact \(impact)"))
        }
        return parts.joined(separator: " · ")
    }

    static func lines(_ finding: Finding, tags: TeamTags, width: Int, lang: Lang) -> (text: [String], details: [String]) {
        let textWidth = max(1, width - indent)
        let flat = finding.text.replacingOccurrences(of: "\n", with: " ")
        let text = Array(TextWrap.wrap(flat, width: textWidth).prefix(maxTextLines))
        let details = Array(TextWrap.wrap(details(finding, tags: tags, lang: lang), width: textWidth).prefix(maxDetailLines))
        return (text.isEmpty ? [""] : text, details)
    }

    static func height(of need: RankedNeed, data: SynthesisData, workshop: Workshop, width: Int, lang: Lang) -> Int {
        guard let finding = data.finding(need.id, in: workshop) else { return 1 }
        let (text, details) = lines(finding, tags: data.tags, width: width, lang: lang)
        return text.count + details.count
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
