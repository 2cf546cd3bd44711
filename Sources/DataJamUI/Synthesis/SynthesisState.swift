import DataJamCore

/// Session 3: the category × team matrix, the consolidated findings, the ranked data needs and the
/// conclusions (recommendations, partnerships, results, difficulties, ideas for next time).
///
/// What the screen derives from the workshop (`data`) is rebuilt only when the workshop's content
/// version changes, so drawing a frame costs what the screen shows, not what the session holds.
public struct SynthesisState: Sendable {
    /// The sub-view shown.
    public var tab: SynthesisTab = .matrix
    /// The matrix's first category row and first team column shown.
    public var matrixRow = 0
    public var matrixColumn = 0
    public var consolidated = ListPosition<String>()
    public var needs = ListPosition<String>()
    public var conclusions = ListPosition<ConclusionRowID>()
    /// The finding marked with `=`, waiting for the one that makes the same point.
    public var markedID: String?

    public private(set) var data = SynthesisData.empty
    private var dataVersion: Int?

    public init() {}

    /// Whether `data` was built from the workshop at `contentVersion`.
    public func isCurrent(_ contentVersion: Int) -> Bool { dataVersion == contentVersion }

    /// The derived data for `workshop`: the cached one when current, else built afresh (views
    /// cannot store it; `refresh` does).
    func data(for workshop: Workshop, contentVersion: Int) -> SynthesisData {
        isCurrent(contentVersion) ? data : SynthesisData(workshop)
    }

    /// Rebuilds the matrix, the consolidated rows, the ranked needs and the conclusions when the
    /// workshop changed, and keeps each list's selection on its item (or near where it was).
    public mutating func refresh(in workshop: Workshop, contentVersion: Int) {
        guard dataVersion != contentVersion else { return }
        dataVersion = contentVersion
        data = SynthesisData(workshop)
        let data = self.data
        consolidated.settle(count: data.rows.count, rowOf: { data.rowOfFinding[$0] }, isSelectable: { data.rows[$0].findingID != nil },
                            id: { data.rows[$0].findingID })
        needs.settle(count: data.needs.count, rowOf: { data.rowOfNeed[$0] }, isSelectable: { _ in true },
                     id: { data.needs[$0].id })
        conclusions.settle(count: data.conclusions.count, rowOf: { data.conclusionRow(of: $0) }, isSelectable: { _ in true },
                           id: { data.conclusions[$0].id })
        if let markedID, data.indexOfFinding[markedID] == nil { self.markedID = nil }
    }
}

/// Who opened a popup from session 3.
public enum SynthesisPurpose: Sendable, Equatable {
    case addItem(Synthesis.Section)
    case editItem(Synthesis.Section, itemID: String)
    case addPartnership
    case editPartnership(id: String)
    case scoreNeed(findingID: String)
}
