/// Where a list of session 3 stands: the selected item (by id, so the selection survives edits and
/// merges), the row it was last seen at, and the first row shown.
public struct ListPosition<ID: Hashable & Sendable>: Sendable, Equatable {
    public var selectedID: ID?
    /// Where the selection falls back to when its item leaves the list.
    public var selectedRow = 0
    public var scroll = 0

    public init() {}

    /// The selected row: the selected item's row while it is listed, else the selectable row
    /// nearest to where it was. Nil for an empty list.
    func row(count: Int, rowOf: (ID) -> Int?, isSelectable: (Int) -> Bool) -> Int? {
        if let selectedID, let row = rowOf(selectedID), row < count { return row }
        return ListPosition.nearest(to: selectedRow, count: count, isSelectable: isSelectable)
    }

    /// Selects `row` (nil: nothing).
    mutating func select(_ row: Int?, id: (Int) -> ID?) {
        guard let row else {
            selectedID = nil
            return
        }
        selectedRow = row
        selectedID = id(row)
    }

    /// After the list was rebuilt: the selection moves to the nearest row if its item went.
    mutating func settle(count: Int, rowOf: (ID) -> Int?, isSelectable: (Int) -> Bool, id: (Int) -> ID?) {
        select(row(count: count, rowOf: rowOf, isSelectable: isSelectable), id: id)
        scroll = min(scroll, max(0, count - 1))
    }

    /// The selectable row nearest to `row`, looking down first.
    static func nearest(to row: Int, count: Int, isSelectable: (Int) -> Bool) -> Int? {
        guard count > 0 else { return nil }
        let start = min(max(0, row), count - 1)
        if let down = (start..<count).first(where: isSelectable) { return down }
        return (0..<start).reversed().first(where: isSelectable)
    }

    /// The row `delta` rows away from `row`, moved on in the same direction past rows that cannot
    /// be selected (headings); back the other way at the ends.
    static func step(from row: Int?, by delta: Int, count: Int, isSelectable: (Int) -> Bool) -> Int? {
        guard count > 0 else { return nil }
        let target = min(max(0, (row ?? (delta > 0 ? -1 : count)) + delta), count - 1)
        if delta < 0, let up = (0...target).reversed().first(where: isSelectable) { return up }
        return nearest(to: target, count: count, isSelectable: isSelectable)
    }
}

extension ListPosition {
    /// Moves the selection for a navigation action (↑↓, PgUp PgDn, Home End); false for any other
    /// action.
    mutating func move(_ action: SynthesisAction, count: Int, page: Int, rowOf: (ID) -> Int?,
                       isSelectable: (Int) -> Bool, id: (Int) -> ID?) -> Bool {
        let current = row(count: count, rowOf: rowOf, isSelectable: isSelectable)
        let target: Int?
        switch action {
        case .up: target = Self.step(from: current, by: -1, count: count, isSelectable: isSelectable)
        case .down: target = Self.step(from: current, by: 1, count: count, isSelectable: isSelectable)
        case .pageUp: target = Self.step(from: current, by: -page, count: count, isSelectable: isSelectable)
        case .pageDown: target = Self.step(from: current, by: page, count: count, isSelectable: isSelectable)
        case .top: target = Self.step(from: nil, by: 1, count: count, isSelectable: isSelectable)
        case .bottom: target = Self.step(from: nil, by: -1, count: count, isSelectable: isSelectable)
        default: return false
        }
        select(target, id: id)
        return true
    }
}
