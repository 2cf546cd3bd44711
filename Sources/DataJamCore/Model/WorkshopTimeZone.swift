import Foundation

/// The workshop's time zone: an IANA name (`Africa/Tunis`) that Foundation knows, and the local
/// clock it gives. Session files record instants in UTC; people read times where they are.
public struct WorkshopTimeZone: Sendable, Hashable {
    /// The name as stored in the file; nil for a file without a time zone (shown in UTC).
    public let name: String?
    private let zone: TimeZone?

    /// The zone of that name, or UTC when `name` is nil or unknown to this machine.
    public init(_ name: String?) {
        self.name = name.flatMap { Self.isKnown($0) ? $0 : nil }
        self.zone = self.name.flatMap { TimeZone(identifier: $0) }
    }

    public static let utc = WorkshopTimeZone(nil)

    /// How the zone is named next to a time: its IANA name, or "UTC".
    public var label: String { name ?? "UTC" }

    /// Seconds to add to UTC to get the local time at `moment` (summer time included).
    public func offsetSeconds(at moment: Timestamp) -> Int64 {
        guard let zone else { return 0 }
        return Int64(zone.secondsFromGMT(for: moment.date))
    }

    /// The local day and time of day (hours, minutes) of a moment.
    public func local(_ moment: Timestamp) -> (day: WorkshopDate, hour: Int, minute: Int) {
        let shifted = Timestamp(milliseconds: moment.milliseconds + offsetSeconds(at: moment) * 1000)
        let msOfDay = shifted.milliseconds.floorDividedAndRemainder(by: 86_400_000).1
        return (WorkshopDate.day(of: shifted), Int(msOfDay / 3_600_000), Int(msOfDay / 60_000 % 60))
    }

    /// `09:30`, local.
    public func clock(_ moment: Timestamp) -> String {
        let time = local(moment)
        return String(format: "%02d:%02d", time.hour, time.minute)
    }

    /// The moment a local day and time of day designate. In the hour a clock skips (spring
    /// forward) the time is read with the offset before the change; in the hour it repeats, the
    /// first of the two.
    public func moment(day: WorkshopDate, hour: Int, minute: Int) -> Timestamp {
        let days = CivilDate.daysSinceEpoch(year: Int64(day.year), month: Int64(day.month), day: Int64(day.day))
        let naive = (days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60) * 1000
        // The offsets around that day (before and after any change of offset within it): the
        // first that gives back the asked time wins; none does only in a skipped hour.
        let before = offsetSeconds(at: Timestamp(milliseconds: naive - 86_400_000))
        let after = offsetSeconds(at: Timestamp(milliseconds: naive + 86_400_000))
        let candidates = [before, after].map { Timestamp(milliseconds: naive - $0 * 1000) }.sorted()
        if let exact = candidates.first(where: { let t = local($0); return t.day == day && t.hour == hour && t.minute == minute }) {
            return exact
        }
        return Timestamp(milliseconds: naive - before * 1000)
    }

    /// True for a zone name this machine's time zone database knows, written as IANA names are.
    public static func isKnown(_ name: String) -> Bool {
        isWellFormed(name) && TimeZone(identifier: name) != nil
    }

    /// True for a name written as IANA names are: an ASCII letter, then up to 63 ASCII letters,
    /// digits, `_`, `+`, `-` and `/` (the schema's pattern). What a file may hold: a zone this
    /// machine's database lacks (a newer one, written elsewhere) is read, and shown in UTC.
    public static func isWellFormed(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 64, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || (48...57).contains($0) || "/_+-".utf8.contains($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }

    /// Why `name` cannot be a workshop's time zone, or nil when it can.
    public static func problem(with name: String) -> String? {
        isKnown(name) ? nil : "unknown time zone \"\(name)\"; give an IANA name such as Africa/Tunis, Europe/Paris or UTC"
    }

    /// The machine's time zone: $TZ when it names a known zone, else the zone /etc/localtime
    /// links to, else Foundation's idea of the current zone. Nil when none is a known name.
    public static func machine(environment: [String: String] = ProcessInfo.processInfo.environment,
                               localtime: String = "/etc/localtime") -> String? {
        if var tz = environment["TZ"], !tz.isEmpty {
            if tz.hasPrefix(":") { tz.removeFirst() }
            if let name = zoneName(inPath: tz) ?? (isKnown(tz) ? tz : nil) { return name }
        }
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: localtime),
           let name = zoneName(inPath: target) {
            return name
        }
        let current = TimeZone.current.identifier
        return isKnown(current) ? current : nil
    }

    /// `Europe/Paris` from `/usr/share/zoneinfo/Europe/Paris`, when known.
    private static func zoneName(inPath path: String) -> String? {
        guard let range = path.range(of: "zoneinfo/", options: .backwards) else { return nil }
        let name = String(path[range.upperBound...])
        return isKnown(name) ? name : nil
    }
}

extension Workshop {
    /// The clock the workshop's times are shown in.
    public var timeZone: WorkshopTimeZone { WorkshopTimeZone(details.timeZone) }
}
