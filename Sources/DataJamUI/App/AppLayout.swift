/// The frame every screen shares: a header line, the content, a status line and the footer.
public struct AppLayout: Sendable {
    public var header: Rect
    public var content: Rect
    public var status: Rect
    public var footer: Rect

    public init(width: Int, height: Int) {
        var rest = Rect(x: 0, y: 0, width: max(0, width), height: max(0, height))
        (header, rest) = rest.splitTop(1)
        (rest, footer) = rest.splitBottom(1)
        (rest, status) = rest.splitBottom(1)
        // A blank line under the header keeps it readable on a projector.
        content = rest.inset(top: 1)
    }
}
