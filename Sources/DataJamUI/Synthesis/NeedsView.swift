import DataJamCore

/// The data needs, highest priority first: rank, priority (relevance × impact), the need, then its
/// team, producer, availability, sex disaggregation and scores.
enum NeedsView {
    static func render(_ open: OpenWorkshop, _ data: SynthesisData, _ layout: SynthesisLayout, into buffer: inout ScreenBuffer, _ context: ScreenContext) {
        let lang = context.lang
        let workshop = open.workshop
        let state = open.synthesis
        let unscored = data.needs.count - data.scoredNeeds
        let parts = [lang.pick(fr: "Classés par pertinence × impact", en: "Ranked by relevance × impact"),
                     lang.pick(fr: "\(data.scoredNeeds) noté\(data.scoredNeeds > 1 ? "s" : "")", en: "\(data.scoredNeeds) scored"),
                     lang.pick(fr: "\(unscored) non noté\(unscored > 1 ? "s" : "") (en dernier)", en: "\(unscored) not scored (last)"),
                     lang.pick(fr: "notes de 1 à 5", en: "scores 1 to 5")]
        buffer.put(SummaryLine.fit(parts, width: layout.summary.width),
                   x: layout.summary.x, y: layout.summary.y, style: Theme.dim, maxWidth: layout.summary.width)

        let list = layout.list
        guard !data.needs.isEmpty else {
            Draw.paragraph(lang.pick(fr: "Aucun besoin en données : les équipes les saisissent en séance 2 (d).",
                                     en: "No data need: teams capture them in session 2 (d)."),
                           in: list, y: list.y, buffer: &buffer, style: Theme.dim)
            return
        }
        let selectedRow = NeedsUpdate.selectedRow(state, data)
        var rowIndex = NeedsUpdate.scroll(state, data, workshop, context)
        var y = list.y
        while y < list.maxY, rowIndex < data.needs.count {
            let need = data.needs[rowIndex]
            guard let finding = data.finding(need.id, in: workshop) else { rowIndex += 1; continue }
            let selected = rowIndex == selectedRow
            let style = selected ? Theme.selection : Style.plain
            let (text, details) = NeedText.lines(finding, tags: data.tags, width: list.width, lang: lang)
            for (n, line) in (text + details).enumerated() where y < list.maxY {
                if selected { buffer.fill(list.row(y - list.y), style: style) }
                if n == 0 { buffer.put(NeedText.prefix(need, finding: finding, selected: selected), x: list.x, y: y, style: selected ? style : .bold) }
                buffer.put(line, x: list.x + NeedText.indent, y: y, style: n < text.count || selected ? style : Theme.dim,
                           maxWidth: list.width - NeedText.indent)
                y += 1
            }
            rowIndex += 1
        }
    }
}
