/// What session 3 and the facilitator's write-up produce.
public struct Synthesis: Codable, Hashable, Sendable {
    public var recommendations: [SynthesisItem]
    public var partnerships: [Partnership]
    /// Results of the day.
    public var results: [SynthesisItem]
    /// Difficulties met while facilitating.
    public var difficulties: [SynthesisItem]
    /// Ideas for the next workshop.
    public var improvements: [SynthesisItem]

    public init(recommendations: [SynthesisItem] = [], partnerships: [Partnership] = [],
                results: [SynthesisItem] = [], difficulties: [SynthesisItem] = [],
                improvements: [SynthesisItem] = []) {
        self.recommendations = recommendations
        self.partnerships = partnerships
        self.results = results
        self.difficulties = difficulties
        self.improvements = improvements
    }

    /// The lists of plain items, by section, for code that treats them alike.
    public enum Section: String, CaseIterable, Sendable {
        case recommendations, results, difficulties, improvements
    }

    public subscript(section: Section) -> [SynthesisItem] {
        get {
            switch section {
            case .recommendations: recommendations
            case .results: results
            case .difficulties: difficulties
            case .improvements: improvements
            }
        }
        set {
            switch section {
            case .recommendations: recommendations = newValue
            case .results: results = newValue
            case .difficulties: difficulties = newValue
            case .improvements: improvements = newValue
            }
        }
    }
}

/// A recommendation, a result, a difficulty or an idea for next time.
public struct SynthesisItem: Record, Codable {
    public var id: String
    public var text: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?

    public init(id: String = RecordID.make("s"), text: String, createdAt: Timestamp = .now(),
                updatedAt: Timestamp? = nil, deletedAt: Timestamp? = nil) {
        self.id = id
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
    }
}

/// A partnership identified between a data producer and a re-user.
public struct Partnership: Record, Codable {
    public var id: String
    public var producer: String
    public var reuser: String
    /// What they would do together.
    public var subject: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?

    public init(id: String = RecordID.make("p"), producer: String, reuser: String, subject: String = "",
                createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil, deletedAt: Timestamp? = nil) {
        self.id = id
        self.producer = producer
        self.reuser = reuser
        self.subject = subject
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
    }
}
