@testable import DataJamCore

/// `LastWriterWins.merge` and `pick` as they were before the in-order merge: every record of both
/// sides in a dictionary by id, each id resolved in the order met (A's records, then B's), then
/// everything sorted by creation time and id. The oracle the new merge must equal on every input.
enum ReferenceMerge {
    static func pick<R: Record>(_ a: R, _ b: R) -> R {
        let editedA = SessionMerge.isEdited(a), editedB = SessionMerge.isEdited(b)
        if editedA != editedB { return editedA ? a : b }
        if !editedA, a.createdAt != b.createdAt { return a.createdAt < b.createdAt ? a : b }
        let ta = a.updatedAt, tb = b.updatedAt
        if ta != tb { return ta > tb ? a : b }
        if a == b { return a }
        let da = a.isDeleted, db = b.isDeleted
        if da != db { return da ? a : b }
        return String(describing: a) >= String(describing: b) ? a : b
    }

    static func merge<R: Record>(_ a: [R], _ b: [R]) -> [R] {
        var byID: [String: R] = [:]
        byID.reserveCapacity(a.count + b.count)
        for record in a { byID[record.id] = byID[record.id].map { pick($0, record) } ?? record }
        for record in b { byID[record.id] = byID[record.id].map { pick($0, record) } ?? record }
        return byID.values.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
}
