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
    public func team(named name: String) -> Team? {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        if let exact = teams.live.first(where: { $0.name.compare(wanted, options: options) == .orderedSame }) { return exact }
        if let byID = teams.live.first(where: { $0.id == wanted }) { return byID }
        guard !wanted.isEmpty else { return nil }
        let prefixed = teams.live.filter { $0.name.range(of: wanted, options: options.union(.anchored)) != nil }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    public func category(_ idOrLabel: String) -> ConstraintCategory? {
        categories.live.first { $0.id == idOrLabel }
            ?? categories.live.first { $0.label.compare(idOrLabel, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }
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
    /// The background the report opens with.
    public var context: String
    public var objectives: [String]
    /// The facilitator's own notes (session 1).
    public var facilitatorNotes: String
    public var updatedAt: Timestamp

    public init(theme: String, focus: String = "", date: WorkshopDate? = nil, city: String = "",
                context: String = "", objectives: [String] = [], facilitatorNotes: String = "",
                updatedAt: Timestamp = .now()) {
        self.theme = theme
        self.focus = focus
        self.date = date
        self.city = city
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
