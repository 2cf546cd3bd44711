/// Undo and redo for every edit of a workshop.
///
/// Entries hold the changes that revert an action, not copies of the workshop, so undoing is
/// cheap at 10,000 findings, and an undo is itself an ordinary, freshly stamped change that saves
/// and merges like any other.
public struct EditHistory: Sendable {
    public struct Entry: Sendable, Hashable {
        /// What the action was, for the status line ("Deleted finding").
        public var label: String
        public var changes: [WorkshopChange]
    }

    public private(set) var undoStack: [Entry] = []
    public private(set) var redoStack: [Entry] = []
    /// Oldest entries are dropped past this depth.
    public var limit = 500

    public init() {}

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Performs `changes` on `workshop` as one undoable action.
    public mutating func perform(_ changes: [WorkshopChange], label: String, on workshop: inout Workshop, now: Timestamp = .now()) {
        guard !changes.isEmpty else { return }
        let inverse = changes.map { workshop.apply($0, now: now) }.reversed()
        undoStack.append(Entry(label: label, changes: Array(inverse)))
        if undoStack.count > limit { undoStack.removeFirst(undoStack.count - limit) }
        redoStack.removeAll()
    }

    /// Reverts the last action; returns its label, or nil when there is nothing to undo.
    public mutating func undo(on workshop: inout Workshop, now: Timestamp = .now()) -> String? {
        guard let entry = undoStack.popLast() else { return nil }
        let inverse = entry.changes.map { workshop.apply($0, now: now) }.reversed()
        redoStack.append(Entry(label: entry.label, changes: Array(inverse)))
        return entry.label
    }

    /// Re-applies the last undone action; returns its label, or nil when there is nothing to redo.
    public mutating func redo(on workshop: inout Workshop, now: Timestamp = .now()) -> String? {
        guard let entry = redoStack.popLast() else { return nil }
        let inverse = entry.changes.map { workshop.apply($0, now: now) }.reversed()
        undoStack.append(Entry(label: entry.label, changes: Array(inverse)))
        return entry.label
    }
}
