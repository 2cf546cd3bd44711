import DataJamCore

/// Session 1 on screen: the current slide, the participants and the facilitator's notes; or, in
/// projection mode, the slide alone for the room.
enum PresentationView {
    static func render(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        let state = open.presentation
        if state.frame != nil, !state.projecting {
            FrameView.render(open, into: &buffer, context)
            return nil
        }
        let layout = PresentationLayout(area: context.area, projecting: state.projecting, focus: state.focus)
        if state.projecting {
            SlideView.renderProjected(open, into: &buffer, layout.slide, lang: context.lang)
            return nil
        }
        SlideView.renderPanel(open, into: &buffer, layout.slide, focused: state.focus == .slides, lang: context.lang)
        if let separator = layout.separator {
            for y in separator.y..<separator.maxY { buffer.put("│", x: separator.x, y: y, style: Theme.dim) }
        }
        if let area = layout.participants {
            ParticipantsView.render(open, into: &buffer, area, focused: state.focus == .participants, lang: context.lang)
        }
        if let area = layout.notes {
            renderNotes(open, into: &buffer, area, focused: state.focus == .notes, lang: context.lang)
        }
        return nil
    }

    /// A panel's title line: `▶ Participants ─────` when it has the focus (the editing keys act
    /// on it), `  Participants ─────` otherwise. Returns the area below it.
    @discardableResult
    static func panelHeading(_ title: String, focused: Bool, in area: Rect, buffer: inout ScreenBuffer) -> Rect {
        let (line, rest) = area.splitTop(1)
        guard !line.isEmpty else { return rest }
        let label = (focused ? "▶ " : "  ") + title + " "
        let used = buffer.put(TextWrap.truncate(label, width: line.width), x: line.x, y: line.y,
                              style: focused ? Theme.activeTab : .bold, maxWidth: line.width)
        if line.width > used {
            buffer.put(String(repeating: "─", count: line.width - used), x: line.x + used, y: line.y,
                       style: focused ? Theme.popupBorder : Theme.dim)
        }
        return rest
    }

    static func renderNotes(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ area: Rect, focused: Bool, lang: Lang) {
        let body = panelHeading(PresentationPanel.notes.title(lang), focused: focused, in: area, buffer: &buffer)
            .inset(horizontal: 2, vertical: 0)
        guard !body.isEmpty else { return }
        let notes = open.workshop.details.facilitatorNotes
        if notes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            Draw.paragraph(focused ? lang.pick(fr: "Aucune note : e pour écrire.", en: "No notes: e to write.")
                                   : lang.pick(fr: "Aucune note : Tab jusqu’ici, puis e pour écrire.", en: "No notes: Tab to here, then e to write."),
                           in: body, y: body.y, buffer: &buffer, style: Theme.dim)
            return
        }
        let lines = TextWrap.wrap(notes, width: body.width).map { PanelLine($0) }
        PanelLine.draw(lines, in: body, buffer: &buffer)
    }
}
