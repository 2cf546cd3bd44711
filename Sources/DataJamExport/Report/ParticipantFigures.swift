import DataJamCore

/// Participants by group and gender, as a table, a sentence on the women / men balance and a
/// chart. A count that was not recorded reads "non renseigné" / "not recorded"; a sum missing
/// some values reads "au moins 24" / "at least 24". Nothing is guessed.
enum ParticipantFigures {
    typealias Count = ConsolidatedReport.Count
    typealias GenderCounts = ConsolidatedReport.GenderCounts

    static func display(_ count: Count, _ words: ReportWords) -> String {
        guard let recorded = count.recorded else { return words.notRecorded }
        return count.notRecorded == 0 ? String(recorded) : words.atLeast(recorded)
    }

    /// Group | Headcount | Women | Men | Not stated, with a total row when there are several groups.
    static func table(_ rows: [(name: String, counts: GenderCounts)], total: GenderCounts, _ words: ReportWords,
                      extraColumns: (header: [String], cells: [[String]])? = nil) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let header = [words.group] + (extraColumns?.header ?? []) + [words.headcount, words.women, words.men, words.notStated]
        var cells = rows.enumerated().map { i, row in
            [MarkdownText.cell(row.name)] + (extraColumns?.cells[i] ?? []) + columns(row.counts, words)
        }
        if rows.count > 1 {
            let blanks = Array(repeating: "", count: extraColumns?.header.count ?? 0)
            cells.append(["**\(words.total)**"] + blanks + columns(total, words).map { "**\($0)**" })
        }
        blocks.table(header: header, rows: cells)
        return blocks
    }

    private static func columns(_ counts: GenderCounts, _ words: ReportWords) -> [String] {
        [counts.headcount, counts.women, counts.men, counts.notStated].map { display($0, words) }
    }

    /// The women / men balance the programme asks to watch, or that it was not recorded.
    static func balance(_ total: GenderCounts, _ words: ReportWords) -> String {
        guard total.women.recorded != nil || total.men.recorded != nil else { return words.genderNotRecorded }
        let women = total.women.recorded ?? 0, men = total.men.recorded ?? 0
        let share = women + men > 0 ? Int((Double(women) * 100 / Double(women + men)).rounded()) : nil
        let partial = !(total.women.isComplete && total.men.isComplete)
        return words.genderBalance(women: women, men: men, notStated: total.notStated.recorded, share: share, partial: partial)
    }

    /// One stacked bar per group: women, men, not stated, and in grey the rest of the headcount.
    static func chart(_ rows: [(name: String, counts: GenderCounts)], _ words: ReportWords) -> BarChart? {
        let bars = rows.map { row -> BarChart.Bar in
            let women = row.counts.women.recorded ?? 0, men = row.counts.men.recorded ?? 0
            let notStated = row.counts.notStated.recorded ?? 0
            let unknown = max(0, (row.counts.headcount.recorded ?? 0) - women - men - notStated)
            return BarChart.Bar(label: row.name, values: [women, men, notStated, unknown])
        }
        let chart = BarChart(
            title: words.participantsChartTitle, caption: words.participantsChartCaption,
            series: [BarChart.Series(name: words.women, color: BarChart.womenColor),
                     BarChart.Series(name: words.men, color: BarChart.menColor),
                     BarChart.Series(name: words.notStated, color: BarChart.notStatedColor),
                     BarChart.Series(name: words.unknownGender, color: BarChart.unknownColor)],
            bars: bars, scaleMax: nil)
        return chart.hasData ? chart : nil
    }
}
