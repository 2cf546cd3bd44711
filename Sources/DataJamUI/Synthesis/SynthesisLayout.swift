/// Where session 3's parts go in its area, shared by the view and by the update (which scrolls).
struct SynthesisLayout {
    /// The sub-view tabs.
    var tabs: Rect
    /// Everything under the tabs: the matrix's table.
    var body: Rect
    /// The lists' one-line summary, and the list under it.
    var summary: Rect
    var list: Rect

    init(area: Rect) {
        (tabs, body) = area.splitTop(1)
        (summary, list) = body.splitTop(1)
    }

    /// Rows moved by PgUp and PgDn in a list of `height` lines.
    static func page(_ height: Int) -> Int { max(1, height - 2) }
}
