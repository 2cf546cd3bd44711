/// Findings of different workshops that make the same point, as the facilitator confirmed it:
/// "manque de coordination" filed under "Gouvernance" in one workshop and under "Barrières
/// organisationnelles" in two others. The consolidated report counts a barrier's recurrence on
/// these links rather than on category names.
///
/// A link is a group, not a pair: a point raised in three workshops is one link of three findings,
/// and one long finding that lists several barriers can belong to several links (coordination and
/// training), which pairs joined transitively could not express.
public struct FindingLink: Record, Codable {
    public var id: String
    /// What the point is, in a few words ("Manque de coordination"); the report shows it as the
    /// point's name. Empty: the report names the point by its first finding's text.
    public var label: String
    /// At least two findings, each at most once.
    public var findings: [FindingReference]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?

    public init(id: String = RecordID.make("l"), label: String = "", findings: [FindingReference],
                createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil, deletedAt: Timestamp? = nil) {
        self.id = id
        self.label = label
        self.findings = findings
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
    }
}

/// A finding of one workshop, named across files: the workshop's id (the session file's `id`,
/// which stays when the file is renamed) and the finding's id.
public struct FindingReference: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var workshop: String
    public var finding: String

    public init(workshop: String, finding: String) {
        self.workshop = workshop
        self.finding = finding
    }

    /// `w-…/f-…`, the form the commands print and accept.
    public var description: String { "\(workshop)/\(finding)" }

    public static func < (a: FindingReference, b: FindingReference) -> Bool {
        (a.workshop, a.finding) < (b.workshop, b.finding)
    }
}
