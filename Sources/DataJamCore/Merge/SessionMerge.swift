import Foundation

/// `datajam merge`: session files brought back from other laptops, combined into one workshop.
///
/// A rapporteur who worked on a laptop of their own brings back either a copy of the workshop's
/// file or a file of their own made with `datajam new`. Merging joins the files record by record
/// (`Workshop.merged(with:)`: the latest change of each id wins, a deletion wins a tie, records
/// are never dropped) and then goes one step further than a plain join, because a separately
/// created file names the same things with other ids:
///
/// - **Teams are matched by id, then by name** (ignoring case, accents and extra spaces). Among
///   the live teams of the joined files that share a name, one is canonical and the others are
///   folded into it: their findings are re-pointed to the canonical id and their own record is
///   not taken into the result (BASE never held it). The canonical team is BASE's when BASE has
///   one of them (the smallest of BASE's ids if BASE itself holds several, which are all left
///   alone), otherwise the lexicographically smallest id: BASE's ids never change, and the choice
///   among the OTHER files does not depend on their order. Deleted teams are not matched: a team
///   the facilitator removed does not come back because a laptop still has one of that name.
/// - **Categories likewise, by id then label.**
/// - **A record an OTHER file holds unedited** (`updatedAt == createdAt`, not deleted) never
///   replaces BASE's record of that id. For a true copy this changes nothing (an unedited record
///   is the one BASE had, or older); it matters for the preset categories, whose ids are slugs
///   (`legal`, `technical`): a file made later with `datajam new` holds a fresh, "newer" record of
///   each one, which would otherwise overwrite BASE's labels (a renamed label, another language).
/// - **The workshop's frame** (details such as theme, date, city; the three sessions; the
///   plenary) is merged by latest change from the OTHER files that are copies of BASE's workshop
///   (same workshop `id`). A file made separately with `datajam new` (another workshop id) brings
///   its records but not its frame: its blank frame, created after BASE's, would otherwise win
///   and wipe BASE's date, objectives and session times. BASE's workshop `id` is always kept.
///
/// The result does not depend on the order of the OTHER files, and merging the result with the
/// same files again gives the result unchanged (see `SessionMergeTests`).
public enum SessionMerge {
    /// BASE combined with `others`, and what that changed in BASE.
    public static func merge(base: Workshop, others: [Workshop]) -> (workshop: Workshop, summary: MergeSummary) {
        let known = KnownIDs(base)
        var inputs = [base] + others.map { other in
            var other = other
            known.dropUneditedDuplicates(from: &other)
            if other.id != base.id {
                other.details = base.details
                other.sessions = base.sessions
                other.plenary = base.plenary
            }
            return other
        }

        // Unify same-named teams and same-labelled categories, from the join of every file's
        // records (so the choice is the same whatever the order of the files).
        let teams = unification(of: joined(inputs.map(\.teams)), baseIDs: known.teams, key: \.name)
        let categories = unification(of: joined(inputs.map(\.categories)), baseIDs: known.categories, key: \.label)
        if !teams.map.isEmpty || !categories.map.isEmpty {
            for i in inputs.indices {
                inputs[i].teams.removeAll { teams.map[$0.id] != nil }
                inputs[i].categories.removeAll { categories.map[$0.id] != nil }
                for j in inputs[i].findings.indices {
                    if let team = inputs[i].findings[j].teamId, let canonical = teams.map[team] {
                        inputs[i].findings[j].teamId = canonical
                    }
                    if let category = inputs[i].findings[j].category, let canonical = categories.map[category] {
                        inputs[i].findings[j].category = canonical
                    }
                }
            }
        }

        var result = inputs[0].merged(with: inputs[0])
        for other in inputs.dropFirst() { result = result.merged(with: other) }
        result.id = base.id
        let renamed = RepeatedNames.renameRepeats(in: &result)

        var summary = MergeSummary.comparing(base, result)
        summary.renamedToStayUnique = renamed
        summary.files = others.count
        summary.teamsMatchedByName = teams.matchedNames
        summary.categoriesMatchedByLabel = categories.matchedNames
        summary.conflicts = conflicts(inputs.map(\.findings)) + conflicts(inputs.map(\.teams))
            + conflicts(inputs.map(\.categories)) + conflicts(inputs.map(\.participantGroups))
            + conflicts(inputs.map(\.synthesis.partnerships))
            + Synthesis.Section.allCases.map { section in conflicts(inputs.map { $0.synthesis[section] }) }.reduce(0, +)
        return (result, summary)
    }

