/// One of the programme's recommendations: numbered in the report, with who is to act on it and
/// by when, when that is known.
public struct Recommendation: Record, Codable {
    public var id: String
    public var text: String
    /// Who is to act on it (a ministry, a unit); nil when nobody was named.
    public var owner: String?
    /// By when; nil when no date was set.
    public var deadline: WorkshopDate?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?

    public init(id: String = RecordID.make("r"), text: String, owner: String? = nil, deadline: WorkshopDate? = nil,
                createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil, deletedAt: Timestamp? = nil) {
        self.id = id
        self.text = text
        self.owner = owner
        self.deadline = deadline
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
    }
}
