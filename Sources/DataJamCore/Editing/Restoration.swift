/// Bringing back a deleted finding, team or category from its tombstone: the record is written
/// again without `deletedAt` and with a fresh `updatedAt`, so the restore wins merges like any
/// other change. Undo history ends with the program; tombstones stay in the file.
public struct DeletedRecord: Sendable, Hashable, Identifiable {
    public enum Kind: Sendable, Hashable {
        case finding, team, category
    }

    public var kind: Kind
    public var id: String
    /// The text, team name or category label.
    public var title: String
    public var deletedAt: Timestamp
}

/// Why a deleted record cannot be restored as it is.
public enum RestoreRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// No deleted record of that id.
    case notDeleted(String)
    /// A merge folded this team or category into a live one of the same name: its findings are
    /// there already. Carries the live one's name.
    case folded(into: String)
    /// A live team or category has its name now.
    case nameClash(NameClash)

    public var description: String {
        switch self {
        case .notDeleted(let id): "no deleted record \"\(id)\" in this file"
        case .folded(let name): "it was merged into \"\(name)\", which holds its findings; nothing to restore"
        case .nameClash(let clash):
            "a live \(clash.kind == .team ? "team" : "category") has its name now, \"\(clash.existing)\" (case and accents aside); rename that one first"
        }
    }
}

extension Workshop {
    /// Every deleted finding, team and category that can be looked at for restoring, most
    /// recently deleted first. Teams and categories folded by a merge are left out: they were
    /// not deleted by anyone.
    public var deletedRecords: [DeletedRecord] {
        var records: [DeletedRecord] = []
        for f in findings { if let at = f.deletedAt { records.append(DeletedRecord(kind: .finding, id: f.id, title: f.text, deletedAt: at)) } }
        for t in teams where t.mergedInto == nil {
            if let at = t.deletedAt { records.append(DeletedRecord(kind: .team, id: t.id, title: t.name, deletedAt: at)) }
        }
        for c in categories where c.mergedInto == nil {
            if let at = c.deletedAt { records.append(DeletedRecord(kind: .category, id: c.id, title: c.label, deletedAt: at)) }
        }
        return records.sorted { ($0.deletedAt, $0.id) > ($1.deletedAt, $1.id) }
    }

    /// The changes that restore a deleted record. A finding whose team or category is deleted
    /// too brings it back with it, so that it shows where it was.
    public func restoration(of kind: DeletedRecord.Kind, id: String) -> Result<[WorkshopChange], RestoreRefusal> {
        switch kind {
        case .finding:
            guard var finding = findings.record(withID: id), finding.isDeleted else { return .failure(.notDeleted(id)) }
            finding.deletedAt = nil
            var changes: [WorkshopChange] = []
            if let teamID = finding.teamId, let team = teams.record(withID: teamID), team.isDeleted {
                if let target = team.mergedInto {
                    finding.teamId = teams.record(withID: target).map { $0.isDeleted ? nil : target } ?? nil
                } else {
                    switch restoration(of: .team, id: teamID) {
                    case .success(let more): changes += more
                    case .failure(let refusal): return .failure(refusal)
                    }
                }
            }
            if let categoryID = finding.category, let category = categories.record(withID: categoryID), category.isDeleted {
                if let target = category.mergedInto, categories.record(withID: target).map({ !$0.isDeleted }) == true {
                    finding.category = target
                } else {
                    switch restoration(of: .category, id: categoryID) {
                    case .success(let more): changes += more
                    case .failure(let refusal): return .failure(refusal)
                    }
                }
            }
            return .success(changes + [.finding(finding)])
        case .team:
            guard var team = teams.record(withID: id), team.isDeleted else { return .failure(.notDeleted(id)) }
            if let target = team.mergedInto { return .failure(.folded(into: teams.record(withID: target)?.name ?? target)) }
            team.deletedAt = nil
            if let clash = WorkshopChange.team(team).nameClash(in: self) { return .failure(.nameClash(clash)) }
            return .success([.team(team)])
        case .category:
            guard var category = categories.record(withID: id), category.isDeleted else { return .failure(.notDeleted(id)) }
            if let target = category.mergedInto { return .failure(.folded(into: categories.record(withID: target)?.label ?? target)) }
            category.deletedAt = nil
            if let clash = WorkshopChange.category(category).nameClash(in: self) { return .failure(.nameClash(clash)) }
            return .success([.category(category)])
        }
    }
}
