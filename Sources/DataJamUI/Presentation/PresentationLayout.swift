/// Where session 1's panels go. Side by side from `sideBySideWidth` columns (slide left,
/// participants and notes right); stacked below that, and on a short screen the slide shares it
/// with one panel only: the focused one, else the participants. Projecting: the slide alone.
struct PresentationLayout: Equatable {
    var slide: Rect
    var participants: Rect?
    var notes: Rect?
    /// The column between the slide and the right-hand panels, when side by side.
    var separator: Rect?

    static let sideBySideWidth = 100
    /// Below this height, stacked, the three panels do not all fit.
    static let allStackedHeight = 17

    init(area: Rect, projecting: Bool, focus: PresentationPanel) {
        participants = nil
        notes = nil
        separator = nil
        if projecting {
            slide = area
            return
        }
        if area.width >= Self.sideBySideWidth {
            let (left, rest) = area.splitLeft(area.width * 3 / 5)
            let (bar, right) = rest.splitLeft(1)
            slide = left
            separator = bar
            let (top, bottom) = right.splitBottom(max(4, right.height / 3))
            participants = top
            notes = bottom
            return
        }
        if area.height >= Self.allStackedHeight {
            let (top, rest) = area.splitTop(area.height * 2 / 5)
            let (middle, bottom) = rest.splitBottom(3)
            slide = top
            participants = middle
            notes = bottom
            return
        }
        let (top, bottom) = area.splitTop((area.height + 1) / 2)
        slide = top
        if focus == .notes { notes = bottom } else { participants = bottom }
    }
}
