import DataJamCore

/// The frame panel on screen: one labelled line (or paragraph) per field, the selected field's
/// label highlighted, scrolled so that it is always in view.
enum FrameView {
    /// Lines of the context shown before "… +n lines": the panel must leave room for the rest.
    static let contextLines = 6

    static func render(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ context: ScreenContext) {
        let lang = context.lang
        let selected = open.presentation.frame?.field ?? .theme
        let body = PresentationView.panelHeading(lang.pick(fr: "Cadre de l’atelier", en: "Workshop frame"), focused: true,
                                                 in: context.area, buffer: &buffer).inset(horizontal: 1, vertical: 0)
        guard !body.isEmpty else { return }
        let labelWidth = min(12, max(4, body.width / 4))
        let valueWidth = max(1, body.width - labelWidth - 1)
        var lines: [(field: FrameField, label: String, text: String, style: Style)] = []
        for field in FrameField.all {
            let values = self.values(field, open, context, width: valueWidth)
            for (i, value) in values.enumerated() {
                lines.append((field, i == 0 ? field.label(lang) : "", value.text, value.style))
            }
        }
        let first = lines.firstIndex { $0.field == selected } ?? 0
        let last = lines.lastIndex { $0.field == selected } ?? 0
        var scroll = 0
        if last >= body.height { scroll = min(first, last - body.height + 1) }
        for (row, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
            let y = body.y + row
            let isSelected = line.field == selected
            if !line.label.isEmpty {
                let label = TextWrap.fit(" " + line.label, width: labelWidth)
                buffer.put(label, x: body.x, y: y, style: isSelected ? Theme.selection : .bold)
            }
            buffer.put(line.text, x: body.x + labelWidth + 1, y: y, style: line.style, maxWidth: valueWidth)
        }
        // What does not fit is said, so the sessions below are not taken for missing.
        if scroll > 0 { buffer.put("▲", x: body.maxX - 1, y: body.y, style: Theme.dim) }
        if scroll + body.height < lines.count { buffer.put("▼", x: body.maxX - 1, y: body.maxY - 1, style: Theme.dim) }
    }

    /// The lines `field` takes, wrapped in `width`.
    static func values(_ field: FrameField, _ open: OpenWorkshop, _ context: ScreenContext, width: Int) -> [(text: String, style: Style)] {
        let lang = context.lang
        let details = open.workshop.details
        let empty = [(text: lang.pick(fr: "(vide : Entrée pour écrire)", en: "(empty: Enter to write)"), style: Theme.dim)]
        func wrapped(_ text: String, limit: Int = .max) -> [(text: String, style: Style)] {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return empty }
            let lines = TextWrap.wrap(text, width: width)
            guard lines.count > limit else { return lines.map { ($0, Style.plain) } }
            return lines.prefix(limit - 1).map { ($0, Style.plain) }
                + [(lang.pick(fr: "… +\(lines.count - limit + 1) lignes", en: "… +\(lines.count - limit + 1) lines"), Theme.dim)]
        }
        switch field {
        case .theme: return wrapped(details.theme, limit: 2)
        case .date:
            guard let date = details.date else { return empty }
            return [("\(LongDate.text(date, lang: lang)) (\(date))", .plain)]
        case .city: return wrapped(details.city, limit: 1)
        case .timeZone:
            guard let name = details.timeZone else {
                return [(lang.pick(fr: "(aucun : l’heure de cette machine)", en: "(none: this machine's clock)"), Theme.dim)]
            }
            let offset = open.clockOffset(at: context.now, machine: context.utcOffsetSeconds)
            return wrapped("\(name) (\(ClockFormat.utcOffset(offset)))", limit: 1)
        case .focus: return wrapped(details.focus, limit: 3)
        case .context: return wrapped(details.context, limit: contextLines)
        case .objectives:
            guard !details.objectives.isEmpty else { return empty }
            return details.objectives.flatMap { objective in
                PanelLine.bulleted(objective, bullet: "• ", width: width).map { (String(repeating: " ", count: $0.indent) + $0.text, Style.plain) }
            }
        case .session(let phase):
            guard let session = open.workshop.session(phase) else { return empty }
            let day = FrameUpdate.workshopDay(open, context)
            var parts = [session.title.isEmpty ? lang.pick(fr: "(sans titre)", en: "(no title)") : session.title]
            parts.append(session.plannedMinutes.map { lang.pick(fr: "prévu \($0) min", en: "planned \($0) min") }
                         ?? lang.pick(fr: "durée non prévue", en: "no planned time"))
            if let start = session.startedAt {
                let from = LocalTime.text(start, day: day, offsetSeconds: FrameUpdate.offset(open, context))
                let to = session.endedAt.map { LocalTime.text($0, day: day, offsetSeconds: FrameUpdate.offset(open, context)) } ?? "…"
                parts.append("\(from)–\(to)")
            } else {
                parts.append(lang.pick(fr: "pas commencée", en: "not started"))
            }
            return ParticipantsText.pack(parts, width: width).map { ($0, .plain) }
        }
    }
}
