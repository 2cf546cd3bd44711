import DataJamCore

/// The constraint matrix: categories × teams with counts ("·" for none), the total and the
/// gender-flagged count of each category, a bar per category, the column totals, then a summary.
enum MatrixView {
    static func render(_ open: OpenWorkshop, _ data: SynthesisData, _ layout: SynthesisLayout, into buffer: inout ScreenBuffer, _ context: ScreenContext) {
        let lang = context.lang
        let workshop = open.workshop
        let matrix = data.matrix
        let area = layout.body
        guard area.height > 0, area.width > 0 else { return }
        guard !matrix.rows.isEmpty else {
            Draw.paragraph(lang.pick(fr: "Aucune catégorie de contraintes : ajoutez-en en séance 2 (F9).",
                                     en: "No constraint category: add some in session 2 (F9)."),
                           in: area, y: area.y, buffer: &buffer, style: Theme.dim)
            return
        }
        let m = MatrixLayout(area: area, matrix: matrix, workshop: workshop, tags: data.tags, lang: lang,
                             columnScroll: open.synthesis.matrixColumn, rowScroll: open.synthesis.matrixRow)
        let columns = m.firstColumn..<(m.firstColumn + m.visibleColumns)
        let widths = m.visibleWidths
        let totalX = area.x + m.labelWidth + m.offset(ofVisible: widths.count)
        let genderX = totalX + MatrixLayout.totalWidth
        let barX = genderX + MatrixLayout.genderWidth + 1

        func cells(_ y: Int, label: String, labelStyle: Style, values: [Int], total: Int, gender: Int, style: Style) {
            buffer.put(TextWrap.truncate(label, width: m.labelWidth - 1), x: area.x, y: y, style: labelStyle)
            for (n, column) in columns.enumerated() {
                buffer.put(number(values[column], width: widths[n]), x: area.x + m.labelWidth + m.offset(ofVisible: n), y: y, style: style)
            }
            buffer.put(number(total, width: MatrixLayout.totalWidth), x: totalX, y: y, style: .bold)
            buffer.put(number(gender, width: MatrixLayout.genderWidth), x: genderX, y: y, style: gender > 0 ? Theme.gender : style)
        }

        // Header: the teams, cut to their column; ‹ › when some are scrolled away.
        var y = area.y
        buffer.put(TextWrap.truncate(MatrixLayout.corner(lang), width: m.labelWidth - 1), x: area.x, y: y, style: Theme.heading)
        let names = headers(columns.map { matrix.label(of: matrix.columns[$0], tags: data.tags, lang: lang) }, widths: widths.map { $0 - 1 })
        for (n, name) in names.enumerated() {
            buffer.put(pad(name, widths[n]), x: area.x + m.labelWidth + m.offset(ofVisible: n), y: y, style: .bold)
        }
        buffer.put(pad(MatrixLayout.totalLabel(lang), MatrixLayout.totalWidth), x: totalX, y: y, style: .bold)
        buffer.put(pad("♀", MatrixLayout.genderWidth), x: genderX, y: y, style: Theme.gender)
        if m.hiddenLeft > 0 { buffer.put("‹", x: area.x + m.labelWidth - 1, y: y, style: Theme.warning) }
        if m.hiddenRight > 0 { buffer.put("›", x: totalX, y: y, style: Theme.warning) }
        y += 1

        // One line per category, with its bar.
        let rows = m.firstRow..<(m.firstRow + m.visibleRows)
        for rowIndex in rows where y < area.maxY {
            let row = matrix.rows[rowIndex]
            cells(y, label: matrix.label(of: row, in: workshop, lang: lang), labelStyle: .plain, values: row.counts,
                  total: row.total, gender: row.gender, style: .plain)
            if m.barWidth > 0 {
                buffer.put(Draw.bar(row.total, of: matrix.maxRowTotal, width: m.barWidth), x: barX, y: y, style: Theme.bar, maxWidth: m.barWidth)
            }
            if rowIndex == rows.lowerBound, rowIndex > 0 { buffer.put("↑", x: area.x + m.labelWidth - 1, y: y, style: Theme.warning) }
            if rowIndex == rows.upperBound - 1, rows.upperBound < matrix.rows.count {
                buffer.put("↓", x: area.x + m.labelWidth - 1, y: y, style: Theme.warning)
            }
            y += 1
        }

        // Column totals.
        if y < area.maxY {
            cells(y, label: MatrixLayout.totalLabel(lang), labelStyle: .bold, values: matrix.columnTotals, total: matrix.total,
                  gender: matrix.gender, style: .bold)
            y += 2
        }

        // Summary: every finding, the gender-flagged ones, the same-point links; which teams show.
        var parts = [lang.pick(fr: "Toutes trouvailles : \(data.findingCount)", en: "All findings: \(data.findingCount)"),
                     lang.pick(fr: "♀ genre : \(data.genderCount)", en: "♀ gender: \(data.genderCount)"),
                     lang.pick(fr: "liens « même point » : \(data.linkCount)", en: "“same point” links: \(data.linkCount)")]
        if m.hiddenLeft + m.hiddenRight > 0 {
            let first = m.firstColumn + 1
            let last = m.firstColumn + m.visibleColumns
            parts.append(lang.pick(fr: "colonnes \(first)–\(last) sur \(matrix.columns.count) (←→)",
                                   en: "columns \(first)–\(last) of \(matrix.columns.count) (←→)"))
        }
        for line in SummaryLine.wrap(parts, width: area.width) where y < area.maxY {
            buffer.put(line, x: area.x, y: y, style: Theme.dim)
            y += 1
        }
    }

    /// Team names cut to `width`; names that would then look alike keep their end too
    /// ("Équipe 1" and "Équipe 2" in five columns: "Éq…1", "Éq…2").
    static func headers(_ names: [String], width: Int) -> [String] {
        headers(names, widths: Array(repeating: width, count: names.count))
    }

    /// Team names each cut to its column's width.
    static func headers(_ names: [String], widths: [Int]) -> [String] {
        var cut = names.indices.map { TextWrap.truncate(names[$0], width: widths[$0]) }
        var seen: [String: Int] = [:]
        for name in cut { seen[name, default: 0] += 1 }
        for (n, name) in names.enumerated() where seen[cut[n], default: 0] > 1 && DisplayWidth.of(name) > widths[n] {
            let width = widths[n]
            let tail = TextWrap.prefix(of: String(name.reversed()), width: max(1, (width - 1) / 2))
            let head = TextWrap.prefix(of: name, width: max(0, width - 1 - DisplayWidth.of(tail)))
            cut[n] = head + "…" + String(tail.reversed())
        }
        return cut
    }

    /// A count right-aligned in `width` columns; "·" for zero.
    static func number(_ value: Int, width: Int) -> String {
        pad(value == 0 ? "·" : String(value), width)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
