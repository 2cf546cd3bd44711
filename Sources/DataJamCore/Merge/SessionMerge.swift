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
///   the live teams of the joined files that share a name, the earliest created (then the
///   smallest id) is kept and the others are folded into it: they stay as tombstones pointing at
///   it (`mergedInto`) and their findings move to it. In the usual day BASE's team is the oldest
///   (the facilitator set the workshop up before the rapporteurs made their files), so BASE's ids
///   stay. Deleted teams are not matched: a team the facilitator removed does not come back
///   because a laptop still has one of that name.
/// - **Categories likewise, by id then label.**
/// - **A record never edited loses to an edited one, and of two never edited the older stays**
///   (`LastWriterWins.pick`). For true copies this is the plain latest change; it matters for the
///   preset categories, whose ids are slugs (`legal`, `technical`): a file made later with
///   `datajam new` holds a fresh record of each one, which must not overwrite BASE's labels.
/// - **The workshop's frame** (details such as theme, date, city; the three sessions; the
///   plenary) is merged by latest change from the OTHER files that are copies of BASE's workshop
///   (same workshop `id`). A file made separately with `datajam new` (another workshop id) brings
///   its records but not its frame: its blank frame, created after BASE's, would otherwise win
///   and wipe BASE's date, objectives and session times. BASE's workshop `id` is always kept.
///
/// Every step is a function of the joined records alone, so the result does not depend on the
/// order of the OTHER files, merging the result with the same files again changes nothing, and
/// merging the files one at a time (`merge BASE A`, then `merge BASE B`) gives the same workshop as
/// merging them all at once (see `SessionMergeTests`).
public enum SessionMerge {
    /// BASE combined with `others`, and what that changed in BASE.
    public static func merge(base: Workshop, others: [Workshop]) -> (workshop: Workshop, summary: MergeSummary) {
        let inputs = [base] + others.map { other in
            var other = other
            if other.id != base.id {
                other.details = base.details
                other.sessions = base.sessions
                other.plenary = base.plenary
            }
            return other
        }

        var result = inputs.dropFirst().reduce(base.merged(with: base)) { $0.merged(with: $1) }
        result.id = base.id
        FoldedRecords.foldSameNames(&result.teams)
        FoldedRecords.foldSameNames(&result.categories)
        FoldedRecords.followFolds(in: &result)

        var summary = MergeSummary.comparing(base, result)
        summary.files = others.count
        summary.teamsMatchedByName = FoldedRecords.absorbingNames(inputs.map(\.teams), result: result.teams)
        summary.categoriesMatchedByLabel = FoldedRecords.absorbingNames(inputs.map(\.categories), result: result.categories)
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

    /// Changed since it was created: edited, or deleted.
    static func isEdited<R: Record>(_ record: R) -> Bool {
        record.updatedAt > record.createdAt || record.isDeleted
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
