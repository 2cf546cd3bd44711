import Foundation

/// A moment in time, to the millisecond, written in files as an ISO 8601 UTC string
/// (`2023-11-27T09:30:00.000Z`).
///
/// Milliseconds matter: merging concurrent edits keeps the last change of each record, and two
/// rapporteurs can easily type within the same second. The text form is formatted by hand because
/// `ISO8601DateFormatter` is too slow for a 10,000-finding save.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public init(_ date: Date) {
        self.milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public static func now() -> Timestamp { Timestamp(Date()) }

    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    public var description: String { iso8601 }

    public var iso8601: String {
        // Within 0001-9999 the form has a fixed width: its digits are written in place (a save
        // writes 20,000 timestamps for 10,000 findings; padding and joining strings cost more
        // than the rest of the line). Other years keep the general form.
        guard isWritable else {
            let (days, msOfDay) = milliseconds.floorDividedAndRemainder(by: 86_400_000)
            let (y, m, d) = CivilDate.fromDaysSinceEpoch(days)
            let hour = msOfDay / 3_600_000, minute = msOfDay / 60_000 % 60
            let second = msOfDay / 1000 % 60, millis = msOfDay % 1000
            return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millis, 3))Z"
        }
        return String(unsafeUninitializedCapacity: Timestamp.iso8601Width) { buffer in
            writeISO8601(into: UnsafeMutableRawBufferPointer(buffer))
            return Timestamp.iso8601Width
        }
    }

    /// The width of the text form of a moment in years 0001-9999 (`2023-11-27T09:30:00.000Z`).
    static let iso8601Width = 24

    /// Writes `iso8601` into the first 24 bytes of `buffer`: the one place its digits are laid
    /// out, for the string above and for the session writer, which writes them straight into the
    /// file's bytes (`FindingJSONWriter`). Only for moments that are `isWritable` (years 0001-9999).
    func writeISO8601(into buffer: UnsafeMutableRawBufferPointer) {
        let (days, msOfDay) = milliseconds.floorDividedAndRemainder(by: 86_400_000)
        let (y, m, d) = CivilDate.fromDaysSinceEpoch(days)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let millis = msOfDay % 1000
        func put(_ value: Int64, _ width: Int, at offset: Int) {
            var value = value
            for i in stride(from: offset + width - 1, through: offset, by: -1) {
                buffer[i] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(y, 4, at: 0); buffer[4] = UInt8(ascii: "-")
        put(m, 2, at: 5); buffer[7] = UInt8(ascii: "-")
        put(d, 2, at: 8); buffer[10] = UInt8(ascii: "T")
        put(hour, 2, at: 11); buffer[13] = UInt8(ascii: ":")
        put(minute, 2, at: 14); buffer[16] = UInt8(ascii: ":")
        put(second, 2, at: 17); buffer[19] = UInt8(ascii: ".")
        put(millis, 3, at: 20); buffer[23] = UInt8(ascii: "Z")
    }

    /// The moments a session file can hold: UTC years 0001 to 9999, the range of the four-digit
    /// text form. A moment outside it would be written as `00-1-12-31…` or `10000-01-01…`, which no
    /// reader (this one included) accepts.
    public static let earliest = Timestamp(milliseconds: CivilDate.daysSinceEpoch(year: 1, month: 1, day: 1) * 86_400_000)
    public static let latest = Timestamp(milliseconds: CivilDate.daysSinceEpoch(year: 10_000, month: 1, day: 1) * 86_400_000 - 1)

    /// True when the moment's text form is a four-digit-year date-time that reads back as itself.
    public var isWritable: Bool { self >= Timestamp.earliest && self <= Timestamp.latest }

    /// Why a text is not a timestamp a session file can hold.
    public enum ParseFailure: Error, Equatable, Sendable {
        /// Not `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, or a field out of its range.
        case malformed
        /// A well-formed date-time whose UTC moment falls outside years 0001 to 9999.
        case outOfRange
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (RFC 3339). The fraction may have any
    /// number of digits; digits past the millisecond are dropped (truncated, so the result never
    /// moves into the next second).
    public init?(iso8601 text: String) {
        guard case .success(let value) = Timestamp.parse(text) else { return nil }
        self = value
    }

    public static func parse(_ text: String) -> Result<Timestamp, ParseFailure> {
        // Read in place: copying the bytes into an array cost an allocation per timestamp, and a
        // 10,000-finding file has 20,000 of them.
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    static func parse(utf8 b: UnsafeBufferPointer<UInt8>) -> Result<Timestamp, ParseFailure> {
        if let written = parseWritten(b) { return .success(written) }
        return parseAnyForm(b)
    }

    /// The form this program writes (`writeISO8601`: 24 bytes, milliseconds, `Z`), which is nearly
    /// every timestamp of a file (two per finding), read at fixed places with no loop. Nil for
    /// anything else, and for anything out of range, which `parseAnyForm` decides: the two
    /// readings agree on every text (a test holds them equal).
    @inline(__always)
    static func parseWritten(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard b.count == iso8601Width, let base = b.baseAddress else { return nil }
        // Three words of eight bytes: `YYYY-MM-`, `DDTHH:MM`, `:SS.mmmZ`. In each, the separators
        // must be the template's, and every other byte a digit.
        func word(_ offset: Int, separators mask: UInt64, _ expected: UInt64) -> UInt64? {
            let w = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            guard w & mask == expected else { return nil }
            let digits = (w & ~mask) | (0x3030_3030_3030_3030 & mask)
            // A byte below "0" sets its high bit in the first term, one above "9" in the second.
            guard ((digits &- 0x3030_3030_3030_3030) | (digits &+ 0x4646_4646_4646_4646)) & 0x8080_8080_8080_8080 == 0 else { return nil }
            return digits &- 0x3030_3030_3030_3030
        }
        guard let w0 = word(0, separators: 0xFF00_00FF_0000_0000, 0x2D00_002D_0000_0000),
              let w1 = word(8, separators: 0x0000_FF00_00FF_0000, 0x0000_3A00_0054_0000),
              let w2 = word(16, separators: 0xFF00_0000_FF00_00FF, 0x5A00_0000_2E00_003A)
        else { return nil }
        func d(_ w: UInt64, _ i: UInt64) -> Int64 { Int64((w >> (i * 8)) & 0xFF) }
        let y = d(w0, 0) * 1000 + d(w0, 1) * 100 + d(w0, 2) * 10 + d(w0, 3), mo = d(w0, 5) * 10 + d(w0, 6)
        let day = d(w1, 0) * 10 + d(w1, 1), h = d(w1, 3) * 10 + d(w1, 4), mi = d(w1, 6) * 10 + d(w1, 7)
        let s = d(w2, 1) * 10 + d(w2, 2), millis = d(w2, 4) * 100 + d(w2, 5) * 10 + d(w2, 6)
        guard y >= 1, mo >= 1, mo <= 12, day >= 1, day <= CivilDate.daysInMonth(year: y, month: mo), h < 24, mi < 60, s < 61 else { return nil }
        let value = Timestamp(milliseconds: (CivilDate.daysSinceEpoch(year: y, month: mo, day: day) * 86_400 + h * 3600 + mi * 60 + s) * 1000 + millis)
        return value.isWritable ? value : nil
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, every form RFC 3339 allows.
    static func parseAnyForm(_ b: UnsafeBufferPointer<UInt8>) -> Result<Timestamp, ParseFailure> {
        func digit(_ i: Int) -> Int64? {
            guard i < b.count, b[i] >= 48, b[i] <= 57 else { return nil }
            return Int64(b[i] - 48)
        }
        func num(_ from: Int, _ count: Int) -> Int64? {
            var v: Int64 = 0
            for i in from..<(from + count) {
                guard let d = digit(i) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        func byte(_ i: Int, is expected: UInt8...) -> Bool { i < b.count && expected.contains(b[i]) }
        guard byte(4, is: 45), byte(7, is: 45), byte(10, is: 84, 116), byte(13, is: 58), byte(16, is: 58),
              let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2),
              (1...12).contains(mo), d >= 1, d <= CivilDate.daysInMonth(year: y, month: mo),
              h < 24, mi < 60, s < 61
        else { return .failure(.malformed) }
        var i = 19
        var millis: Int64 = 0
        if byte(i, is: 46) {
            i += 1
            var digits = 0
            while let value = digit(i) {
                if digits < 3 { millis = millis * 10 + value }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return .failure(.malformed) }
            for _ in min(digits, 3)..<3 { millis *= 10 }
        }
        var offsetMinutes: Int64 = 0
        if byte(i, is: 90, 122) {
            i += 1
        } else if byte(i, is: 43, 45) {
            guard let oh = num(i + 1, 2), byte(i + 3, is: 58), let om = num(i + 4, 2), oh < 24, om < 60 else {
                return .failure(.malformed)
            }
            offsetMinutes = (oh * 60 + om) * (b[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return .failure(.malformed)
        }
        guard i == b.count else { return .failure(.malformed) }
        guard y >= 1 else { return .failure(.outOfRange) }
        // Every number above is bounded (four-digit year, two-digit fields), so none of this overflows.
        let days = CivilDate.daysSinceEpoch(year: y, month: mo, day: d)
        let value = Timestamp(milliseconds: ((days * 86_400 + h * 3600 + mi * 60 + s) - offsetMinutes * 60) * 1000 + millis)
        guard value.isWritable else { return .failure(.outOfRange) }
        return .success(value)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch Timestamp.parse(text) {
        case .success(let value):
            self = value
        case .failure(.outOfRange):
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text.prefix(40))\" falls outside the years 0001 to 9999 in UTC; a session file holds only those")
        case .failure(.malformed):
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date-time like 2023-11-27T09:30:00.000Z, found \"\(text.prefix(40))\"")
        }
    }

    /// Refuses to write a moment it could not read back, so no save makes a file unreadable.
    public func encode(to encoder: Encoder) throws {
        guard isWritable else {
            throw EncodingError.invalidValue(self, EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: "\(iso8601) falls outside the years 0001 to 9999 in UTC"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

extension Int64 {
    func floorDividedAndRemainder(by divisor: Int64) -> (Int64, Int64) {
        var q = self / divisor
        var r = self % divisor
        if r < 0 { q -= 1; r += divisor }
        return (q, r)
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms), shared by
/// `Timestamp` and `WorkshopDate`.
enum CivilDate {
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func fromDaysSinceEpoch(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