    /// The key two team names (or category labels) are the same under: case, accents, width and
    /// runs of white space ignored.
    public static func nameKey(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: -

    /// The ids BASE holds, by kind of record.
    private struct KnownIDs {
        var teams, categories, findings, groups, partnerships: Set<String>
        var sections: [Synthesis.Section: Set<String>]

        init(_ base: Workshop) {
            teams = Set(base.teams.map(\.id))
            categories = Set(base.categories.map(\.id))
            findings = Set(base.findings.map(\.id))
            groups = Set(base.participantGroups.map(\.id))
            partnerships = Set(base.synthesis.partnerships.map(\.id))
            sections = Dictionary(uniqueKeysWithValues: Synthesis.Section.allCases.map { section in
                (section, Set(base.synthesis[section].map(\.id)))
            })
        }

        func dropUneditedDuplicates(from other: inout Workshop) {
            func drop<R: Record>(_ records: inout [R], _ ids: Set<String>) {
                records.removeAll { ids.contains($0.id) && !SessionMerge.isEdited($0) }
            }
            drop(&other.teams, teams)
            drop(&other.categories, categories)
            drop(&other.findings, findings)
            drop(&other.participantGroups, groups)
            drop(&other.synthesis.partnerships, partnerships)
            for section in Synthesis.Section.allCases { drop(&other.synthesis[section], sections[section] ?? []) }
        }
    }

    /// Changed since it was created: edited, or deleted.
    static func isEdited<R: Record>(_ record: R) -> Bool {
        record.updatedAt > record.createdAt || record.isDeleted
    }

    private static func joined<R: Record>(_ lists: [[R]]) -> [R] {
        lists.dropFirst().reduce(lists.first ?? []) { LastWriterWins.merge($0, $1) }
    }

    private struct Unification {
        /// Folded id → canonical id.
        var map: [String: String] = [:]
        /// The canonical records' names, for the summary, sorted.
        var matchedNames: [String] = []
    }

    private static func unification<R: Record>(of records: [R], baseIDs: Set<String>, key: (R) -> String) -> Unification {
        var groups: [String: [R]] = [:]
        for record in records where !record.isDeleted {
            groups[nameKey(key(record)), default: []].append(record)
        }
        var unification = Unification()
        for group in groups.values where group.count > 1 {
            let ids = group.map(\.id)
            let canonical = ids.filter(baseIDs.contains).min() ?? ids.min()!
            var folded = false
            for id in ids where id != canonical && !baseIDs.contains(id) {
                unification.map[id] = canonical
                folded = true
            }
            if folded, let record = group.first(where: { $0.id == canonical }) {
                unification.matchedNames.append(key(record))
            }
        }
        unification.matchedNames.sort()
        return unification
    }

    /// How many records the files hold in two or more different edited versions (each edited or
    /// deleted since it was created, with different contents): both sides changed them, and the
    /// latest change won.
    ///
    /// The files keep no history, so an edit made before a copy was taken, then edited again on
    /// the copy, also counts: the number is an upper bound, and the same files merged again report
    /// the same conflicts (with nothing added or updated).
    private static func conflicts<R: StampedRecord>(_ lists: [[R]]) -> Int {
        var versions: [String: Set<R>] = [:]
        for list in lists {
            for record in list where isEdited(record) {
                var content = record
                content.updatedAt = record.createdAt
                if content.deletedAt != nil { content.deletedAt = record.createdAt }
                versions[record.id, default: []].insert(content)
            }
        }
        return versions.values.filter { $0.count > 1 }.count
    }
}
