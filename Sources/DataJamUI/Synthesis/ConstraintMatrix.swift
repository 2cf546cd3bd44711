import DataJamCore

/// Live constraints counted by category (rows, in the workshop's order) and team (columns: the live
/// teams, then the plenary), with totals and the gender-flagged count of each category.
///
/// Constraints whose category or team is gone (deleted, unknown, none) are counted in an extra
/// "other" row or column, shown only when it holds something, so the totals always add up.
public struct ConstraintMatrix: Sendable, Equatable {
    public enum Column: Sendable, Hashable {
        case team(String)
        case plenary
        /// Teams deleted since (or unknown ids from a merged file).
        case otherTeams
    }

    public enum RowKey: Sendable, Hashable {
        case category(String)
        /// No category, or one deleted since.
        case other
    }

    public struct Row: Sendable, Equatable {
        public var key: RowKey
        public var counts: [Int]
        public var total: Int
        /// Constraints of the category flagged "gender".
        public var gender: Int
    }

    public var columns: [Column] = []
    public var rows: [Row] = []
    public var columnTotals: [Int] = []
    public var total = 0
    public var gender = 0
    /// The largest row total: the full length of the bars.
    public var maxRowTotal = 0

    init(_ workshop: Workshop) {
        let categories = workshop.categories.live
        let teams = workshop.teams.live
        var rowOf: [String: Int] = [:]
        for (row, category) in categories.enumerated() { rowOf[category.id] = row }
        var columnOf: [String: Int] = [:]
        for (column, team) in teams.enumerated() { columnOf[team.id] = column }
        let plenaryColumn = teams.count
        let otherColumn = teams.count + 1
        let otherRow = categories.count
        var counts = Array(repeating: Array(repeating: 0, count: teams.count + 2), count: categories.count + 1)
        var genders = Array(repeating: 0, count: categories.count + 1)
        for finding in workshop.findings where finding.deletedAt == nil && finding.kind == .constraint {
            let row = finding.category.flatMap { rowOf[$0] } ?? otherRow
            let column = finding.teamId.map { columnOf[$0] ?? otherColumn } ?? plenaryColumn
            counts[row][column] += 1
            if finding.gender { genders[row] += 1 }
        }
        let keepOtherColumn = counts.contains { $0[otherColumn] > 0 }
        if !keepOtherColumn { for row in counts.indices { counts[row].removeLast() } }
        columns = teams.map { .team($0.id) } + [.plenary] + (keepOtherColumn ? [.otherTeams] : [])
        let keys = categories.map { RowKey.category($0.id) } + [.other]
        for (row, key) in keys.enumerated() {
            let total = counts[row].reduce(0, +)
            if key == .other, total == 0 { continue }
            rows.append(Row(key: key, counts: counts[row], total: total, gender: genders[row]))
        }
        columnTotals = columns.indices.map { column in rows.reduce(0) { $0 + $1.counts[column] } }
        total = rows.reduce(0) { $0 + $1.total }
        gender = rows.reduce(0) { $0 + $1.gender }
        maxRowTotal = rows.map(\.total).max() ?? 0
    }

    func label(of row: Row, in workshop: Workshop, lang: Lang) -> String {
        switch row.key {
        case .category(let id): Vocabulary.categoryLabel(id, in: workshop)
        case .other: lang.pick(fr: "Autres catégories", en: "Other categories")
        }
    }

    func label(of column: Column, tags: TeamTags, lang: Lang) -> String {
        switch column {
        case .team(let id): tags.tag(id, lang: lang)
        case .plenary: Vocabulary.plenary(lang)
        case .otherTeams: lang.pick(fr: "Autres", en: "Others")
        }
    }
}
