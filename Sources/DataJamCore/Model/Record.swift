/// A record the session file keeps by id, and that concurrent writers and `merge` reconcile.
///
/// Records are never removed from a file: deleting one sets `deletedAt` (a tombstone), so a copy
/// that still holds the record cannot bring it back when the two are merged.
public protocol Record: Identifiable, Hashable, Sendable where ID == String {
    var id: String { get }
    var createdAt: Timestamp { get }
    var updatedAt: Timestamp { get }
    var deletedAt: Timestamp? { get }
}

extension Record {
    @inlinable
    public var isDeleted: Bool { deletedAt != nil }
}

extension Array where Element: Record {
    /// The records that are not deleted, in file order.
    // Inlinable so that callers in other modules get a specialised loop instead of copying every
    // record through the generic protocol: these run on 10,000 findings at every keystroke.
    @inlinable
    public var live: [Element] { filter { !$0.isDeleted } }

    @inlinable
    public func record(withID id: String) -> Element? { index(ofID: id).map { self[$0] } }

    @inlinable
    public func index(ofID id: String) -> Int? { firstIndex { $0.id == id } }
}
