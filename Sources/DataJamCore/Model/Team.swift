/// A breakout team: its name, what it covers, who types for it.
public struct Team: Record, Codable {
    public var id: String
    public var name: String
    /// What the team works on, e.g. "énergie, mines, ressources hydrauliques, terres agricoles".
    public var scope: String
    public var rapporteur: String?
    /// Organisations represented in the team.
    public var organisations: [String]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?
    /// Set when a merge found this team to be the same as another live team of the same name and
    /// folded it into that one: the record stays as a tombstone, and its findings belong to the
    /// team with this id. Kept so that an older copy of the file, merged later, cannot bring the
    /// team back or leave its findings behind.
    public var mergedInto: String?

    public init(id: String = RecordID.make("t"), name: String, scope: String = "", rapporteur: String? = nil,
                organisations: [String] = [], createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil,
                deletedAt: Timestamp? = nil, mergedInto: String? = nil) {
        self.id = id
        self.name = name
        self.scope = scope
        self.rapporteur = rapporteur
        self.organisations = organisations
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
        self.mergedInto = mergedInto
    }
}

/// The exercises done all together (findings with no team), e.g. listing the channels through
/// which people obtain data today.
public struct Plenary: Codable, Hashable, Sendable {
    public var scope: String
    public var updatedAt: Timestamp

    public init(scope: String = "", updatedAt: Timestamp = .now()) {
        self.scope = scope
        self.updatedAt = updatedAt
    }
}
