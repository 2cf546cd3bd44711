import DataJamCore

/// Session 2 on screen: team tabs, the team's scope, its findings by kind and category, and the
/// capture line at the bottom.
enum BreakoutsView {
    static func render(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        let lang = context.lang
        let state = open.breakouts
        let workshop = open.workshop
        let layout = BreakoutsLayout(area: context.area, editorOpen: state.editor != nil)

        // Tabs: every team with its count, the current one highlighted; scrolled so it shows.
        let tabs = BreakoutsUpdate.tabs(open)
        var labels = tabs.map { id in " \(Vocabulary.teamName(id, in: workshop, lang: lang)) (\(state.counts[id] ?? 0)) " }
        let current = tabs.firstIndex { $0 == state.teamID } ?? 0
        var x = layout.tabs.x
        var start = 0
        while start < current, labels[start...current].reduce(0, { $0 + DisplayWidth.of($1) + 1 }) > layout.tabs.width {
            start += 1
        }
        if start > 0 { x += buffer.put("‹", x: x, y: layout.tabs.y, style: Theme.dim) }
        for index in start..<labels.count {
            labels[index] = TextWrap.truncate(labels[index], width: max(4, layout.tabs.maxX - x))
            let style = index == current ? Theme.activeTab : Style.bold
            let used = buffer.put(labels[index], x: x, y: layout.tabs.y, style: style, maxWidth: layout.tabs.maxX - x)
            x += used + 1
            if x >= layout.tabs.maxX { break }
        }

        // The team's scope, or the plenary's exercise.
        let scope = state.teamID.flatMap { workshop.teams.record(withID: $0)?.scope } ?? workshop.plenary.scope
        if !scope.isEmpty {
            buffer.put(TextWrap.truncate(scope, width: layout.scope.width), x: layout.scope.x, y: layout.scope.y, style: Theme.dim)
        }

        // The findings.
        let list = layout.list
        if state.rows.isEmpty {
            Draw.paragraph(lang.pick(fr: "Aucune trouvaille encore. Tapez-la : la ligne de saisie s’ouvre avec ce que vous tapez ; Tab y change le type (contrainte, opportunité, besoin en données, canal, acteur, cas d’usage, note).",
                                     en: "No finding yet. Type it: the capture line opens with what you type; Tab there changes the kind (constraint, opportunity, data need, channel, actor, use case, note)."),
                           in: list.inset(horizontal: 1, vertical: 0), y: list.y, buffer: &buffer, style: Theme.dim)
        }
        var y = list.y
        var rowIndex = min(state.scroll, max(0, state.rows.count - 1))
        while y < list.maxY, rowIndex < state.rows.count {
            switch state.rows[rowIndex] {
            case .heading(let kind, let categoryID, let count):
                var title = Vocabulary.kind(kind, plural: true)(lang)
                if let categoryID { title += " · " + Vocabulary.categoryLabel(categoryID, in: workshop) }
                buffer.put("▸ \(title) (\(count))", x: list.x, y: y, style: Theme.heading, maxWidth: list.width)
                y += 1
            case .finding(let id, let index):
                guard workshop.findings.indices.contains(index) else { break }
                let finding = workshop.findings[index]
                let selected = id == state.selectedID
                let text = FindingText.line(finding, in: workshop, lang: lang)
                let lines = TextWrap.wrap(text, width: max(1, list.width - BreakoutsLayout.textIndent))
                let direction = BidiLayout.direction(of: text)  // an Arabic finding is right-aligned, every line
                let style = selected ? Theme.selection : Style.plain
                for (n, line) in lines.prefix(8).enumerated() where y < list.maxY {
                    if selected { buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: style) }
                    if n == 0 {
                        buffer.put(selected ? "›" : " ", x: list.x, y: y, style: style)
                        if finding.gender { buffer.put("♀", x: list.x + 2, y: y, style: selected ? style : Theme.gender) }
                        if finding.samePointAs != nil { buffer.put("=", x: list.x + 1, y: y, style: style) }
                    }
                    buffer.putLine(line, of: direction, x: list.x + BreakoutsLayout.textIndent, y: y,
                                   width: list.width - BreakoutsLayout.textIndent, style: style)
                    y += 1
                }
            }
            rowIndex += 1
        }

        // The capture line.
        guard let editor = state.editor, layout.editor.height >= 2 else { return nil }
        let area = layout.editor
        buffer.fill(area.row(0), style: Theme.header)
        var label = " " + Vocabulary.kind(editor.kind)(lang)
        if editor.kind == .constraint { label += " ▸ " + Vocabulary.categoryLabel(editor.categoryID, in: workshop) }
        label += editor.gender ? "   ♀ " + lang.pick(fr: "genre", en: "gender") : ""
        let purpose = editor.editingID != nil ? lang.pick(fr: "Modification", en: "Editing")
            : lang.pick(fr: "Nouvelle trouvaille · \(Vocabulary.teamName(state.teamID, in: workshop, lang: lang))",
                        en: "New finding · \(Vocabulary.teamName(state.teamID, in: workshop, lang: lang))")
        let used = buffer.put(label, x: area.x, y: area.y, style: Theme.header)
        let hint = "  " + purpose + " · Tab " + lang.pick(fr: "type", en: "kind") + (editor.kind == .constraint ? " · ↑↓ " + lang.pick(fr: "catégorie", en: "category") : "")
        buffer.put(hint, x: area.x + used, y: area.y, style: Theme.header, maxWidth: area.width - used)
        let prompt = "› "
        let inputWidth = area.width - DisplayWidth.of(prompt)
        let (text, column) = editor.line.visible(width: max(1, inputWidth))
        buffer.put(prompt, x: area.x, y: area.y + 1, style: .bold)
        buffer.put(text, x: area.x + 2, y: area.y + 1)
        if area.height >= 3, editor.line.text.isEmpty {
            buffer.put(lang.pick(fr: "Tapez la trouvaille puis Entrée ; Échap pour sortir", en: "Type the finding, then Enter; Esc to leave"),
                       x: area.x + 2, y: area.y + 2, style: Theme.dim, maxWidth: area.width - 2)
        }
        return (area.x + 2 + column, area.y + 1)
    }
}
