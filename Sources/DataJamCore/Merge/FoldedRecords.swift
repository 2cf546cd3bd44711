/// A record that a merge can fold into another of the same name: teams (by name) and constraint
/// categories (by label). Rapporteurs who start files of their own name the same team with
/// another id; a merge keeps one of them and folds the others into it.
public protocol Foldable: Record {
    /// What two records of the same meaning share: a team's name, a category's label.
    var foldName: String { get }
    var deletedAt: Timestamp? { get set }
    /// The record this one was folded into (see `Team.mergedInto`).
    var mergedInto: String? { get set }
}

extension Team: Foldable {
    public var foldName: String { name }
}

extension ConstraintCategory: Foldable {
    public var foldName: String { label }
}

/// Folding same-named teams and categories, and following the folds.
///
/// Every rule here is a function of the set of records alone, never of which file they came
/// from or in which order files were merged: that is what makes merging files one at a time give
/// the same workshop as merging them all at once.
enum FoldedRecords {
    /// Folds every group of live records sharing a name (`SessionMerge.nameKey`) into one: the
    /// earliest created, then the smallest id. The others become tombstones pointing at it, with
    /// `deletedAt` equal to their own `updatedAt`: no new time is invented (so the result does not
    /// depend on when or in what order merges ran), and a deletion wins a tie, so an older live copy
    /// of a folded record cannot bring it back.
    static func foldSameNames<R: Foldable>(_ records: inout [R]) {
        var groups: [String: [Int]] = [:]
        for (i, record) in records.enumerated() where !record.isDeleted {
            groups[SessionMerge.nameKey(record.foldName), default: []].append(i)
        }
        for members in groups.values where members.count > 1 {
            guard let keep = members.min(by: { (records[$0].createdAt, records[$0].id) < (records[$1].createdAt, records[$1].id) })
            else { continue }
            for i in members where i != keep {
                records[i].deletedAt = records[i].updatedAt
                records[i].mergedInto = records[keep].id
            }
        }
    }

    /// The names of the records that absorbed a record the inputs hold live: what a merge reports
    /// as "matched by name". The same files merged again report the same matches.
    static func absorbingNames<R: Foldable>(_ inputs: [[R]], result: [R]) -> [String] {
        let byID = Dictionary(result.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var names = Set<String>()
        for record in inputs.joined() where !record.isDeleted {
            if let end = byID[record.id]?.mergedInto, let kept = byID[end] { names.insert(kept.foldName) }
        }
        return names.sorted()
    }

    /// Where each folded record's pointers end: folded id → the id of the first record along the
    /// chain that is not folded. Chains are shortened so every tombstone points at the end.
    static func resolve<R: Foldable>(_ records: inout [R]) -> [String: String] {
        let pointers = Dictionary(records.compactMap { r in r.mergedInto.map { (r.id, $0) } }, uniquingKeysWith: { a, _ in a })
        guard !pointers.isEmpty else { return [:] }
        var ends: [String: String] = [:]
        for start in pointers.keys {
            var current = start
            // A circle (only a hand-edited file can hold one; validation refuses it) stops after
            // one lap instead of looping.
            for _ in 0...pointers.count {
                guard let next = pointers[current] else { break }
                current = next
            }
            ends[start] = current
        }
        for i in records.indices {
            if let end = ends[records[i].id], records[i].mergedInto != end { records[i].mergedInto = end }
        }
        return ends
    }

    /// Whether following `mergedInto` from some record comes back to it.
    static func hasCycle<R: Record>(_ records: [R], _ mergedInto: (R) -> String?) -> Bool {
        let pointers = Dictionary(records.compactMap { r in mergedInto(r).map { (r.id, $0) } }, uniquingKeysWith: { a, _ in a })
        for start in pointers.keys {
            var current = start
            for _ in 0..<pointers.count {
                guard let next = pointers[current] else { break }
                if next == start { return true }
                current = next
            }
        }
        return false
    }

    /// Shortens fold chains and moves findings that still name a folded team or category to the
    /// record the fold ends at. Findings keep their `updatedAt`: the move follows from the fold
    /// alone, so every copy of a finding, old or new, ends up in the same place. Costs one pass
    /// over the findings only when something is folded.
    static func followFolds(in workshop: inout Workshop) {
        let teams = resolve(&workshop.teams)
        let categories = resolve(&workshop.categories)
        guard !teams.isEmpty || !categories.isEmpty else { return }
        for i in workshop.findings.indices {
            if let team = workshop.findings[i].teamId, let end = teams[team] { workshop.findings[i].teamId = end }
            if let category = workshop.findings[i].category, let end = categories[category] { workshop.findings[i].category = end }
        }
    }
}
