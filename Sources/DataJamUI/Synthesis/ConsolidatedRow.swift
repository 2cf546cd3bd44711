import DataJamCore

/// One row of the consolidated view: a group heading (a kind; for constraints, a category) or a
/// finding (`index` points into `workshop.findings`).
public enum ConsolidatedRow: Sendable, Equatable {
    case heading(kind: FindingKind, categoryID: String?, count: Int, teams: Int)
    case finding(id: String, index: Int)

    public var findingID: String? {
        if case .finding(let id, _) = self { return id }
        return nil
    }

    /// Every live finding, grouped by kind (in `FindingKind` order) and, for constraints, by
    /// category (the workshop's order, then categories deleted since, then none). Inside a group,
    /// findings keep their creation order, except that a finding marked as the same point as another
    /// of the group comes right after it.
    static func rows(in workshop: Workshop, indexOfFinding: [String: Int]) -> [ConsolidatedRow] {
        let findings = workshop.findings
        let kinds = FindingKind.allCases
        // Constraint groups by category slot: live categories first (in order), then the others.
        let liveCategories = workshop.categories.live
        var slotOf: [String: Int] = [:]
        for (slot, category) in liveCategories.enumerated() where slotOf[category.id] == nil { slotOf[category.id] = slot }
        let liveSlots = liveCategories.count
        var otherCategories: [String] = []
        var constraintGroups: [[Int]] = Array(repeating: [], count: liveSlots)
        var uncategorised: [Int] = []
        var kindGroups: [[Int]] = Array(repeating: [], count: kinds.count)
        // Which group each finding is in, so that links can be checked without hashing ids again.
        var groupOf = [Int](repeating: -1, count: findings.count)
        let constraintBase = kinds.count + 1
        for index in findings.indices where findings[index].deletedAt == nil {
            let finding = findings[index]
            guard finding.kind == .constraint else {
                let kind = kinds.firstIndex(of: finding.kind) ?? 0
                kindGroups[kind].append(index)
                groupOf[index] = kind
                continue
            }
            guard let category = finding.category else {
                uncategorised.append(index)
                groupOf[index] = kinds.count
                continue
            }
            let slot: Int
            if let known = slotOf[category] {
                slot = known
            } else {
                slot = constraintGroups.count
                slotOf[category] = slot
                otherCategories.append(category)
                constraintGroups.append([])
            }
            constraintGroups[slot].append(index)
            groupOf[index] = constraintBase + slot
        }
        // Categories deleted since (or unknown) come after the live ones, by id.
        let otherOrder = otherCategories.sorted().compactMap { slotOf[$0] }
        let constraintOrder: [(categoryID: String?, indices: [Int])] =
            (0..<liveSlots).map { (liveCategories[$0].id as String?, constraintGroups[$0]) }
            + otherOrder.map { (otherCategories[$0 - liveSlots] as String?, constraintGroups[$0]) }
            + [(nil, uncategorised)]

        var teamSlot: [String: Int] = [:]
        func teamCount(_ indices: [Int]) -> Int {
            var teams: Set<Int> = []
            for index in indices {
                guard let team = findings[index].teamId else { teams.insert(-1); continue }
                if let slot = teamSlot[team] { teams.insert(slot) } else { teamSlot[team] = teamSlot.count; teams.insert(teamSlot.count - 1) }
            }
            return teams.count
        }
        var rows: [ConsolidatedRow] = []
        rows.reserveCapacity(indexOfFinding.count + kinds.count + constraintGroups.count + 1)
        func append(_ kind: FindingKind, _ categoryID: String?, _ indices: [Int]) {
            guard !indices.isEmpty else { return }
            rows.append(.heading(kind: kind, categoryID: categoryID, count: indices.count, teams: teamCount(indices)))
            for index in clustered(indices, in: findings, groupOf: groupOf, indexOfFinding: indexOfFinding) {
                rows.append(.finding(id: findings[index].id, index: index))
            }
        }
        for (kind, indices) in zip(kinds, kindGroups) {
            if kind == .constraint {
                for group in constraintOrder { append(.constraint, group.categoryID, group.indices) }
            } else {
                append(kind, nil, indices)
            }
        }
        return rows
    }

    /// `indices` (one group) in order, each finding followed by those of the group that point to it.
    static func clustered(_ indices: [Int], in findings: [Finding], groupOf: [Int], indexOfFinding: [String: Int]) -> [Int] {
        guard indices.count > 1 else { return indices }
        let group = groupOf[indices[0]]
        var children: [Int: [Int]] = [:]
        var isChild: Set<Int> = []
        for index in indices {
            guard let target = findings[index].samePointAs, let targetIndex = indexOfFinding[target],
                  targetIndex != index, groupOf[targetIndex] == group else { continue }
            children[targetIndex, default: []].append(index)
            isChild.insert(index)
        }
        guard !children.isEmpty else { return indices }
        var ordered: [Int] = []
        ordered.reserveCapacity(indices.count)
        var emitted: Set<Int> = []
        func emit(_ root: Int) {
            var stack = [root]
            while let index = stack.popLast() {
                guard emitted.insert(index).inserted else { continue }
                ordered.append(index)
                stack += (children[index] ?? []).reversed()
            }
        }
        for index in indices where !isChild.contains(index) { emit(index) }
        // Findings in a loop of links (A = B, B = A) have no root: they come last, in order.
        for index in indices where !emitted.contains(index) { emit(index) }
        return ordered
    }
}
