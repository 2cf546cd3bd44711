import DataJamCore

/// Findings of one kind gathered across the teams and the plenary: the same text (ignoring case
/// and accents) is listed once, followed by the teams that raised it. Only worth a section when
/// the findings come from at least two of them; otherwise the team's own list says it all.
enum CrossTeamList {
    struct Entry {
        var text: String
        var gender: Bool
        var sources: [String?]
    }

    static func entries(_ findings: [Finding]) -> [Entry] {
        var order: [String] = []
        var entries: [String: Entry] = [:]
        for finding in findings {
            let key = TextKey.of(finding.text)
            if var entry = entries[key] {
                if !entry.sources.contains(finding.teamId) { entry.sources.append(finding.teamId) }
                entry.gender = entry.gender || finding.gender
                entries[key] = entry
            } else {
                order.append(key)
                entries[key] = Entry(text: finding.text, gender: finding.gender, sources: [finding.teamId])
            }
        }
        return order.compactMap { entries[$0] }
    }

    static func hasSeveralSources(_ findings: [Finding]) -> Bool {
        Set(findings.map { $0.teamId ?? "\u{0}" }).count > 1
    }

    static func items(_ findings: [Finding], _ index: WorkshopIndex, _ words: ReportWords) -> [String] {
        entries(findings).map { entry in
            var line = MarkdownText.inline(entry.text)
            if entry.gender { line += words.genderMark(entry.text) }
            let sources = entry.sources.map { index.teamName($0) ?? words.plenary.lowercased() }
            return line + " (" + sources.map(MarkdownText.inline).joined(separator: words.semicolon) + ")"
        }
    }
}
