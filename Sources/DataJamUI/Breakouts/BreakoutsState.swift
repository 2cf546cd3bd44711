import DataJamCore

/// Session 2: the team tabs, the current team's findings grouped by kind and category, and the
/// capture line.
public struct BreakoutsState: Sendable {
    /// The team shown; nil for the plenary.
    public var teamID: String?
    /// The selected finding (an id, so the selection survives edits and merges).
    public var selectedID: String?
    /// First row shown.
    public var scroll = 0
    /// The capture line, when open.
    public var editor: CaptureEditor?
    /// Text typed and left with Esc: given back by the next capture, so nothing typed is lost.
    public var draft: CaptureEditor?
    /// The kind and category the next capture starts with (the last ones used).
    public var lastKind: FindingKind = .constraint
    public var lastCategoryID: String?

    /// The rows shown for `teamID`, rebuilt only when the workshop or the team changes.
    public private(set) var rows: [BreakoutRow] = []
    private var rowsKey: RowsKey?
    /// Live findings per team (nil key: the plenary), for the tabs; rebuilt with the content.
    public private(set) var counts: [String?: Int] = [:]
    private var countsVersion: Int?
    /// Indices into `workshop.findings` of the shown team's live findings, in file order.
    private var teamIndices: [Int] = []

    private struct RowsKey: Equatable, Sendable {
        var contentVersion: Int
        var teamID: String?
    }

    public init() {}

    /// Index into `rows` of the selected finding.
    public var selectedRow: Int? {
        guard let selectedID else { return nil }
        return rows.firstIndex { $0.findingID == selectedID }
    }

    mutating func refresh(in workshop: Workshop, contentVersion: Int, rapporteurTeamID: String?) {
        if let rapporteurTeamID { teamID = rapporteurTeamID }
        if let teamID, workshop.teams.record(withID: teamID)?.isDeleted ?? true {
            self.teamID = workshop.teams.live.first?.id
        }
        if countsVersion != contentVersion {
            countsVersion = contentVersion
            counts = [:]
            // Index access reads two fields; `for finding in` would copy (retain) every finding.
            let findings = workshop.findings
            for i in findings.indices where findings[i].deletedAt == nil { counts[findings[i].teamId, default: 0] += 1 }
        }
        let key = RowsKey(contentVersion: contentVersion, teamID: teamID)
        guard key != rowsKey else { return }
        // Where the selection was, so that when its finding leaves the list (moved, undone,
        // deleted elsewhere) the selection stays at that place instead of jumping to the top.
        let previousRow = rowsKey?.teamID == teamID ? selectedRow : nil
        rowsKey = key
        teamIndices = BreakoutRow.indices(of: teamID, in: workshop)
        rows = BreakoutRow.rows(from: teamIndices, in: workshop)
        if selectedRow == nil {
            let findingRows = rows.indices.filter { rows[$0].findingID != nil }
            let row = previousRow.flatMap { old in findingRows.first { $0 >= old } ?? findingRows.last } ?? findingRows.first
            selectedID = row.flatMap { rows[$0].findingID }
        }
    }
}

extension BreakoutsState {
    /// After an undo or redo: the selection goes to the first of `ids` the list shows (the finding
    /// the undone change touched), so it stays on the finding rather than where it was.
    mutating func select(anyOf ids: [String]) {
        guard let id = ids.first(where: { id in rows.contains { $0.findingID == id } }) else { return }
        selectedID = id
    }

    /// A finding was just appended at `index` (the most common change: a rapporteur's Enter).
    /// Updates the counts and rows from the shown team's findings alone instead of scanning the
    /// whole workshop, so recording stays fast at 10,000 findings.
    mutating func appended(at index: Int, in workshop: Workshop, contentVersion: Int) {
        guard countsVersion == contentVersion - 1, rowsKey?.contentVersion == contentVersion - 1,
              rowsKey?.teamID == teamID, workshop.findings.indices.last == index else {
            return  // Not in step: the next refresh rebuilds everything.
        }
        let finding = workshop.findings[index]
        counts[finding.teamId, default: 0] += 1
        countsVersion = contentVersion
        if finding.teamId == teamID {
            teamIndices.append(index)
            rows = BreakoutRow.rows(from: teamIndices, in: workshop)
        }
        rowsKey = RowsKey(contentVersion: contentVersion, teamID: teamID)
    }
}

/// The capture line: the text being typed and the kind, category and gender flag it will get.
public struct CaptureEditor: Sendable, Equatable {
    public var line: LineEditor
    public var kind: FindingKind
    public var categoryID: String?
    public var gender: Bool
    /// The finding being edited; nil when capturing a new one.
    public var editingID: String?

    public init(line: LineEditor = LineEditor(), kind: FindingKind, categoryID: String?, gender: Bool = false, editingID: String? = nil) {
        self.line = line
        self.kind = kind
        self.categoryID = categoryID
        self.gender = gender
        self.editingID = editingID
    }
}

/// One row of a team's findings: a group heading with its count, or a finding.
public enum BreakoutRow: Sendable, Equatable {
    case heading(kind: FindingKind, categoryID: String?, count: Int)
    case finding(id: String, index: Int)

    public var findingID: String? {
        if case .finding(let id, _) = self { return id }
        return nil
    }

    /// A team's live findings grouped by kind (in `FindingKind` order) and, for constraints, by
    /// category (in the workshop's category order; unknown categories last), each group in
    /// creation order. `index` points into `workshop.findings`.
    public static func rows(for teamID: String?, in workshop: Workshop) -> [BreakoutRow] {
        rows(from: indices(of: teamID, in: workshop), in: workshop)
    }

    /// Indices of a team's live findings (nil: the plenary's).
    static func indices(of teamID: String?, in workshop: Workshop) -> [Int] {
        let findings = workshop.findings
        // Index access reads only the fields needed; `for finding in` would copy every finding.
        return findings.indices.filter { findings[$0].teamId == teamID && findings[$0].deletedAt == nil }
    }

    /// The rows for the findings at `indices`, grouped.
    static func rows(from indices: [Int], in workshop: Workshop) -> [BreakoutRow] {
        var byGroup: [GroupKey: [Int]] = [:]
        let findings = workshop.findings
        for index in indices {
            let kind = findings[index].kind
            byGroup[GroupKey(kind: kind, categoryID: kind == .constraint ? findings[index].category : nil), default: []].append(index)
        }
        let categoryOrder = workshop.categories.map(\.id)
        var rows: [BreakoutRow] = []
        for kind in FindingKind.allCases {
            var categories: [String?] = [nil]
            if kind == .constraint {
                let used = Set(byGroup.keys.filter { $0.kind == .constraint }.map(\.categoryID))
                categories = categoryOrder.filter { used.contains($0) } + used.filter { !categoryOrder.contains($0 ?? "") }.sorted { ($0 ?? "") < ($1 ?? "") }
            }
            for category in categories {
                guard let indices = byGroup[GroupKey(kind: kind, categoryID: category)], !indices.isEmpty else { continue }
                rows.append(.heading(kind: kind, categoryID: category, count: indices.count))
                for index in indices { rows.append(.finding(id: workshop.findings[index].id, index: index)) }
            }
        }
        return rows
    }

    private struct GroupKey: Hashable {
        var kind: FindingKind
        var categoryID: String?
    }
}
