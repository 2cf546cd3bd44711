import DataJamCore

/// A workshop's day as people say it: "27 novembre 2023", "27 November 2023".
enum LongDate {
    static func text(_ date: WorkshopDate, lang: Lang) -> String {
        let months = lang == .fr
            ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let day = lang == .fr && date.day == 1 ? "1er" : String(date.day)
        return "\(day) \(months[date.month - 1]) \(date.year)"
    }
}
