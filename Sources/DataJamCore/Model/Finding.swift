/// One thing a team (or the plenary) said, typed by its rapporteur.
public struct Finding: Record, Codable {
    public var id: String
    /// The team's id; nil when the finding was made in plenary.
    public var teamId: String?
    public var kind: FindingKind
    public var text: String
    /// A constraint's category id (one of the workshop's `categories`); nil for other kinds.
    public var category: String?
    /// The finding concerns gender (the programme's cross-cutting focus).
    public var gender: Bool
    public var author: String?
    /// Only for `data-need` findings.
    public var dataNeed: DataNeedDetails?
    /// Only for `actor` findings.
    public var actorRole: ActorRole?
    /// Another finding (usually another team's) that makes the same point, set during synthesis.
    public var samePointAs: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?

    public init(id: String = RecordID.make("f"), teamId: String?, kind: FindingKind, text: String,
                category: String? = nil, gender: Bool = false, author: String? = nil,
                dataNeed: DataNeedDetails? = nil, actorRole: ActorRole? = nil, samePointAs: String? = nil,
                createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil, deletedAt: Timestamp? = nil) {
        self.init(exactly: id, teamId: teamId, kind: kind, text: text, category: category, gender: gender, author: author,
                  dataNeed: dataNeed ?? (kind == .dataNeed ? DataNeedDetails() : nil), actorRole: actorRole,
                  samePointAs: samePointAs, createdAt: createdAt, updatedAt: updatedAt ?? createdAt, deletedAt: deletedAt)
    }

    /// Every field as given, nothing filled in: what a file holds (`FindingTapeReading`), made in
    /// one go (setting a field afterwards copied each of 10,000 findings once more).
    init(exactly id: String, teamId: String?, kind: FindingKind, text: String, category: String?, gender: Bool,
         author: String?, dataNeed: DataNeedDetails?, actorRole: ActorRole?, samePointAs: String?,
         createdAt: Timestamp, updatedAt: Timestamp, deletedAt: Timestamp?) {
        self.id = id
        self.teamId = teamId
        self.kind = kind
        self.text = text
        self.category = category
        self.gender = gender
        self.author = author
        self.dataNeed = dataNeed
        self.actorRole = actorRole
        self.samePointAs = samePointAs
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deletedAt = deletedAt
    }
}
