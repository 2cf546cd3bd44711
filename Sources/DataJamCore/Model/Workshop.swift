/// One workshop (atelier): the content of one session file.
public struct Workshop: Codable, Hashable, Sendable {
    /// Always `SessionFormat.name`; lets `validate` tell a session file from any other JSON.
    public var format: String
    public var version: Int
    public var id: String
    public var details: WorkshopDetails
    public var participantGroups: [ParticipantGroup]
    public var sessions: [DaySession]
    public var plenary: Plenary
    public var teams: [Team]
    public var categories: [ConstraintCategory]
    public var findings: [Finding]
    public var synthesis: Synthesis

    public init(id: String = RecordID.make("w"), details: WorkshopDetails,
                participantGroups: [ParticipantGroup] = [], sessions: [DaySession] = DaySession.defaultDay(),
                plenary: Plenary = Plenary(), teams: [Team] = [], categories: [ConstraintCategory] = [],
                findings: [Finding] = [], synthesis: Synthesis = Synthesis()) {
        self.format = SessionFormat.name
        self.version = SessionFormat.currentVersion
        self.id = id
        self.details = details
        self.participantGroups = participantGroups
        self.sessions = sessions
        self.plenary = plenary
        self.teams = teams
        self.categories = categories
        self.findings = findings
        self.synthesis = synthesis
    }

    /// The live team a user means by `name`: its exact name (ignoring case and accents), its id,
    /// or the start of exactly one team's name ("transport" for "Transport et Infrastructure").
    /// Nil when no team, or more than one, matches: see ``teams(matching:)``.
    public func team(named name: String) -> Team? {
        let matches = teams(matching: name)
        return matches.count == 1 ? matches[0] : nil
    }

    /// Every live team `name` could mean, best kind of match first: the teams of that exact name
    /// (ignoring case, accents and spaces; several only in files written before names were kept
    /// unique), else the team of that id, else the teams whose name starts with it.
    public func teams(matching name: String) -> [Team] {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        let key = SessionMerge.nameKey(wanted)
        let live = teams.live
        let exact = live.filter { SessionMerge.nameKey($0.name) == key }
        if !exact.isEmpty { return exact }
        if let byID = live.first(where: { $0.id == wanted }) { return [byID] }
        guard !wanted.isEmpty else { return [] }
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive, .anchored]
        return live.filter { $0.name.range(of: wanted, options: options) != nil }
    }

    /// Why `name` does not designate one team when it matches several: one line naming them.
    public static func ambiguousTeam(_ name: String, _ matches: [Team]) -> String {
        let listed = matches.map { "\"\($0.name)\" (\($0.id))" }.joined(separator: ", ")
        return "\"\(name)\" matches \(matches.count) teams: \(listed); give the team's id instead"
    }

    public func category(_ idOrLabel: String) -> ConstraintCategory? {
        let matches = categories(matching: idOrLabel)
        return matches.count == 1 ? matches[0] : nil
    }

    /// The live category of that id, else every live category of that label (ignoring case,
    /// accents and spaces; several only in files written before labels were kept unique).
    public func categories(matching idOrLabel: String) -> [ConstraintCategory] {
        let live = categories.live
        if let byID = live.first(where: { $0.id == idOrLabel }) { return [byID] }
        let key = SessionMerge.nameKey(idOrLabel)
        return live.filter { SessionMerge.nameKey($0.label) == key }
    }

    public func session(_ phase: DaySession.Phase) -> DaySession? { sessions.first { $0.id == phase } }

    /// The latest change anywhere in the workshop.
    public var lastChange: Timestamp {
        var latest = max(details.updatedAt, plenary.updatedAt)
        func see<R: Record>(_ records: [R]) { for r in records where r.updatedAt > latest { latest = r.updatedAt } }
        see(participantGroups); see(teams); see(categories); see(findings)
        see(synthesis.recommendations); see(synthesis.partnerships); see(synthesis.results)
        see(synthesis.difficulties); see(synthesis.improvements)
        for s in sessions where s.updatedAt > latest { latest = s.updatedAt }
        return latest
    }
}

/// The workshop's frame: what it is about, when and where, and why.
public struct WorkshopDetails: Codable, Hashable, Sendable {
    public var theme: String
    /// What the workshop focuses on, in a sentence or two.
    public var focus: String
    public var date: WorkshopDate?
    public var city: String
    /// Where the workshop happens, as an IANA time zone name (`Africa/Tunis`): times are shown and
    /// reported in it. Absent in files written before it existed, which are shown in UTC.
    public var timeZone: String?
    /// The background the report opens with.
    public var context: String
    public var objectives: [String]
    /// The facilitator's own notes (session 1).
    public var facilitatorNotes: String
    public var updatedAt: Timestamp

    public init(theme: String, focus: String = "", date: WorkshopDate? = nil, city: String = "",
                timeZone: String? = nil, context: String = "", objectives: [String] = [],
                facilitatorNotes: String = "", updatedAt: Timestamp = .now()) {
        self.theme = theme
        self.focus = focus
        self.date = date
        self.city = city
        self.timeZone = timeZone
        self.context = context
        self.objectives = objectives
        self.facilitatorNotes = facilitatorNotes
        self.updatedAt = updatedAt
    }
}

/// The session file format's name and versions.
public enum SessionFormat {
    public static let name = "datajam-session"
    public static let currentVersion = 1
    public static let fileExtension = "json"
}
