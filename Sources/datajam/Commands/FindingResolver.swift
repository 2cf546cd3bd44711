import DataJamCore
import DataJamExport

/// Turns what a facilitator types after `datajam programme link` into findings of the workshops:
/// a suggestion's reference (both of its findings), `WORKSHOP-ID/FINDING-ID`, or a finding id that
/// one workshop alone has. Each failure is one line saying what to type instead.
struct FindingResolver {
    let workshops: [Workshop]
    let suggestions: [SimilarFindings.Suggestion]

    init(workshops: [Workshop], programme: Programme?) {
        self.workshops = workshops
        // The list shown now (confirmed pairs left out, so others take their places) and the list
        // without the programme (confirmed pairs in): a reference printed before or after a link
        // was confirmed still names its pair.
        var all = SimilarFindings.suggest(workshops, programme: programme)
        func pair(_ s: SimilarFindings.Suggestion) -> Set<FindingReference> { [s.first.reference, s.second.reference] }
        for suggestion in SimilarFindings.suggest(workshops) where !all.contains(where: { pair($0) == pair(suggestion) }) {
            all.append(suggestion)
        }
        suggestions = all
    }

    func findings(_ text: String) throws -> [FindingReference] {
        if let slash = text.firstIndex(of: "/") {
            let workshopID = String(text[..<slash]), findingID = String(text[text.index(after: slash)...])
            guard let workshop = workshops.first(where: { $0.id == workshopID }) else {
                throw CommandFailure("no workshop \(workshopID) among the session files; the part before / is the session file's id")
            }
            guard workshop.findings.record(withID: findingID).map({ !$0.isDeleted }) == true else {
                throw CommandFailure("workshop \(workshopID) has no finding \(findingID); `datajam list FILE` lists its findings with their ids")
            }
            return [FindingReference(workshop: workshopID, finding: findingID)]
        }
        let holders = workshops.filter { $0.findings.record(withID: text).map { !$0.isDeleted } == true }
        if holders.count == 1 { return [FindingReference(workshop: holders[0].id, finding: text)] }
        if holders.count > 1 {
            throw CommandFailure("finding \(text) is in \(holders.count) workshops (\(holders.map(\.id).joined(separator: ", "))); write WORKSHOP-ID/\(text)")
        }
        let matching = suggestions.filter { $0.reference == text }
        if matching.count == 1 { return [matching[0].first.reference, matching[0].second.reference] }
        if matching.count > 1 {
            throw CommandFailure("reference \(text) names \(matching.count) suggested pairs; link their findings as WORKSHOP-ID/FINDING-ID")
        }
        throw CommandFailure("\"\(text)\" is neither a suggestion's reference (datajam programme suggest lists them) nor a finding (WORKSHOP-ID/FINDING-ID)")
    }
}
