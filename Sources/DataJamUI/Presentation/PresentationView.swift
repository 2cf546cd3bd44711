import DataJamCore

enum PresentationView {
    static func render(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        guard let session = open.workshop.session(.presentation) else { return nil }
        let area = context.area.inset(horizontal: 2, vertical: 0)
        buffer.put(session.title, x: area.x, y: area.y, style: Theme.heading, maxWidth: area.width)
        let outline = session.outline
        guard outline.indices.contains(open.presentation.slide) else { return nil }
        let item = outline[open.presentation.slide]
        Draw.paragraph(item.title, in: area, y: area.y + 2, buffer: &buffer, style: .bold)
        return nil
    }
}
