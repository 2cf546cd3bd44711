/// A rectangle of screen cells, for laying views out.
///
/// Sizes never go negative: every helper clamps, so layout code can subtract borders and margins freely on a
/// tiny terminal and simply get empty rectangles, which draw nothing, instead of crashing.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int { didSet { width = max(0, width) } }
    public var height: Int { didSet { height = max(0, height) } }

    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(width: 0, height: 0)

    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The overlap of two rectangles (empty, positioned at the clamped corner, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// Shrinks by the given margins on each side, e.g. to leave room for a border.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// Shrinks by `amount` on all four sides.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks by `horizontal` on the left and right and `vertical` at the top and bottom.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }

    /// The first `rows` rows (a title bar) and what remains below.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: taken),
                Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// The last `rows` rows (a footer or status line) and what remains above.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - taken),
                Rect(x: x, y: maxY - taken, width: width, height: taken))
    }

    /// The first `columns` columns (a sidebar) and what remains to the right.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: taken, height: height),
                Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// The last `columns` columns and what remains to the left.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let taken = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: width - taken, height: height),
                Rect(x: maxX - taken, y: y, width: taken, height: height))
    }

    /// `count` stacked bands of (nearly) equal height covering the rectangle; the first bands get the spare
    /// rows when the height does not divide evenly.
    public func splitRows(_ count: Int) -> [Rect] {
        Rect.shares(of: height, count: count).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.size) }
    }

    /// `count` side-by-side columns of (nearly) equal width; the first ones get the spare columns.
    public func splitColumns(_ count: Int) -> [Rect] {
        Rect.shares(of: width, count: count).map { Rect(x: x + $0.offset, y: y, width: $0.size, height: height) }
    }

    /// Row `index` of the rectangle as a one-row rectangle (empty outside the rectangle).
    public func row(_ index: Int) -> Rect {
        guard index >= 0 && index < height else { return Rect(x: x, y: y + max(0, index), width: 0, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// A `width` × `height` rectangle centred in this one and clipped to it: where dialogs and popups go.
    public func centered(width boxWidth: Int, height boxHeight: Int) -> Rect {
        let w = min(max(0, boxWidth), width)
        let h = min(max(0, boxHeight), height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }

    private static func shares(of total: Int, count: Int) -> [(offset: Int, size: Int)] {
        guard count > 0 else { return [] }
        let base = total / count
        let spare = total % count
        var offset = 0
        return (0..<count).map { index in
            let size = base + (index < spare ? 1 : 0)
            defer { offset += size }
            return (offset, size)
        }
    }
}
