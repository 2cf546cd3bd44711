/// Counts that describe a workshop at a glance: used by `validate`, `list` and the home screen.
public struct WorkshopSummary: Equatable, Sendable {
    public var theme: String
    public var date: WorkshopDate?
    public var city: String
    public var teams: Int
    public var participants: Int?
    public var findings: Int
    public var findingsByKind: [FindingKind: Int]
    public var lastChange: Timestamp

    public init(_ workshop: Workshop) {
        theme = workshop.details.theme
        date = workshop.details.date
        city = workshop.details.city
        teams = workshop.teams.live.count
        let headcounts = workshop.participantGroups.live.compactMap(\.headcount)
        participants = headcounts.isEmpty ? nil : headcounts.reduce(0, +)
        let live = workshop.findings.live
        findings = live.count
        findingsByKind = Dictionary(grouping: live, by: \.kind).mapValues(\.count)
        lastChange = workshop.lastChange
    }

    /// `Économie numérique, 2023-11-27, Tunis: 3 teams, 42 participants, 57 findings (31 constraint, …)`
    public var line: String {
        var head = theme
        if let date { head += ", \(date)" }
        if !city.isEmpty { head += ", \(city)" }
        var parts = ["\(teams) team\(teams == 1 ? "" : "s")"]
        if let participants { parts.append("\(participants) participants") }
        var findingsPart = "\(findings) finding\(findings == 1 ? "" : "s")"
        let kinds = FindingKind.allCases.compactMap { kind in findingsByKind[kind].map { "\($0) \(kind.rawValue)" } }
        if !kinds.isEmpty { findingsPart += " (\(kinds.joined(separator: ", ")))" }
        parts.append(findingsPart)
        return "\(head): \(parts.joined(separator: ", "))"
    }
}
