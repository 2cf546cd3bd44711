import Foundation

/// Changes to a workshop's frame and to one session's plan as a user types them (`datajam set
/// --theme … --session 2 --planned 150`), resolved against a workshop into changes, or an
/// `InputError` that says what is allowed. Fields left nil are kept.
public struct FrameRequest: Sendable {
    public var theme: String?
    /// `YYYY-MM-DD`; empty to clear.
    public var date: String?
    public var city: String?
    /// An IANA name; empty to clear (times are then shown in UTC).
    public var timeZone: String?
    public var focus: String?
    public var context: String?
    /// Replaces every objective when set (an empty list clears them).
    public var objectives: [String]?
    public var facilitatorNotes: String?
    public var session: SessionPlanRequest?

    public init() {}

    public var isEmpty: Bool {
        theme == nil && date == nil && city == nil && timeZone == nil && focus == nil && context == nil
            && objectives == nil && facilitatorNotes == nil && session == nil
    }

    public func resolve(in workshop: Workshop) throws(InputError) -> [WorkshopChange] {
        var details = workshop.details
        if let theme { details.theme = try Workshop.checkedName(theme, what: "theme") }
        if let date {
            let text = date.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                details.date = nil
            } else {
                guard let parsed = WorkshopDate(text) else {
                    throw InputError("--date \"\(date)\" is not a date; write it YYYY-MM-DD, e.g. 2023-11-27 (or \"\" to clear it)")
                }
                details.date = parsed
            }
        }
        if let city { details.city = try Self.short(city, "--city") }
        if let timeZone {
            let name = timeZone.trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                details.timeZone = nil
            } else {
                if let problem = WorkshopTimeZone.problem(with: name) { throw InputError(problem) }
                details.timeZone = name
            }
        }
        if let focus { details.focus = try Self.long(focus, "--focus") }
        if let context { details.context = try Self.long(context, "--context") }
        if let facilitatorNotes { details.facilitatorNotes = try Self.long(facilitatorNotes, "--notes") }
        if let objectives {
            var kept: [String] = []
            for objective in objectives {
                let text = try Self.long(objective, "--objective")
                if !text.isEmpty { kept.append(text) }
            }
            details.objectives = kept
        }
        var changes: [WorkshopChange] = details == workshop.details ? [] : [.details(details)]
        if let session {
            // The new frame is the one the session's local times are read in.
            var framed = workshop
            framed.details = details
            if let change = try session.resolve(in: framed) { changes.append(change) }
        }
        return changes
    }

    static func short(_ text: String, _ option: String) throws(InputError) -> String {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard value.unicodeScalars.count <= Limits.shortText else {
            throw InputError("\(option) is \(value.unicodeScalars.count) characters long; at most \(Limits.shortText)")
        }
        return value
    }

    static func long(_ text: String, _ option: String) throws(InputError) -> String {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard value.unicodeScalars.count <= Limits.longText else {
            throw InputError("\(option) is \(value.unicodeScalars.count) characters long; at most \(Limits.longText)")
        }
        return value
    }
}

/// One session's title, planned minutes and actual times as typed.
public struct SessionPlanRequest: Sendable {
    /// `1`, `2`, `3` or the phase's name (`presentation`, `breakouts`, `synthesis`).
    public var session: String
    public var title: String?
    /// Minutes, or empty / `none` to clear.
    public var planned: String?
    /// When the session actually started: `HH:MM` on the workshop's day, `YYYY-MM-DDTHH:MM` in
    /// the workshop's time zone, an RFC 3339 date-time, or empty / `none` to clear.
    public var start: String?
    public var end: String?

    public init(session: String) { self.session = session }

    public static func phase(_ argument: String) -> DaySession.Phase? {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Int(text), (1...DaySession.Phase.allCases.count).contains(n) { return DaySession.Phase.allCases[n - 1] }
        return DaySession.Phase(rawValue: text)
    }

    /// The session's new version, or nil when nothing changes.
    public func resolve(in workshop: Workshop) throws(InputError) -> WorkshopChange? {
        guard let phase = Self.phase(session) else {
            throw InputError("--session \"\(session)\" is not a session; use 1, 2 or 3 (presentation, breakouts, synthesis)")
        }
        let previous = workshop.session(phase) ?? DaySession(id: phase, title: "")
        var value = previous
        if let title { value.title = try FrameRequest.short(title, "--title") }
        if let planned {
            let text = planned.trimmingCharacters(in: .whitespaces)
            if Self.clears(text) {
                value.plannedMinutes = nil
            } else {
                guard let minutes = Int(text), (0...Limits.plannedMinutes).contains(minutes) else {
                    throw InputError("--planned \"\(planned)\" is not a number of minutes from 0 to \(Limits.plannedMinutes) (or none to clear it)")
                }
                value.plannedMinutes = minutes
            }
        }
        if let start { value.startedAt = try Self.moment(start, "--start", in: workshop) }
        if let end { value.endedAt = try Self.moment(end, "--end", in: workshop) }
        if let s = value.startedAt, let e = value.endedAt, e < s {
            let zone = workshop.timeZone
            throw InputError("the end (\(zone.clock(e))) is before the start (\(zone.clock(s))) of session \(phase.number); fix --start or --end")
        }
        if value.endedAt != nil, value.startedAt == nil {
            throw InputError("session \(phase.number) has an end but no start; give --start too")
        }
        return value == previous ? nil : .session(value)
    }

    static func clears(_ text: String) -> Bool { text.isEmpty || text.lowercased() == "none" }

    /// A typed moment, read in the workshop's time zone unless it carries its own offset.
    static func moment(_ text: String, _ option: String, in workshop: Workshop) throws(InputError) -> Timestamp? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if clears(value) { return nil }
        if let exact = Timestamp(iso8601: value) { return exact }
        let zone = workshop.timeZone
        func clock(_ part: Substring) -> (Int, Int)? {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2, pieces[0].count <= 2, pieces[1].count == 2,
                  let h = Int(pieces[0]), let m = Int(pieces[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
            return (h, m)
        }
        let parts = value.split(whereSeparator: { $0 == "T" || $0 == " " })
        if parts.count == 2, let day = WorkshopDate(String(parts[0])), let (h, m) = clock(parts[1]) {
            return zone.moment(day: day, hour: h, minute: m)
        }
        if parts.count == 1, let (h, m) = clock(parts[0]) {
            guard let day = workshop.details.date else {
                throw InputError("\(option) \(value): the workshop has no date; give the day too (\(option) 2023-11-27T\(value)) or set --date")
            }
            return zone.moment(day: day, hour: h, minute: m)
        }
        throw InputError("\(option) \"\(text)\" is not a time; write HH:MM (\(zone.label), on the workshop's day), YYYY-MM-DDTHH:MM, or none to clear it")
    }
}
