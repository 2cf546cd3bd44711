/// What a finding says: the kinds of notes a team's rapporteur captures.
public enum FindingKind: String, Codable, CaseIterable, Sendable {
    case constraint
    case opportunity
    case dataNeed = "data-need"
    case channel
    case actor
    case useCase = "use-case"
    case note

    /// Parses the file and command-line spelling (`data-need`), case-insensitively.
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// For an `actor` finding: which side of the data the named organisation is on.
public enum ActorRole: String, Codable, CaseIterable, Sendable {
    case producer
    case reuser = "re-user"
}
