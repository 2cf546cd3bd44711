/// Reconciling two versions of the same thing: the later change wins.
///
/// The rule is a join: commutative, associative and idempotent, so merging copies in any order,
/// any number of times, gives the same workshop. Ties on the timestamp are broken first in favour
/// of a deletion (deleted stays deleted), then by a stable comparison of the contents, never by
/// argument order.
enum LastWriterWins {
    static func pick<T: Equatable>(_ a: T, _ b: T, updatedAt: (T) -> Timestamp, deleted: (T) -> Bool = { _ in false }) -> T {
        let ta = updatedAt(a), tb = updatedAt(b)
        if ta != tb { return ta > tb ? a : b }
        // The common case when merging copies: the same version on both sides. Checked before
        // the content comparison below, which is slow (it formats both values).
        if a == b { return a }
        let da = deleted(a), db = deleted(b)
        if da != db { return da ? a : b }
        return String(describing: a) >= String(describing: b) ? a : b
    }

    /// For records, one rule before the latest change: a version never edited (`updatedAt ==
    /// createdAt`, not deleted) loses to an edited one, and of two never-edited versions the older
    /// one stays. Versions of one record share their creation time, so for them this is exactly
    /// the latest change; it decides between records that share an id without being copies of one
    /// another (the preset categories' slugs, `legal`, `technical`, created anew in every file),
    /// where a file made later must not replace the label BASE had. Still a total order, so still
    /// a join.
    static func pick<R: Record>(_ a: R, _ b: R) -> R {
        let editedA = SessionMerge.isEdited(a), editedB = SessionMerge.isEdited(b)
        if editedA != editedB { return editedA ? a : b }
        if !editedA, a.createdAt != b.createdAt { return a.createdAt < b.createdAt ? a : b }
        return pick(a, b, updatedAt: \.updatedAt, deleted: \.isDeleted)
    }

    /// Union by id, each id resolved by `pick`, ordered by creation time then id.
    static func merge<R: Record>(_ a: [R], _ b: [R]) -> [R] {
        var byID: [String: R] = [:]
        byID.reserveCapacity(a.count + b.count)
        for record in a { byID[record.id] = byID[record.id].map { pick($0, record) } ?? record }
        for record in b { byID[record.id] = byID[record.id].map { pick($0, record) } ?? record }
        return byID.values.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
}

extension Timestamp {
    /// This time, or just after `previous` if this is not later: a change must win over the
    /// version it replaces even when the clock stepped back or two edits share a millisecond.
    /// Never past `Timestamp.latest`, the last moment a file can hold (a file can carry it).
    public func later(than previous: Timestamp) -> Timestamp {
        if self > previous { return self }
        guard previous < Timestamp.latest else { return Timestamp.latest }
        return Timestamp(milliseconds: previous.milliseconds + 1)
    }

    /// Now, but strictly after `previous`.
    public static func now(after previous: Timestamp?) -> Timestamp {
        previous.map { Timestamp.now().later(than: $0) } ?? .now()
    }
}
