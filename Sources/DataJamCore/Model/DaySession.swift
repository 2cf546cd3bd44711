/// One of the three phases of the workshop day.
public struct DaySession: Codable, Hashable, Sendable, Identifiable {
    public var id: Phase
    public var title: String
    /// The plan: for the presentation, one item per slide.
    public var outline: [OutlineItem]
    public var plannedMinutes: Int?
    public var startedAt: Timestamp?
    public var endedAt: Timestamp?
    public var updatedAt: Timestamp

    public init(id: Phase, title: String, outline: [OutlineItem] = [], plannedMinutes: Int? = nil,
                startedAt: Timestamp? = nil, endedAt: Timestamp? = nil, updatedAt: Timestamp = .now()) {
        self.id = id
        self.title = title
        self.outline = outline
        self.plannedMinutes = plannedMinutes
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.updatedAt = updatedAt
    }

    public enum Phase: String, Codable, CaseIterable, Sendable, Comparable {
        case presentation
        case breakouts
        case synthesis

        public var number: Int { Phase.allCases.firstIndex(of: self)! + 1 }

        public static func < (a: Phase, b: Phase) -> Bool { a.number < b.number }
    }
}

/// A point of a session's plan: a title and its sub-points (a slide, when projected).
public struct OutlineItem: Codable, Hashable, Sendable {
    public var title: String
    public var points: [String]

    public init(title: String, points: [String] = []) {
        self.title = title
        self.points = points
    }
}
