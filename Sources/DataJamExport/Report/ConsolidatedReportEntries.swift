import DataJamCore

// The value types of `ConsolidatedReport`: what `report --format json` writes. Workshops are
// referred to by their `number` (1, 2, 3…), their position in the report (by date).

extension ConsolidatedReport {
    /// A sum over several records where some values may not have been recorded: a count nobody took
    /// is never guessed, so the sum says how many values it is missing.
    public struct Count: Codable, Sendable, Hashable {
        /// The sum of the values that were recorded; nil when none was.
        public var recorded: Int?
        /// How many of the values summed were not recorded.
        public var notRecorded: Int

        public init(recorded: Int?, notRecorded: Int) {
            self.recorded = recorded
            self.notRecorded = notRecorded
        }

        /// True when every value summed was recorded.
        public var isComplete: Bool { recorded != nil && notRecorded == 0 }

        public static func sum(_ values: [Int?]) -> Count {
            let known = values.compactMap { $0 }
            return Count(recorded: known.isEmpty ? nil : known.reduce(0, +), notRecorded: values.count - known.count)
        }

        public static func + (a: Count, b: Count) -> Count {
            let recorded: Int? = (a.recorded == nil && b.recorded == nil) ? nil : (a.recorded ?? 0) + (b.recorded ?? 0)
            return Count(recorded: recorded, notRecorded: a.notRecorded + b.notRecorded)
        }

        /// Nothing summed yet: the identity of `+`.
        public static let empty = Count(recorded: nil, notRecorded: 0)
    }

    /// Headcount and its split by gender.
    public struct GenderCounts: Codable, Sendable, Hashable {
        public var headcount: Count
        public var women: Count
        public var men: Count
        public var notStated: Count

        public init(headcount: Count, women: Count, men: Count, notStated: Count) {
            self.headcount = headcount
            self.women = women
            self.men = men
            self.notStated = notStated
        }

        public init(_ group: ParticipantGroup) {
            self.init(headcount: .sum([group.headcount]), women: .sum([group.women]), men: .sum([group.men]),
                      notStated: .sum([group.notStated]))
        }

        public static func + (a: GenderCounts, b: GenderCounts) -> GenderCounts {
            GenderCounts(headcount: a.headcount + b.headcount, women: a.women + b.women, men: a.men + b.men,
                         notStated: a.notStated + b.notStated)
        }

        /// Nobody counted yet: the identity of `+`.
        public static let empty = GenderCounts(headcount: .empty, women: .empty, men: .empty, notStated: .empty)
    }

    public struct WorkshopEntry: Codable, Sendable, Hashable {
        public var number: Int
        public var id: String
        public var theme: String
        public var date: WorkshopDate?
        public var city: String
        public var focus: String
        /// Participants by gender, over the workshop's groups.
        public var participants: GenderCounts
        public var teams: Int
        public var findings: Int
        public var constraints: Int
        /// Constraints flagged as concerning gender.
        public var genderConstraints: Int
    }

    /// The participant groups of the same name (ignoring case and accents), summed over the workshops.
    public struct GroupTotal: Codable, Sendable, Hashable {
        /// The name as first written.
        public var name: String
        public var byWorkshop: [GroupInWorkshop]
        public var counts: GenderCounts
    }

    public struct GroupInWorkshop: Codable, Sendable, Hashable {
        public var workshop: Int
        public var counts: GenderCounts
        public var organisations: [String]
    }

    public struct Participants: Codable, Sendable, Hashable {
        public var groups: [GroupTotal]
        public var total: GenderCounts
    }

    /// One constraint category (the same label, ignoring case and accents) across the workshops.
    public struct CategoryRow: Codable, Sendable, Hashable {
        /// The label as first written; nil for constraints that have no category.
        public var label: String?
        public var counts: [CategoryCount]
        public var total: Int
        /// The workshops where at least one constraint of this category was raised.
        public var workshopsRaising: [Int] { counts.filter { $0.constraints > 0 }.map(\.workshop) }
    }

    public struct CategoryCount: Codable, Sendable, Hashable {
        public var workshop: Int
        /// Whether the workshop has this category (a workshop may use another set).
        public var isConfigured: Bool
        public var constraints: Int
    }

    /// A data need in the ranking: by priority (relevance × impact), unscored ones last. The same
    /// need asked by several teams or workshops is one entry; `workshop`, `findingId` and `team`
    /// are those of the first to ask, `askedBy` lists them all.
    public struct RankedDataNeed: Codable, Sendable, Hashable {
        /// 1 for the highest priority; equal priorities share a rank; nil when not scored.
        public var rank: Int?
        public var workshop: Int
        public var findingId: String
        public var text: String
        /// Nil when the need was raised in plenary.
        public var team: String?
        /// Every team (nil: the plenary) of every workshop that asked, in the order recorded.
        public var askedBy: [Asker]
        public var producer: String?
        public var availability: DataNeedDetails.Availability?
        public var wantedFormat: String?
        public var sexDisaggregation: Bool
        public var relevance: Int?
        public var impact: Int?
        public var priority: Int?
        public var gender: Bool
    }

    public struct Asker: Codable, Sendable, Hashable {
        public var workshop: Int
        public var findingId: String
        /// Nil in plenary.
        public var team: String?
    }

    /// A text (recommendation, result, …) and the workshops whose files contain it.
    /// A text once, with the workshops it comes from; none: the programme's own (its file).
    public struct SharedText: Codable, Sendable, Hashable {
        public var text: String
        public var workshops: [Int]
    }

    /// A numbered recommendation: the programme's (no workshops) first, then the workshops'.
    public struct NumberedRecommendation: Codable, Sendable, Hashable {
        public var number: Int
        public var text: String
        /// The workshops it comes from; empty for the programme's own recommendations.
        public var workshops: [Int]
        public var owner: String?
        public var deadline: WorkshopDate?
    }

    /// The programme the workshops belong to, as its file names it.
    public struct ProgrammeEntry: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var issuer: String
    }

    /// A point confirmed as made in several workshops (a link of the programme file).
    public struct RecurringPoint: Codable, Sendable, Hashable {
        public var linkId: String
        /// The link's label, else its first finding's text.
        public var label: String
        /// The workshops that made the point, in report order.
        public var workshops: [Int]
        /// Whether it is a barrier (a constraint is among its findings).
        public var isBarrier: Bool
        public var findings: [PointFinding]
    }

    public struct PointFinding: Codable, Sendable, Hashable {
        public var workshop: Int
        public var findingId: String
        public var kind: FindingKind
        public var text: String
        /// A constraint's category label in its workshop.
        public var category: String?
    }

    /// A constraint category raised in several workshops by constraints no link covers.
    public struct CategoryRecurrence: Codable, Sendable, Hashable {
        public var label: String
        public var workshops: [Int]
        public var constraints: Int
    }

    public struct SharedPartnership: Codable, Sendable, Hashable {
        public var producer: String
        public var reuser: String
        public var subject: String
        public var workshops: [Int]
    }
}
