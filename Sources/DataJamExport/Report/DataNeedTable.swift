import DataJamCore

/// The ranked data needs as a table (rank, need, team, producer, availability, sex-disaggregation,
/// relevance, impact, priority; with the workshop in a consolidated report) and, for the scored
/// ones, a horizontal bar chart of their priority.
enum DataNeedTable {
    typealias Need = ConsolidatedReport.RankedDataNeed

    static func blocks(_ needs: [Need], _ words: ReportWords, showsWorkshop: Bool) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        guard !needs.isEmpty else { return blocks }
        var header = [words.rank, words.need]
        header.append(showsWorkshop ? words.askedBy : words.teamColumn)
        header += [words.producer, words.availability, words.sexDisaggregation, words.relevance,
                   words.impact, words.priority]
        let rows = needs.map { need -> [String] in
            var text = MarkdownText.inline(need.text)
            if need.gender { text += words.genderMark(need.text) }
            if let format = need.wantedFormat { text += " (" + words.colon(words.wantedFormat) + MarkdownText.inline(format) + ")" }
            var row = [need.rank.map(String.init) ?? "—", text]
            row.append(askers(need, words, showsWorkshop: showsWorkshop))
            row += [MarkdownText.cell(need.producer ?? ""),
                    words.availability(need.availability), need.sexDisaggregation ? words.yes : words.no,
                    need.relevance.map(String.init) ?? "—", need.impact.map(String.init) ?? "—",
                    need.priority.map { "**\($0)**" } ?? "—"]
            return row
        }
        blocks.table(header: header, rows: rows)
        blocks.paragraph(MarkdownText.inline(words.rankingNote))
        return blocks
    }

    /// "Santé ; Education", or with the workshop: "A1 – Plénière ; A2 – Education".
    static func askers(_ need: Need, _ words: ReportWords, showsWorkshop: Bool) -> String {
        var seen: [String] = []
        for asker in need.askedBy {
            let team = asker.team ?? words.plenary
            let label = showsWorkshop ? "\(words.workshopShort(asker.workshop)) – \(team)" : team
            if !seen.contains(label) { seen.append(label) }
        }
        return seen.map(MarkdownText.cell).joined(separator: words.semicolon)
    }

    static func chart(_ needs: [Need], _ words: ReportWords, showsWorkshop: Bool, limit: Int = 20) -> BarChart? {
        let scored = needs.filter { $0.priority != nil }.prefix(limit)
        guard !scored.isEmpty else { return nil }
        let bars = scored.map { need in
            let label = showsWorkshop ? "\(words.workshopShort(need.workshop)) – \(need.text)" : need.text
            return BarChart.Bar(label: label, values: [need.priority ?? 0])
        }
        return BarChart(title: words.prioritiesChartTitle, caption: words.prioritiesChartCaption,
                        series: [BarChart.Series(name: words.priorityValue, color: BarChart.priorityColor)],
                        bars: Array(bars), scaleMax: 25, showsLegend: false)
    }
}
