/// A programme of workshops (the seed's three thematic workshops under the national open data
/// programme): what belongs to all of its workshops rather than to one. It lives in a file of its
/// own beside the session files (`programme.json`), so a result of the programme is written once
/// instead of being copied into every workshop, and so two workshop files can be linked.
///
/// Like a session file, its records are never removed (a deletion sets `deletedAt`) and two copies
/// merge record by record, the latest change winning (`Programme.merged(with:)`).
public struct Programme: Codable, Hashable, Sendable {
    /// Always `ProgrammeFormat.name`; tells a programme file from a session file.
    public var format: String
    public var version: Int
    public var id: String
    public var details: ProgrammeDetails
    /// What the workshops achieved together (the seed's section 6).
    public var results: [SynthesisItem]
    /// Difficulties met while facilitating the workshops (the seed's section 5).
    public var difficulties: [SynthesisItem]
    /// Ideas for the next workshops.
    public var improvements: [SynthesisItem]
    /// The programme's numbered recommendations, each with an owner and a deadline when known.
    public var recommendations: [Recommendation]
    /// Findings of different workshops the facilitator confirmed as the same point.
    public var links: [FindingLink]

    public init(id: String = RecordID.make("g"), details: ProgrammeDetails = ProgrammeDetails(),
                results: [SynthesisItem] = [], difficulties: [SynthesisItem] = [], improvements: [SynthesisItem] = [],
                recommendations: [Recommendation] = [], links: [FindingLink] = []) {
        self.format = ProgrammeFormat.name
        self.version = ProgrammeFormat.currentVersion
        self.id = id
        self.details = details
        self.results = results
        self.difficulties = difficulties
        self.improvements = improvements
        self.recommendations = recommendations
        self.links = links
    }

    /// The plain lists of texts, as the commands name them.
    public enum Section: String, CaseIterable, Sendable {
        case result, difficulty, idea

        public subscript(_ programme: Programme) -> [SynthesisItem] {
            switch self {
            case .result: programme.results
            case .difficulty: programme.difficulties
            case .idea: programme.improvements
            }
        }

        public func set(_ items: [SynthesisItem], in programme: inout Programme) {
            switch self {
            case .result: programme.results = items
            case .difficulty: programme.difficulties = items
            case .idea: programme.improvements = items
            }
        }
    }

    /// The live links that name this finding.
    public func links(naming reference: FindingReference) -> [FindingLink] {
        links.live.filter { $0.findings.contains(reference) }
    }
}

/// The programme's name and who runs it, shown on the consolidated report's cover.
public struct ProgrammeDetails: Codable, Hashable, Sendable {
    public var name: String
    /// Who runs the programme and publishes its reports (a ministry, a unit).
    public var issuer: String
    public var updatedAt: Timestamp

    public init(name: String = "", issuer: String = "", updatedAt: Timestamp = .now()) {
        self.name = name
        self.issuer = issuer
        self.updatedAt = updatedAt
    }
}

/// The programme file format's name, version and place.
public enum ProgrammeFormat {
    public static let name = "datajam-programme"
    public static let currentVersion = 1
    /// The programme file's name in a sessions folder: the report of that folder's workshops
    /// finds it there.
    public static let fileName = "programme.json"
}
