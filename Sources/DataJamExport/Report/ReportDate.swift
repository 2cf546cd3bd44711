import DataJamCore

/// Dates and times written out for a reader: "27 novembre 2023", "27 November 2023", "09:30 Africa/Tunis".
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

    /// The time of day of a moment in the workshop's time zone, named after it ("09:30
    /// Africa/Tunis"; "09:30 Africa/Tunis" for a file without a zone). The day is added when it is not the
    /// workshop's day.
    static func time(_ moment: Timestamp, workshopDay: WorkshopDate?, zone: WorkshopTimeZone, _ language: ReportLanguage) -> String {
        let local = zone.local(moment)
        let clock = zone.clock(moment) + " " + zone.label
        if let workshopDay, workshopDay == local.day { return clock }
        return "\(written(local.day, language)) \(clock)"
    }

    /// Whole minutes between two moments, when the second is not before the first.
    static func minutes(from start: Timestamp, to end: Timestamp) -> Int? {
        guard end >= start else { return nil }
        return Int((end.milliseconds - start.milliseconds + 30_000) / 60_000)
    }
}
