import DataJamCore

/// One outline item drawn as a slide: in its panel while preparing, or alone for the projector.
enum SlideView {
    /// "Diapositive 2/4 · Présentation du programme national d’open data" over the slide.
    static func renderPanel(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ area: Rect, focused: Bool, lang: Lang) {
        let session = open.workshop.session(.presentation)
        let outline = session?.outline ?? []
        let index = open.presentation.slideIndex(count: outline.count)
        var heading = outline.isEmpty ? lang.pick(fr: "Diapositives", en: "Slides")
            : PresentationPanel.slides.title(lang) + " \(index + 1)/\(outline.count)"
        if let title = session?.title, !title.isEmpty { heading += " · " + title }
        let body = PresentationView.panelHeading(heading, focused: focused, in: area, buffer: &buffer)
            .inset(horizontal: 2, vertical: 0)
        guard !body.isEmpty else { return }
        guard outline.indices.contains(index) else {
            Draw.paragraph(focused ? lang.pick(fr: "Aucune diapositive : a pour en ajouter une.", en: "No slide: a to add one.")
                                   : lang.pick(fr: "Aucune diapositive.", en: "No slide."),
                           in: body, y: body.y, buffer: &buffer, style: Theme.dim)
            return
        }
        let item = outline[index]
        var lines = TextWrap.wrap(item.title, width: body.width).map { PanelLine($0, style: Theme.heading) }
        for point in item.points {
            lines += PanelLine.bulleted(point, bullet: "• ", width: body.width)
        }
        if item.points.isEmpty {
            lines.append(PanelLine(focused ? lang.pick(fr: "Pas encore de points : e pour les écrire.", en: "No points yet: e to write them.")
                                           : lang.pick(fr: "(aucun point)", en: "(no points)"), style: Theme.dim))
        }
        PanelLine.draw(lines, in: body, buffer: &buffer)
    }

    /// The slide alone: its title centred and underlined, its points in a comfortable column,
    /// and a discreet line with the workshop's theme, date and city and the slide's number.
    static func renderProjected(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ area: Rect, lang: Lang) {
        let outline = open.workshop.session(.presentation)?.outline ?? []
        let index = open.presentation.slideIndex(count: outline.count)
        let (main, footer) = area.splitBottom(1)
        renderFooterLine(open.workshop.details, slide: outline.isEmpty ? nil : (index + 1, outline.count), in: footer, buffer: &buffer, lang: lang)

        let width = min(main.width - 4, 100)
        let content = Rect(x: main.x + (main.width - width) / 2, y: main.y, width: width, height: main.height)
            .inset(top: main.height > 8 ? 1 : 0)
        guard content.width > 0, content.height > 0 else { return }
        guard outline.indices.contains(index) else {
            centred(lang.pick(fr: "Aucune diapositive", en: "No slide"), in: content, y: content.y, style: Theme.dim, buffer: &buffer)
            return
        }
        let item = outline[index]
        let titleLines = TextWrap.wrap(item.title, width: content.width)
        // Points, with a blank line between them when there is room: easier to read from afar.
        let pointLines = item.points.map { PanelLine.bulleted($0, bullet: "•  ", width: content.width) }
        var y = content.y
        if pointLines.isEmpty {
            // A title alone (a section of the talk) sits in the middle of the screen.
            y = content.y + max(0, (content.height - titleLines.count - 1) / 2)
        }
        for line in titleLines where y < content.maxY {
            centred(line, in: content, y: y, style: Theme.heading, buffer: &buffer)
            y += 1
        }
        let ruleWidth = titleLines.map { DisplayWidth.of($0) }.max() ?? 0
        if y < content.maxY {
            centred(String(repeating: "━", count: ruleWidth), in: content, y: y, style: Theme.heading, buffer: &buffer)
            y += 2
        }
        let room = content.maxY - y
        let spaced = pointLines.reduce(0) { $0 + $1.count } + max(0, pointLines.count - 1) <= room
        var lines: [PanelLine] = []
        for (i, point) in pointLines.enumerated() {
            if spaced, i > 0 { lines.append(PanelLine("")) }
            lines += point
        }
        // The points as one block, left-aligned, centred under the title.
        let blockWidth = lines.map { $0.indent + DisplayWidth.of($0.text) }.max() ?? 0
        let x = content.x + max(0, (content.width - blockWidth) / 2)
        PanelLine.draw(lines, in: Rect(x: x, y: y, width: content.maxX - x, height: max(0, content.maxY - y)), buffer: &buffer)
    }

    /// "Économie numérique · 27 novembre 2023 · Tunis" on the left, "2/4" on the right, dim.
    static func renderFooterLine(_ details: WorkshopDetails, slide: (Int, Int)?, in line: Rect, buffer: inout ScreenBuffer, lang: Lang) {
        guard !line.isEmpty else { return }
        let number = slide.map { "\($0.0)/\($0.1)" } ?? ""
        let inner = line.inset(horizontal: 1, vertical: 0)
        let numberWidth = DisplayWidth.of(number)
        if numberWidth > 0 { buffer.put(number, x: inner.maxX - numberWidth, y: inner.y, style: Theme.dim) }
        let parts = [details.theme, details.date.map { LongDate.text($0, lang: lang) } ?? "", details.city]
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let room = inner.width - numberWidth - 2
        buffer.put(TextWrap.truncate(parts.joined(separator: " · "), width: room), x: inner.x, y: inner.y, style: Theme.dim)
    }

    private static func centred(_ text: String, in area: Rect, y: Int, style: Style, buffer: inout ScreenBuffer) {
        let shown = TextWrap.truncate(text, width: area.width)
        buffer.put(shown, x: area.x + (area.width - DisplayWidth.of(shown)) / 2, y: y, style: style, maxWidth: area.width)
    }
}
