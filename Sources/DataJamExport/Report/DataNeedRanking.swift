import DataJamCore

/// Ranks data needs as the seed's objectives ask: by relevance × impact, highest first. The same
/// need asked by several teams or workshops is one row (see `DataNeedMerge`) naming all of them.
/// Equal priorities share a rank and keep the order they were recorded in (workshop, then file
/// order); needs not yet scored on both come last, unranked, in the order they were recorded.
enum DataNeedRanking {
    /// `links`: the programme file's, so that needs confirmed as the same across workshops are one row.
    static func rank(_ workshops: [(number: Int, index: WorkshopIndex)], links: [FindingLink] = []) -> [ConsolidatedReport.RankedDataNeed] {
        let indexes = Dictionary(workshops.map { ($0.number, $0.index) }, uniquingKeysWith: { first, _ in first })
        var live = workshops.map { (number: $0.number, workshop: $0.index.workshop) }
        for i in live.indices { live[i].workshop.findings = workshops[i].index.findings }
        let needs = DataNeedMerge.groups(live, links: links).map { group -> ConsolidatedReport.RankedDataNeed in
            let details = group.details
            let first = group.first
            let askers = group.members.map { member in
                ConsolidatedReport.Asker(workshop: member.number, findingId: member.finding.id,
                                         team: indexes[member.number]?.teamName(member.finding.teamId))
            }
            return ConsolidatedReport.RankedDataNeed(
                rank: nil, workshop: first.number, findingId: first.finding.id, text: first.finding.text,
                team: askers[0].team, askedBy: askers, producer: DataNeedMerge.nonEmpty(details.producer),
                availability: details.availability, wantedFormat: DataNeedMerge.nonEmpty(details.wantedFormat),
                sexDisaggregation: details.sexDisaggregation, relevance: details.relevance, impact: details.impact,
                priority: details.priority, gender: group.gender)
        }
        // A stable sort: `enumerated` keeps the recorded order among equals.
        let sorted = needs.enumerated().sorted { a, b in
            switch (a.element.priority, b.element.priority) {
            case let (pa?, pb?) where pa != pb: return pa > pb
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        var ranked: [ConsolidatedReport.RankedDataNeed] = []
        for (position, var need) in sorted.enumerated() {
            if let priority = need.priority {
                if let previous = ranked.last, previous.priority == priority {
                    need.rank = previous.rank
                } else {
                    need.rank = position + 1
                }
            }
            ranked.append(need)
        }
        return ranked
    }
}
