/// A group of participants as the sign-in sheet counts them ("Administration : 24 participants").
///
/// Gender counts are optional: the programme asks for a balanced representation, but a count
/// nobody took stays unknown rather than guessed.
public struct ParticipantGroup: Record, Codable {
    public var id: String
    public var name: String
    public var headcount: Int?
    public var women: Int?
    public var men: Int?
    public var notStated: Int?
    public var organisations: [String]
    /// Named participants, if the facilitator records them (left out of anonymised exports).
    public var people: [String]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?

    public init(id: String = RecordID.make("g"), name: String, headcount: Int? = nil, women: Int? = nil,
                men: Int? = nil, notStated: Int? = nil, organisations: [String] = [], people: [String] = [],
                createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil, deletedAt: Timestamp? = nil) {
        self.id = id
        self.name = name
        self.headcount = headcount
        self.women = women
        self.men = men
        self.notStated = notStated
        self.organisations = organisations
        self.people = people
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
    }
}
