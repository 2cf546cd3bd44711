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
    static func pick<R: Record>(_ a: R, _ b: R) -> R { picksFirst(a, b) ? a : b }

    /// Whether `pick(a, b)` is `a` (which it is when the two are equal), told without copying
    /// either: the in-order merge keeps a side's own array when every pick is that side.
    static func picksFirst<R: Record>(_ a: R, _ b: R) -> Bool {
        let editedA = SessionMerge.isEdited(a), editedB = SessionMerge.isEdited(b)
        if editedA != editedB { return editedA }
        if !editedA, a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
        // The latest change, as `pick(_:_:updatedAt:deleted:)` decides it.
        if a.updatedAt != b.updatedAt { return a.updatedAt > b.updatedAt }
        if a == b { return true }
        if a.isDeleted != b.isDeleted { return a.isDeleted }
        return String(describing: a) >= String(describing: b)
    }

    /// Union by id, each id resolved by `pick`, ordered by creation time then id.
    ///
    /// Both sides are nearly always already in that order and mostly the same records (the copy
    /// this process last read or wrote, and its own copy a few edits later): `mergeInOrder` walks
    /// them side by side and usually hands one of them back untouched. Anything else (disorder,
    /// an id twice) goes by a dictionary and a sort, which give the same result for any input.
    static func merge<R: Record>(_ a: [R], _ b: [R]) -> [R] {
        mergeInOrder(a, b) ?? mergeByID(a, b)
    }

    /// The merge by dictionary and sort: what `merge` is, for any input.
    static func mergeByID<R: Record>(_ a: [R], _ b: [R]) -> [R] {
        var byID: [String: R] = [:]
        byID.reserveCapacity(a.count + b.count)
        for record in a { byID[record.id] = byID[record.id].map { pick($0, record) } ?? record }
        for record in b { byID[record.id] = byID[record.id].map { pick($0, record) } ?? record }
        return byID.values.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// `merge(a, b)` by walking both sides in step, or nil when it cannot be done that way: when
    /// an id turns up at two creation times (twice on one side, or once on each), or a side holds
    /// one record twice. A side out of order is walked in order through a sorted list of its
    /// records' places: the usual disorder is a few records created in the same millisecond, whose
    /// random ids need not be in order, and the standard sort puts such a list in order in about
    /// one pass.
    ///
    /// When both sides are in order and no id turns up at two creation times, every id's versions
    /// meet at the same place of the walk (one on each side at most), in the order `mergeByID`
    /// meets them (A's, then B's), so each is resolved by the same `pick`, and the walk's output is
    /// already in the sorted order. When one side wins every id the other holds, and the other
    /// holds nothing more, that side is the result as it is: no record is copied. (Of two equal
    /// versions `pick` keeps A's, which counts as A winning: equal texts may differ in bytes.)
    static func mergeInOrder<R: Record>(_ a: [R], _ b: [R]) -> [R]? {
        // Nearly always both sides are in order; else the walk reads the side through the list of
        // its records' places in order (no record is moved), unless it holds one record twice.
        var placesA: [Int]?, placesB: [Int]?
        if !isInOrder(a) {
            guard let places = placesInOrder(a) else { return nil }
            placesA = places
        }
        if !isInOrder(b) {
            guard let places = placesInOrder(b) else { return nil }
            placesB = places
        }
        // Read in place: the records are compared where they are, never copied out to be compared.
        let walked = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                withPlaces(placesA) { placesA in
                    withPlaces(placesB) { placesB in walk(Side(records: a, places: placesA), Side(records: b, places: placesB)) }
                }
            }
        }
        let merged: [R]
        switch walked {
        case .a: merged = a
        case .b: merged = b
        case .built(let built): merged = built
        }
        // An id at two creation times sits at two places of the walk, where `mergeByID` makes one
        // record of it. Rare (hand-edited files, a preset's slugs made anew), but it must be seen.
        var ids = Set<String>(minimumCapacity: merged.count)
        for record in merged where !ids.insert(record.id).inserted { return nil }
        return merged
    }

    /// The order `mergeByID` sorts by, `(createdAt, id) <`, in three ways.
    @inline(__always)
    private static func order<R: Record>(_ x: R, _ y: R) -> Int {
        if x.createdAt != y.createdAt { return x.createdAt < y.createdAt ? -1 : 1 }
        if x.id == y.id { return 0 }
        return x.id < y.id ? -1 : 1
    }

    /// Strictly in order: each record before the next.
    private static func isInOrder<R: Record>(_ records: [R]) -> Bool {
        records.withUnsafeBufferPointer { r in r.indices.dropFirst().allSatisfy { order(r[$0 - 1], r[$0]) < 0 } }
    }

    /// The places of the records in order, or nil when two are the same creation time and id.
    /// The standard sort takes a list that is in order but for a few in about one pass.
    private static func placesInOrder<R: Record>(_ records: [R]) -> [Int]? {
        records.withUnsafeBufferPointer { r -> [Int]? in
            var places = Array(r.indices)
            places.sort { order(r[$0], r[$1]) < 0 }
            for k in places.indices.dropFirst() where order(r[places[k - 1]], r[places[k]]) >= 0 { return nil }
            return places
        }
    }

    private static func withPlaces<T>(_ places: [Int]?, _ body: (UnsafeBufferPointer<Int>?) -> T) -> T {
        guard let places else { return body(nil) }
        return places.withUnsafeBufferPointer { body($0) }
    }

    /// One side of the walk: its records, in order as they are or through `places`.
    private struct Side<R> {
        let records: UnsafeBufferPointer<R>
        let places: UnsafeBufferPointer<Int>?
        var count: Int { records.count }
        /// The `k`th record in order.
        @inline(__always)
        subscript(k: Int) -> UnsafePointer<R> { records.baseAddress! + (places.map { $0[k] } ?? k) }
    }

    /// Whether two values are the same bits: then they are one value, and `pick` keeps A's
    /// whatever its rules. True when both sides hold the very record (the same array, or arrays
    /// copied from one another as bytes); telling it costs a few words compared, where `==`
    /// costs copies of both records and every field compared. A record copied field by field
    /// may differ in its padding bytes: then `picksFirst` decides, as it would have anyway.
    @inline(__always)
    private static func sameBits<R>(_ x: UnsafePointer<R>, _ y: UnsafePointer<R>) -> Bool {
        let x = UnsafeRawPointer(x), y = UnsafeRawPointer(y)
        let size = MemoryLayout<R>.size
        var offset = 0
        while offset + 8 <= size {
            if x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != y.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < size {
            if x.load(fromByteOffset: offset, as: UInt8.self) != y.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset += 1
        }
        return true
    }

    private enum Walked<R> {
        /// Every record of A in its place, and nothing else: the result is A.
        case a
        case b
        case built([R])
    }

    /// The walk over two sides in order, each holding every id once.
    private static func walk<R: Record>(_ a: Side<R>, _ b: Side<R>) -> Walked<R> {
        // Whether the output so far is exactly a[0..<count] (or b[0..<count]): each record taken
        // from that side, in its place (so not for a side read through its places). Once neither
        // holds, the output is built in `built`.
        var isA = a.places == nil, isB = b.places == nil
        var built: [R] = []
        if !isA, !isB { built.reserveCapacity(max(a.count, b.count) + 1) }
        var count = 0
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let side = j == b.count ? -1 : i == a.count ? 1 : order(a[i].pointee, b[j].pointee)
            // A record of A alone, of B alone, or the two versions of one record (the same
            // creation time and id), resolved by `pick`.
            let fromA = side < 0 || (side == 0 && (sameBits(a[i], b[j]) || picksFirst(a[i].pointee, b[j].pointee)))
            if isA, isB {
                if fromA { isB = false } else { isA = false }
            } else if isA != fromA || isB == fromA {
                // Neither side any more: the output so far is the prefix of the side it was.
                if isA || isB {
                    built.reserveCapacity(max(a.count, b.count) + 1)
                    built.append(contentsOf: (isA ? a : b).records[0..<count])
                    isA = false
                    isB = false
                }
                built.append(fromA ? a[i].pointee : b[j].pointee)
            }
            count += 1
            if side <= 0 { i += 1 }
            if side >= 0 { j += 1 }
        }
        return isA ? .a : isB ? .b : .built(built)
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
