import DataJamCore

/// A workshop's constraints counted by category (rows) and by team (columns, plenary last):
/// a table in the report and, in HTML, a stacked bar chart.
struct ConstraintMatrix {
    struct Column {
        var name: String
        var teamId: String?
    }

    let categories: [String?]
    let columns: [Column]
    /// counts[row][column]
    let counts: [[Int]]

    init(_ index: WorkshopIndex, _ words: ReportWords) {
        let constraints = index.findings.filter { $0.kind == .constraint }
        categories = index.categoryOrder(of: constraints)
        var columns = index.teams.filter { team in constraints.contains { $0.teamId == team.id } }
            .map { Column(name: $0.name, teamId: $0.id) }
        if constraints.contains(where: { $0.teamId == nil }) { columns.append(Column(name: words.plenary, teamId: nil)) }
        self.columns = columns
        counts = categories.map { category in
            columns.map { column in constraints.filter { $0.category == category && $0.teamId == column.teamId }.count }
        }
    }

    var isEmpty: Bool { categories.isEmpty }

    func table(_ lists: FindingLists, _ words: ReportWords) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        guard !isEmpty else { return blocks }
        let withTotal = columns.count > 1
        var header = [words.constraintCategory] + columns.map { MarkdownText.cell($0.name) }
        if withTotal { header.append(words.total) }
        var rows = categories.enumerated().map { i, category in
            [MarkdownText.cell(lists.categoryTitle(category))] + counts[i].map(String.init)
                + (withTotal ? [String(counts[i].reduce(0, +))] : [])
        }
        if categories.count > 1 {
            let columnTotals = columns.indices.map { c in counts.map { $0[c] }.reduce(0, +) }
            rows.append(["**\(words.total)**"] + columnTotals.map { "**\($0)**" }
                + (withTotal ? ["**\(columnTotals.reduce(0, +))**"] : []))
        }
        blocks.table(header: header, rows: rows)
        return blocks
    }

    func chart(_ lists: FindingLists, _ words: ReportWords) -> BarChart? {
        guard !isEmpty else { return nil }
        var teamNumber = 0
        let series = columns.map { column -> BarChart.Series in
            guard column.teamId != nil else { return BarChart.Series(name: column.name, color: BarChart.plenaryColor) }
            defer { teamNumber += 1 }
            return BarChart.Series(name: column.name, color: BarChart.color(teamNumber))
        }
        let bars = categories.enumerated().map { i, category in
            BarChart.Bar(label: lists.categoryTitle(category), values: counts[i])
        }
        return BarChart(title: words.constraintsChartTitle, caption: words.constraintsChartCaption, series: series,
                        bars: bars, scaleMax: nil)
    }
}
