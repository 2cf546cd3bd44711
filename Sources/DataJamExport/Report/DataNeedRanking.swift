import DataJamCore

/// Ranks data needs as the seed's objectives ask: by relevance × impact, highest first. Equal
/// priorities share a rank and keep the order they were recorded in (workshop, then file order);
/// needs not yet scored on both come last, unranked, in the order they were recorded.
enum DataNeedRanking {
    static func rank(_ workshops: [(number: Int, index: WorkshopIndex)]) -> [ConsolidatedReport.RankedDataNeed] {
        var needs: [ConsolidatedReport.RankedDataNeed] = []
        for (number, index) in workshops {
            for finding in index.findings where finding.kind == .dataNeed {
                let details = finding.dataNeed ?? DataNeedDetails()
                needs.append(ConsolidatedReport.RankedDataNeed(
                    rank: nil, workshop: number, findingId: finding.id, text: finding.text,
                    team: index.teamName(finding.teamId), producer: nonEmpty(details.producer),
                    availability: details.availability, wantedFormat: nonEmpty(details.wantedFormat),
                    sexDisaggregation: details.sexDisaggregation, relevance: details.relevance, impact: details.impact,
                    priority: details.priority, gender: finding.gender))
            }
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

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }
}
