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
    static let maxColumnWidth = 12

    var labelWidth: Int
    var columnWidth: Int
    var firstColumn: Int
    var visibleColumns: Int
    var barWidth: Int
    var firstRow: Int
    var visibleRows: Int
    var columnCount: Int
    var rowCount: Int

    /// `labelsWidth`: the widest text of the first column (row labels, "Total"…); `headersWidth`:
    /// the widest team column name.
    init(area: Rect, rowCount: Int, labelsWidth: Int, headersWidth: Int, columnCount: Int, columnScroll: Int, rowScroll: Int) {
        let width = area.width
        self.columnCount = columnCount
        self.rowCount = rowCount
        labelWidth = min(labelsWidth + 1, max(10, width * 35 / 100))
        let available = max(0, width - labelWidth - Self.totalWidth - Self.genderWidth - Self.minBarWidth)
        let ideal = min(Self.maxColumnWidth, max(Self.minColumnWidth, headersWidth + 1))
        let count = max(1, columnCount)
        if count * ideal <= available {
            columnWidth = ideal
            visibleColumns = columnCount
        } else if available / count >= Self.minColumnWidth {
            columnWidth = available / count
            visibleColumns = columnCount
        } else {
            columnWidth = Self.minColumnWidth
            visibleColumns = min(columnCount, max(1, available / Self.minColumnWidth))
        }
        firstColumn = min(max(0, columnScroll), max(0, columnCount - visibleColumns))
        barWidth = max(0, width - labelWidth - visibleColumns * columnWidth - Self.totalWidth - Self.genderWidth - 1)
        // Header, rows, total; then a blank line and the summary when there is room.
        visibleRows = min(rowCount, max(1, area.height - 4))
        firstRow = min(max(0, rowScroll), max(0, rowCount - visibleRows))
    }

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
        self.init(area: area, rowCount: matrix.rows.count, labelsWidth: labels.max() ?? 0, headersWidth: headers.max() ?? 0,
                  columnCount: matrix.columns.count, columnScroll: columnScroll, rowScroll: rowScroll)
    }

    /// The first column's header.
    static func corner(_ lang: Lang) -> String { lang.pick(fr: "Contraintes", en: "Constraints") }
    static func totalLabel(_ lang: Lang) -> String { "Total" }
}
