import DataJamCore

/// The five lists of the conclusions, each under its heading; an empty one says how to fill it.
enum ConclusionsView {
    static func render(_ open: OpenWorkshop, _ data: SynthesisData, _ layout: SynthesisLayout, into buffer: inout ScreenBuffer, _ context: ScreenContext) {
        let lang = context.lang
        let state = open.synthesis
        let synthesis = open.workshop.synthesis
        let items = SynthesisView.count(data.conclusionItems, fr: ("élément", "éléments"), en: ("item", "items"), lang)
        let parts = [lang.pick(fr: "\(items) dans \(ConclusionSection.allCases.count) rubriques", en: "\(items) in \(ConclusionSection.allCases.count) sections"),
                     lang.pick(fr: "←→ rubrique précédente / suivante", en: "←→ previous / next section")]
        buffer.put(SummaryLine.fit(parts, width: layout.summary.width),
                   x: layout.summary.x, y: layout.summary.y, style: Theme.dim, maxWidth: layout.summary.width)

        let list = layout.list
        let selectedRow = ConclusionsUpdate.selectedRow(state, data)
        var rowIndex = ConclusionsUpdate.scroll(state, data, open.workshop, context)
        var y = list.y
        while y < list.maxY, rowIndex < data.conclusions.count {
            let row = data.conclusions[rowIndex]
            let selected = rowIndex == selectedRow
            let style = selected ? Theme.selection : Style.plain
            switch row {
            case .heading(let section, let count):
                if selected { buffer.fill(list.row(y - list.y), style: style) }
                buffer.put((selected ? "› " : "▸ ") + ConclusionText.heading(section, count: count, lang: lang), x: list.x, y: y,
                           style: selected ? style : Theme.heading, maxWidth: list.width)
                y += 1
                if count == 0, y < list.maxY {
                    buffer.put(ConclusionText.empty(lang: lang), x: list.x + ConclusionText.indent, y: y, style: Theme.dim,
                               maxWidth: list.width - ConclusionText.indent)
                    y += 1
                }
            case .item:
                for (n, line) in ConclusionText.lines(row, in: synthesis, width: list.width, lang: lang).enumerated() where y < list.maxY {
                    if selected { buffer.fill(list.row(y - list.y), style: style) }
                    if n == 0, selected { buffer.put("›", x: list.x, y: y, style: style) }
                    buffer.put(line, x: list.x + ConclusionText.indent, y: y, style: style, maxWidth: list.width - ConclusionText.indent)
                    y += 1
                }
            }
            rowIndex += 1
        }
    }
}
