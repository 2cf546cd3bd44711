import DataJamCore

/// A session's start and end as the facilitator reads and types them: a time of day on the local
/// clock ("9:05", "09h05"), or a day and a time ("2023-11-27 09:05") for a session recorded later.
enum LocalTime {
    /// The local day of `time`.
    static func day(of time: Timestamp, offsetSeconds: Int64) -> WorkshopDate {
        WorkshopDate.day(of: Timestamp(milliseconds: time.milliseconds + offsetSeconds * 1000))
    }

    /// "09:05", or "2023-11-27 09:05" when the day is not `day`.
    static func text(_ time: Timestamp, day: WorkshopDate?, offsetSeconds: Int64) -> String {
        let clock = ClockFormat.time(time, offsetSeconds: offsetSeconds)
        let localDay = Self.day(of: time, offsetSeconds: offsetSeconds)
        return localDay == day ? clock : "\(localDay) \(clock)"
    }

    /// The moment `text` names on the local clock, on `day` unless the text gives its own day.
    /// Nil when the text is not a time.
    static func parse(_ text: String, day: WorkshopDate, offsetSeconds: Int64) -> Timestamp? {
        var words = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" })
        var date = day
        if words.count == 2 {
            guard let given = WorkshopDate(String(words[0])) else { return nil }
            date = given
            words.removeFirst()
        }
        guard words.count == 1 else { return nil }
        let parts = words[0].lowercased().split(separator: ":", omittingEmptySubsequences: false).count == 2
            ? words[0].split(separator: ":", omittingEmptySubsequences: false)
            : words[0].lowercased().split(separator: "h", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), hour < 24 else { return nil }
        let minute = parts[1].isEmpty ? 0 : Int(parts[1]) ?? 60
        guard minute < 60 else { return nil }
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        guard let utc = Timestamp(iso8601: "\(date)T\(pad(hour)):\(pad(minute)):00Z") else { return nil }
        let moment = Timestamp(milliseconds: utc.milliseconds - offsetSeconds * 1000)
        return moment.isWritable ? moment : nil
    }
}
