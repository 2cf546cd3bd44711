import Foundation

/// A calendar day, written `YYYY-MM-DD`: the day a workshop takes place.
public struct WorkshopDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CivilDate.daysInMonth(year: Int64(year), month: Int64(month)) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// A day the calendar arithmetic computed: month and day are valid by construction, the year
    /// may fall outside 1...9999 (a moment near the ends of the range, shifted to a local time).
    private init(computedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC day of a moment. Never fails: a moment shifted past year 9999 for display gives
    /// the year 10000 rather than a crash.
    public static func day(of time: Timestamp) -> WorkshopDate {
        let (y, m, d) = CivilDate.fromDaysSinceEpoch(time.milliseconds.floorDividedAndRemainder(by: 86_400_000).0)
        return WorkshopDate(computedYear: Int(y), month: Int(m), day: Int(d))
    }

    /// True when the text form is a four-digit-year date that reads back as itself.
    public var isWritable: Bool { (1...9999).contains(year) }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: WorkshopDate, b: WorkshopDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = WorkshopDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date like 2023-11-27, found \"\(text.prefix(40))\"")
        }
        self = value
    }

    /// Refuses to write a day it could not read back.
    public func encode(to encoder: Encoder) throws {
        guard isWritable else {
            throw EncodingError.invalidValue(self, EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: "\(description) falls outside the years 0001 to 9999"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
