import DataJamCore

/// A workshop's live records, looked up the way the reports need them: findings by team, team
/// and category names by id. Deleted records are left out, except that a live finding whose team
/// or category was deleted keeps that record's name rather than losing its place in the report.
struct WorkshopIndex {
    struct TeamEntry {
        var id: String
        var name: String
        /// Nil for a team id that is not in the file (an invalid file, shown rather than dropped).
        var team: Team?
        var isDeleted: Bool
    }

    let workshop: Workshop
    /// Live findings, in file order.
    let findings: [Finding]
    /// Live teams in file order, then deleted or unknown teams that still have live findings.
    let teams: [TeamEntry]
    /// Live categories in file order.
    let categories: [ConstraintCategory]
    private let findingsByID: [String: Finding]

    init(_ workshop: Workshop) {
        self.workshop = workshop
        findings = workshop.findings.live
        categories = workshop.categories.live
        var entries = workshop.teams.live.map { TeamEntry(id: $0.id, name: $0.name, team: $0, isDeleted: false) }
        var seen = Set(entries.map(\.id))
        for finding in findings {
            guard let id = finding.teamId, !seen.contains(id) else { continue }
            seen.insert(id)
            if let deleted = workshop.teams.record(withID: id) {
                entries.append(TeamEntry(id: id, name: deleted.name, team: deleted, isDeleted: true))
            } else {
                entries.append(TeamEntry(id: id, name: id, team: nil, isDeleted: false))
            }
        }
        teams = entries
        var byID: [String: Finding] = [:]
        for finding in findings where byID[finding.id] == nil { byID[finding.id] = finding }
        findingsByID = byID
    }

    func findings(ofTeam id: String?) -> [Finding] { findings.filter { $0.teamId == id } }

    var plenaryFindings: [Finding] { findings(ofTeam: nil) }

    func finding(_ id: String) -> Finding? { findingsByID[id] }

    /// The team's name; nil in plenary.
    func teamName(_ id: String?) -> String? {
        guard let id else { return nil }
        return teams.first { $0.id == id }?.name ?? workshop.teams.record(withID: id)?.name ?? id
    }

    /// A constraint category's label (from the category record, even a deleted one), its id when
    /// the file has no such category, nil when the finding has no category.
    func categoryLabel(_ id: String?) -> String? {
        guard let id else { return nil }
        return workshop.categories.record(withID: id)?.label ?? id
    }

    /// The category ids the findings use, in the workshop's category order, then the others in the
    /// order they first appear; nil (no category) last.
    func categoryOrder(of constraints: [Finding]) -> [String?] {
        var order: [String?] = []
        let used = Set(constraints.compactMap(\.category))
        for category in categories where used.contains(category.id) { order.append(category.id) }
        for finding in constraints {
            if let id = finding.category, !order.contains(id) { order.append(id) }
        }
        if constraints.contains(where: { $0.category == nil }) { order.append(nil) }
        return order
    }
}
