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

    /// The UTC day of a moment.
    public static func day(of time: Timestamp) -> WorkshopDate {
        let (y, m, d) = CivilDate.fromDaysSinceEpoch(time.milliseconds.floorDividedAndRemainder(by: 86_400_000).0)
        return WorkshopDate(year: Int(y), month: Int(m), day: Int(d))!
    }

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

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
