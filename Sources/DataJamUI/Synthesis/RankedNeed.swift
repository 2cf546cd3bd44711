import DataJamCore

/// A data need in the ranking: the finding and its rank (nil while it is not fully scored).
public struct RankedNeed: Sendable, Equatable {
    public var id: String
    /// Index into `workshop.findings`.
    public var index: Int
    /// 1 for the highest priority; needs of equal priority share a rank (1, 2, 2, 4).
    public var rank: Int?

    /// Live data needs by priority (relevance × impact) from high to low, then by relevance, then in
    /// creation order; needs not fully scored come last, in creation order.
    static func ranking(in workshop: Workshop) -> [RankedNeed] {
        var scored: [(priority: Int, relevance: Int, index: Int)] = []
        var unscored: [Int] = []
        for (index, finding) in workshop.findings.enumerated() where finding.deletedAt == nil && finding.kind == .dataNeed {
            if let need = finding.dataNeed, let priority = need.priority {
                scored.append((priority, need.relevance ?? 0, index))
            } else {
                unscored.append(index)
            }
        }
        scored.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.relevance != b.relevance { return a.relevance > b.relevance }
            return a.index < b.index
        }
        var ranking: [RankedNeed] = []
        ranking.reserveCapacity(scored.count + unscored.count)
        for (position, entry) in scored.enumerated() {
            let rank = position > 0 && scored[position - 1].priority == entry.priority ? ranking[position - 1].rank : position + 1
            ranking.append(RankedNeed(id: workshop.findings[entry.index].id, index: entry.index, rank: rank))
        }
        for index in unscored { ranking.append(RankedNeed(id: workshop.findings[index].id, index: index, rank: nil)) }
        return ranking
    }
}
