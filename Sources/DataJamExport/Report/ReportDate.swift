import DataJamCore

/// Dates and times written out for a reader: "27 novembre 2023", "27 November 2023", "09:30 UTC".
enum ReportDate {
    static func written(_ date: WorkshopDate, _ language: ReportLanguage) -> String {
        switch language {
        case .fr:
            let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                          "octobre", "novembre", "décembre"]
            let day = date.day == 1 ? "1er" : String(date.day)
            return "\(day) \(months[date.month - 1]) \(date.year)"
        case .en:
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
            return "\(date.day) \(months[date.month - 1]) \(date.year)"
        }
    }

    /// The time of day of a moment, in UTC: session files record instants, not the workshop's
    /// time zone. The day is added when it is not the workshop's day.
    static func time(_ moment: Timestamp, workshopDay: WorkshopDate?, _ language: ReportLanguage) -> String {
        let iso = moment.iso8601
        let clock = String(iso.dropFirst(11).prefix(5))
        let day = WorkshopDate.day(of: moment)
        if let workshopDay, workshopDay == day { return "\(clock) UTC" }
        return "\(written(day, language)) \(clock) UTC"
    }

    /// Whole minutes between two moments, when the second is not before the first.
    static func minutes(from start: Timestamp, to end: Timestamp) -> Int? {
        guard end >= start else { return nil }
        return Int((end.milliseconds - start.milliseconds + 30_000) / 60_000)
    }
}
