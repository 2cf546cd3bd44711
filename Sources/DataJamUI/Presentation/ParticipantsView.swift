import DataJamCore

/// The participants panel: each group (headcount, gender balance, organisations), the selected
/// one highlighted while the panel has the focus, and the totals on the panel's last line.
enum ParticipantsView {
    /// Columns a group's details are indented by, under its name.
    static let detailIndent = 4

    static func render(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ area: Rect, focused: Bool, lang: Lang) {
        let groups = open.workshop.participantGroups.live
        var heading = PresentationPanel.participants.title(lang)
        let legend = " · " + ParticipantsText.legend(lang)
        if DisplayWidth.of(heading + legend) + 6 <= area.width, !groups.isEmpty { heading += legend }
        let body = PresentationView.panelHeading(heading, focused: focused, in: area, buffer: &buffer)
            .inset(top: 0, left: 0, bottom: 0, right: 1)
        guard !body.isEmpty else { return }
        guard !groups.isEmpty else {
            Draw.paragraph(focused ? lang.pick(fr: "Aucun groupe : a pour en ajouter un (depuis la feuille d’émargement).",
                                               en: "No group: a to add one (from the sign-in sheet).")
                                   : lang.pick(fr: "Aucun groupe : Tab jusqu’ici, puis a pour en ajouter un.",
                                               en: "No group: Tab to here, then a to add one."),
                           in: body.inset(horizontal: 2, vertical: 0), y: body.y, buffer: &buffer, style: Theme.dim)
            return
        }

        // The totals, pinned to the bottom: on one line if need be without the bars, then without the
        // word "participants"; else on two lines, bars included.
        var list = body
        if body.height >= 3 {
            func packed(bars: Bool, short: Bool) -> [String] {
                ParticipantsText.pack(ParticipantsText.total(groups, bars: bars, short: short, lang: lang), width: body.width - 2)
            }
            let candidates = [packed(bars: true, short: false), packed(bars: false, short: false), packed(bars: false, short: true)]
            let chosen = candidates.first { $0.count == 1 } ?? (candidates[0].count <= 2 ? candidates[0] : candidates[2])
            let totals = chosen.map { PanelLine($0, indent: 2, style: .bold) }
            let rows = min(totals.count, 2)
            let totalArea: Rect
            (list, totalArea) = body.splitBottom(rows)
            PanelLine.draw(Array(totals.prefix(rows)), in: totalArea, buffer: &buffer)
        }

        let selected = open.presentation.groupIndex(in: groups) ?? 0
        var blocks = groups.map { lines(for: $0, width: list.width, organisationLines: 2, lang: lang) }
        if blocks.reduce(0, { $0 + $1.count }) > list.height {
            // Short of room: one line of organisations, except for the selected group.
            blocks = groups.indices.map { lines(for: groups[$0], width: list.width, organisationLines: $0 == selected ? 2 : 1, lang: lang) }
        }
        var rows = list.height
        var first = 0
        var last = groups.count - 1
        if blocks.reduce(0, { $0 + $1.count }) > rows {
            // The last row tells how many groups are off screen; the selected one stays on it.
            rows -= 1
            while first < selected, blocks[first...selected].reduce(0, { $0 + $1.count }) > rows { first += 1 }
            var used = 0
            last = first
            while last < groups.count, used + blocks[last].count <= rows || last == first {
                used += blocks[last].count
                last += 1
            }
            last -= 1
            let hidden = groups.count - (last - first + 1)
            if hidden > 0, list.height > 0 {
                let more = lang.pick(fr: hidden > 1 ? "… \(hidden) autres groupes (↑↓)" : "… 1 autre groupe (↑↓)",
                                     en: hidden > 1 ? "… \(hidden) more groups (↑↓)" : "… 1 more group (↑↓)")
                buffer.put(more, x: list.x + 2, y: list.maxY - 1, style: Theme.dim, maxWidth: list.width - 2)
            }
        }
        var y = list.y
        for index in first...max(first, last) where index < groups.count {
            let highlighted = focused && index == selected
            for (n, line) in blocks[index].enumerated() where y < list.y + rows {
                var style = line.style
                if highlighted {
                    buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: Theme.selection)
                    style = Theme.selection
                }
                if n == 0 { buffer.put(highlighted ? "›" : " ", x: list.x, y: y, style: style) }
                buffer.put(line.text, x: list.x + line.indent, y: y, style: style, maxWidth: list.width - line.indent)
                y += 1
            }
        }
    }

    /// A group's lines: its name and headcount, its balance, its organisations (in `organisationLines` at most).
    static func lines(for group: ParticipantGroup, width: Int, organisationLines: Int = 2, lang: Lang) -> [PanelLine] {
        var lines = TextWrap.wrap(ParticipantsText.title(group, lang: lang), width: max(1, width - 2))
            .map { PanelLine($0, indent: 2, style: .bold) }
        let detailWidth = max(1, width - detailIndent)
        lines += ParticipantsText.pack(ParticipantsText.balance(group, lang: lang), width: detailWidth)
            .map { PanelLine($0, indent: detailIndent, style: Theme.bar) }
        lines += ParticipantsText.organisations(group.organisations, width: detailWidth, maxLines: organisationLines, lang: lang)
            .map { PanelLine($0, indent: detailIndent, style: Theme.dim) }
        return lines
    }
}
