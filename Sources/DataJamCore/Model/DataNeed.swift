/// The details a `data-need` finding carries: who would publish the data, whether it is out
/// there, and how much it matters (the seed's objective: prioritise publication by relevance and
/// impact potential, with a gender perspective).
public struct DataNeedDetails: Codable, Hashable, Sendable {
    public var producer: String?
    public var availability: Availability?
    public var wantedFormat: String?
    public var sexDisaggregation: Bool
    /// 1 (low) to 5 (high).
    public var relevance: Int?
    /// 1 (low) to 5 (high).
    public var impact: Int?

    public init(producer: String? = nil, availability: Availability? = nil, wantedFormat: String? = nil,
                sexDisaggregation: Bool = false, relevance: Int? = nil, impact: Int? = nil) {
        self.producer = producer
        self.availability = availability
        self.wantedFormat = wantedFormat
        self.sexDisaggregation = sexDisaggregation
        self.relevance = relevance
        self.impact = impact
    }

    /// Relevance × impact (1–25), the ranking key of the synthesis; nil until both are scored.
    public var priority: Int? {
        guard let relevance, let impact else { return nil }
        return relevance * impact
    }

    public static let scoreRange = 1...5

    public enum Availability: String, Codable, CaseIterable, Sendable {
        case available
        case missing
        /// Published, but in a form that cannot be reused (a scanned PDF, an image).
        case unusableFormat = "unusable-format"
    }
}
