import DataJamCore

/// Every finding of the day, grouped by kind and category, tagged with its team, with the teams
/// that made the same point after "=".
enum ConsolidatedView {
    static func render(_ open: OpenWorkshop, _ data: SynthesisData, _ layout: SynthesisLayout, into buffer: inout ScreenBuffer, _ context: ScreenContext) {
        let lang = context.lang
        let workshop = open.workshop
        let state = open.synthesis

        // The summary line, or what is marked and waiting for its pair.
        if let markedID = state.markedID, let marked = data.finding(markedID, in: workshop) {
            let parts = [lang.pick(fr: "◆ Marquée : ", en: "◆ Marked: ") + ConsolidatedUpdate.describe(marked, data, lang),
                         lang.pick(fr: "= sur l’autre pour relier", en: "= on the other to link")]
            buffer.put(SummaryLine.fit(parts, width: layout.summary.width),
                       x: layout.summary.x, y: layout.summary.y, style: Theme.warning, maxWidth: layout.summary.width)
        } else {
            let findings = SynthesisView.count(data.findingCount, fr: ("trouvaille", "trouvailles"), en: ("finding", "findings"), lang)
            let links = SynthesisView.count(data.linkCount, fr: ("lien « même point »", "liens « même point »"),
                                            en: ("“same point” link", "“same point” links"), lang)
            buffer.put(SummaryLine.fit([findings, links, lang.pick(fr: "= relie deux trouvailles", en: "= links two findings")], width: layout.summary.width),
                       x: layout.summary.x, y: layout.summary.y, style: Theme.dim, maxWidth: layout.summary.width)
        }

        let list = layout.list
        guard !data.rows.isEmpty else {
            Draw.paragraph(lang.pick(fr: "Aucune trouvaille encore : les équipes les saisissent en séance 2.",
                                     en: "No finding yet: teams capture them in session 2."),
                           in: list, y: list.y, buffer: &buffer, style: Theme.dim)
            return
        }
        let selectedRow = ConsolidatedUpdate.selectedRow(state, data)
        var rowIndex = ConsolidatedUpdate.scroll(state, data, workshop, context)
        var y = list.y
        while y < list.maxY, rowIndex < data.rows.count {
            switch data.rows[rowIndex] {
            case .heading(let kind, let categoryID, let count, let teams):
                buffer.put(ConsolidatedText.heading(kind: kind, categoryID: categoryID, count: count, teams: teams, workshop: workshop, lang: lang),
                           x: list.x, y: y, style: Theme.heading, maxWidth: list.width)
                y += 1
            case .finding(let id, _):
                guard let finding = data.finding(id, in: workshop) else { y += 1; break }
                let selected = rowIndex == selectedRow
                let style = selected ? Theme.selection : Style.plain
                let lines = ConsolidatedText.lines(finding, data: data, workshop: workshop, width: list.width, lang: lang)
                for (n, line) in lines.enumerated() where y < list.maxY {
                    if selected { buffer.fill(list.row(y - list.y), style: style) }
                    if n == 0 {
                        buffer.put(selected ? "›" : " ", x: list.x, y: y, style: style)
                        if id == state.markedID {
                            buffer.put("◆", x: list.x + 1, y: y, style: selected ? style : Theme.warning)
                        } else if data.isLinked(finding) {
                            buffer.put("=", x: list.x + 1, y: y, style: selected ? style : Theme.info)
                        }
                        if finding.gender { buffer.put("♀", x: list.x + 2, y: y, style: selected ? style : Theme.gender) }
                    }
                    buffer.put(line, x: list.x + ConsolidatedText.indent, y: y, style: style, maxWidth: list.width - ConsolidatedText.indent)
                    y += 1
                }
            }
            rowIndex += 1
        }
    }
}
