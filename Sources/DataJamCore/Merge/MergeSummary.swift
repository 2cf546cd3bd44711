/// What `datajam merge` changed in BASE, said in one line:
/// `merged 2 files into Sessions/a.json: 12 findings added, 3 updated, 1 deleted, 1 team added,
/// 1 matched by name (Santé), 2 conflicts resolved by latest change`.
///
/// Counts compare BASE with the result, by id: merging the same files again reports nothing
/// added, updated or deleted.
public struct MergeSummary: Equatable, Sendable {
    /// How many files were merged into BASE.
    public var files = 0
    /// Where the result went, as the line names it (the command sets the path).
    public var target = "BASE"
    /// Live findings BASE did not have.
    public var findingsAdded = 0
    /// Live findings whose content changed (or that came back from a deletion by a later edit).
    public var findingsUpdated = 0
    /// Findings live in BASE and deleted in the result.
    public var findingsDeleted = 0
    /// Live teams BASE did not have (teams matched by name are not added).
    public var teamsAdded = 0
    /// Names of BASE's (or the canonical) teams that absorbed a same-named team of another id.
    public var teamsMatchedByName: [String] = []
    /// Live categories BASE did not have.
    public var categoriesAdded = 0
    /// Labels of the categories that absorbed a same-labelled category of another id.
    public var categoriesMatchedByLabel: [String] = []
    /// New names given to teams and categories that would otherwise share a name with another.
    public var renamedToStayUnique: [String] = []
    /// Everything else that differs from BASE: teams and categories edited or deleted, participant
    /// groups, synthesis items, partnerships, sessions, the plenary and the workshop's details.
    public var otherChanges = 0
    /// Records both sides changed to different contents; the latest change won.
    public var conflicts = 0

    public init() {}

    /// True when the result differs from BASE in anything the line counts.
    public var changedBase: Bool {
        findingsAdded + findingsUpdated + findingsDeleted + teamsAdded + categoriesAdded + otherChanges > 0
    }

    public var line: String {
        var parts = [
            Self.count(findingsAdded, "finding", "findings") + " added",
            "\(findingsUpdated) updated",
            "\(findingsDeleted) deleted",
        ]
        if teamsAdded > 0 || !teamsMatchedByName.isEmpty {
            parts.append(Self.count(teamsAdded, "team", "teams") + " added")
        }
        if !teamsMatchedByName.isEmpty {
            parts.append("\(teamsMatchedByName.count) matched by name (\(teamsMatchedByName.joined(separator: ", ")))")
        }
        if categoriesAdded > 0 || !categoriesMatchedByLabel.isEmpty {
            parts.append(Self.count(categoriesAdded, "category", "categories") + " added")
        }
        if !categoriesMatchedByLabel.isEmpty {
            parts.append("\(categoriesMatchedByLabel.count) matched by label (\(categoriesMatchedByLabel.joined(separator: ", ")))")
        }
        if !renamedToStayUnique.isEmpty {
            parts.append("\(renamedToStayUnique.count) renamed to keep names unique (\(renamedToStayUnique.joined(separator: ", ")))")
        }
        if otherChanges > 0 {
            parts.append(Self.count(otherChanges, "other change", "other changes"))
        }
        parts.append(Self.count(conflicts, "conflict", "conflicts") + " resolved by latest change")
        return "merged \(Self.count(files, "file", "files")) into \(target): " + parts.joined(separator: ", ")
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }

    /// The counts of what differs between `base` and `result` (matches and conflicts are set by
    /// the merge).
    static func comparing(_ base: Workshop, _ result: Workshop) -> MergeSummary {
        var summary = MergeSummary()
        let baseFindings = Dictionary(base.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for finding in result.findings {
            guard let before = baseFindings[finding.id] else {
                if !finding.isDeleted { summary.findingsAdded += 1 }
                continue
            }
            if finding.isDeleted {
                if !before.isDeleted { summary.findingsDeleted += 1 }
            } else if finding != before {
                summary.findingsUpdated += 1
            }
        }

        /// (live records added, records changed).
        func compare<R: Record>(_ old: [R], _ new: [R]) -> (Int, Int) {
            let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var added = 0, changed = 0
            for record in new {
                if let previous = before[record.id] {
                    if previous != record { changed += 1 }
                } else if !record.isDeleted {
                    added += 1
                }
            }
            return (added, changed)
        }
        let teams = compare(base.teams, result.teams)
        let categories = compare(base.categories, result.categories)
        summary.teamsAdded = teams.0
        summary.categoriesAdded = categories.0
        var others = [teams.1, categories.1]
        for (added, changed) in [compare(base.participantGroups, result.participantGroups),
                                 compare(base.synthesis.partnerships, result.synthesis.partnerships)]
            + Synthesis.Section.allCases.map({ compare(base.synthesis[$0], result.synthesis[$0]) }) {
            others += [added, changed]
        }
        summary.otherChanges = others.reduce(0, +)
        if base.details != result.details { summary.otherChanges += 1 }
        if base.plenary != result.plenary { summary.otherChanges += 1 }
        for session in result.sessions where base.session(session.id) != session { summary.otherChanges += 1 }
        return summary
    }
}
