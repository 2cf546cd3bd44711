import DataJamCore

/// Everything session 3 shows that is computed from the whole workshop: built once per content
/// version (see `SynthesisState.refresh`), then read by the views at the cost of what they draw.
public struct SynthesisData: Sendable {
    public private(set) var tags: TeamTags
    public private(set) var matrix: ConstraintMatrix
    /// The consolidated view's rows, and the row of each finding in it.
    public private(set) var rows: [ConsolidatedRow]
    private(set) var rowOfFinding: [String: Int]
    /// Index into `workshop.findings` of every live finding.
    private(set) var indexOfFinding: [String: Int]
    /// For each finding, the live findings marked as making the same point as it.
    private(set) var linkedFrom: [String: [String]]
    public private(set) var needs: [RankedNeed]
    /// Needs with a rank (fully scored); they come first in `needs`.
    public private(set) var scoredNeeds: Int
    private(set) var rowOfNeed: [String: Int]
    public private(set) var conclusions: [ConclusionRow]
    public private(set) var conclusionItems: Int
    /// Counts for the headers: live findings, gender-flagged ones, same-point links between live ones.
    public private(set) var findingCount: Int
    public private(set) var genderCount: Int
    public private(set) var linkCount: Int

    static let empty = SynthesisData(Workshop(details: WorkshopDetails(theme: "", updatedAt: Timestamp(milliseconds: 0)), sessions: []))

    init(_ workshop: Workshop) {
        tags = TeamTags(workshop.teams)
        matrix = ConstraintMatrix(workshop)
        var indexOfFinding: [String: Int] = [:]
        var genderCount = 0
        for (index, finding) in workshop.findings.enumerated() where finding.deletedAt == nil {
            indexOfFinding[finding.id] = index
            if finding.gender { genderCount += 1 }
        }
        var linkedFrom: [String: [String]] = [:]
        var linkCount = 0
        for finding in workshop.findings where finding.deletedAt == nil {
            if let target = finding.samePointAs, target != finding.id, indexOfFinding[target] != nil {
                linkedFrom[target, default: []].append(finding.id)
                linkCount += 1
            }
        }
        self.indexOfFinding = indexOfFinding
        self.linkedFrom = linkedFrom
        self.linkCount = linkCount
        self.genderCount = genderCount
        findingCount = indexOfFinding.count
        rows = ConsolidatedRow.rows(in: workshop, indexOfFinding: indexOfFinding)
        var rowOfFinding: [String: Int] = [:]
        for (row, entry) in rows.enumerated() {
            if let id = entry.findingID { rowOfFinding[id] = row }
        }
        self.rowOfFinding = rowOfFinding
        needs = RankedNeed.ranking(in: workshop)
        var rowOfNeed: [String: Int] = [:]
        for (row, need) in needs.enumerated() { rowOfNeed[need.id] = row }
        self.rowOfNeed = rowOfNeed
        scoredNeeds = needs.count(where: { $0.rank != nil })
        conclusions = ConclusionRow.rows(in: workshop.synthesis)
        conclusionItems = conclusions.count(where: { if case .item = $0 { true } else { false } })
    }

    func conclusionRow(of id: ConclusionRowID) -> Int? {
        conclusions.firstIndex { $0.id == id }
    }

    /// The live findings `finding` is linked to as the same point: the one it points to, then those
    /// that point to it.
    func partners(of finding: Finding) -> [String] {
        var ids: [String] = []
        if let target = finding.samePointAs, target != finding.id, indexOfFinding[target] != nil { ids.append(target) }
        ids += linkedFrom[finding.id] ?? []
        return ids
    }

    /// Whether `finding` is part of a same-point link.
    func isLinked(_ finding: Finding) -> Bool {
        (finding.samePointAs.map { indexOfFinding[$0] != nil } ?? false) || linkedFrom[finding.id] != nil
    }

    /// The live finding with `id`, checked against the workshop (the cache may be older).
    func finding(_ id: String, in workshop: Workshop) -> Finding? {
        guard let index = indexOfFinding[id], workshop.findings.indices.contains(index),
              workshop.findings[index].id == id else { return nil }
        return workshop.findings[index]
    }
}
