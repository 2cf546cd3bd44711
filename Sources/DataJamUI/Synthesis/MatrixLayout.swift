import DataJamCore

/// How the constraint matrix fits its area: the width of the category column and of each team
/// column, which team columns and category rows show (the rest scrolls), and the bar's width.
///
/// Columns, left to right: category label, the teams, " Total", "  ♀", then the bar.
struct MatrixLayout {
    static let totalWidth = 6
    static let genderWidth = 4
    static let minBarWidth = 8
    static let minColumnWidth = 7
    static let maxColumnWidth = 16
    /// The category column gives way down to this, before team names are cut.
    static let minLabelWidth = 16

    var labelWidth: Int
    /// Each team column's width (all columns, shown or scrolled away).
    var widths: [Int]
    var firstColumn: Int
    var visibleColumns: Int
    var barWidth: Int
    var firstRow: Int
    var visibleRows: Int
    var columnCount: Int
    var rowCount: Int

    /// `labelsWidth`: the widest text of the first column (row labels, "Total"…); `headerWidths`:
    /// each team column's name.
    init(area: Rect, rowCount: Int, labelsWidth: Int, headerWidths: [Int], columnScroll: Int, rowScroll: Int) {
        let width = area.width
        let columnCount = headerWidths.count
        self.columnCount = columnCount
        self.rowCount = rowCount
        // The team names get the width they need first, each column its own: the bar gives way,
        // then the category column (down to `minLabelWidth`), then the longest names are cut
        // (all to one width, the short ones keep theirs); only then are columns scrolled.
        let preferredLabel = min(labelsWidth + 1, max(10, width * 35 / 100))
        let minLabel = min(preferredLabel, Self.minLabelWidth)
        let fixed = Self.totalWidth + Self.genderWidth + 1
        let need = headerWidths.map { min(Self.maxColumnWidth, max(Self.minColumnWidth, $0 + 1)) }
        let total = need.reduce(0, +)
        let tightRoom = max(0, width - minLabel - fixed)
        if total + Self.minBarWidth <= width - preferredLabel - fixed {
            labelWidth = preferredLabel
            widths = need
            visibleColumns = columnCount
        } else if total <= tightRoom {
            labelWidth = min(preferredLabel, width - fixed - total)
            widths = need
            visibleColumns = columnCount
        } else if columnCount * Self.minColumnWidth <= tightRoom {
            // The widest cap that fits: columns wider than it are cut to it.
            var cap = Self.maxColumnWidth
            while cap > Self.minColumnWidth, need.reduce(0, { $0 + min($1, cap) }) > tightRoom { cap -= 1 }
            labelWidth = minLabel
            widths = need.map { min($0, cap) }
            visibleColumns = columnCount
        } else {
            labelWidth = minLabel
            widths = Array(repeating: Self.minColumnWidth, count: columnCount)
            visibleColumns = min(columnCount, max(1, tightRoom / Self.minColumnWidth))
        }
        firstColumn = min(max(0, columnScroll), max(0, columnCount - visibleColumns))
        let shown = widths.dropFirst(firstColumn).prefix(visibleColumns).reduce(0, +)
        barWidth = max(0, width - labelWidth - shown - fixed)
        // A bar too short to compare anything: its room goes back to the category names.
        if barWidth < Self.minBarWidth {
            let given = min(barWidth, max(0, preferredLabel - labelWidth))
            labelWidth += given
            barWidth -= given
        }
        // Header, rows, total; then a blank line and the summary when there is room.
        visibleRows = min(rowCount, max(1, area.height - 4))
        firstRow = min(max(0, rowScroll), max(0, rowCount - visibleRows))
    }

    /// The visible team columns' widths, left to right.
    var visibleWidths: [Int] { Array(widths.dropFirst(firstColumn).prefix(visibleColumns)) }

    /// Columns from the start of the team columns to the `n`th visible one.
    func offset(ofVisible n: Int) -> Int { visibleWidths.prefix(n).reduce(0, +) }

    /// Team columns beyond the visible ones, to the left and to the right.
    var hiddenLeft: Int { firstColumn }
    var hiddenRight: Int { max(0, columnCount - firstColumn - visibleColumns) }
}

extension MatrixLayout {
    /// The layout of `matrix` in the area under the tabs.
    init(area: Rect, matrix: ConstraintMatrix, workshop: Workshop, tags: TeamTags, lang: Lang, columnScroll: Int, rowScroll: Int) {
        let labels = matrix.rows.map { DisplayWidth.of(matrix.label(of: $0, in: workshop, lang: lang)) }
            + [DisplayWidth.of(Self.corner(lang)), DisplayWidth.of(Self.totalLabel(lang))]
        let headers = matrix.columns.map { DisplayWidth.of(matrix.label(of: $0, tags: tags, lang: lang)) }
        self.init(area: area, rowCount: matrix.rows.count, labelsWidth: labels.max() ?? 0, headerWidths: headers,
                  columnScroll: columnScroll, rowScroll: rowScroll)
    }

    /// The first column's header.
    static func corner(_ lang: Lang) -> String { lang.pick(fr: "Contraintes", en: "Constraints") }
    static func totalLabel(_ lang: Lang) -> String { "Total" }
}
