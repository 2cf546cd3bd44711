/// A new workshop that reuses another's set-up: constraint categories, teams (names, scopes),
/// the programme outline and planned durations, the time zone, participant group names and the plenary
/// exercise; without its findings, counts, times, people or synthesis.
extension Workshop {
    public func setupCopy(theme: String, date: WorkshopDate?, city: String, now: Timestamp = .now()) -> Workshop {
        func at(_ i: Int) -> Timestamp { Timestamp(milliseconds: now.milliseconds + Int64(i)) }
        var copy = Workshop(
            details: WorkshopDetails(theme: theme, focus: "", date: date, city: city, timeZone: details.timeZone,
                                     context: details.context,
                                     objectives: details.objectives, updatedAt: now),
            sessions: sessions.map {
                DaySession(id: $0.id, title: $0.title, outline: $0.outline, plannedMinutes: $0.plannedMinutes, updatedAt: now)
            },
            plenary: Plenary(scope: plenary.scope, updatedAt: now))
        // A file written before names were kept unique may repeat a name: the copy keeps the first.
        let categories = Self.firstOfEachName(categories.live, \.label)
        let teams = Self.firstOfEachName(teams.live, \.name)
        copy.categories = categories.enumerated().map { i, c in ConstraintCategory(id: c.id, label: c.label, createdAt: at(i)) }
        copy.teams = teams.enumerated().map { i, t in Team(name: t.name, scope: t.scope, createdAt: at(i)) }
        copy.participantGroups = participantGroups.live.enumerated().map { i, g in ParticipantGroup(name: g.name, createdAt: at(i)) }
        return copy
    }

    private static func firstOfEachName<R>(_ records: [R], _ name: (R) -> String) -> [R] {
        var seen = Set<String>()
        return records.filter { seen.insert(SessionMerge.nameKey(name($0))).inserted }
    }
}
