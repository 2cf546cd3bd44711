import DataJamCore

/// A session's title, planned minutes (past which the timer turns red) and its actual start and
/// end, as its form holds them: the times as typed on the local clock, for a facilitator who
/// forgot to start the timer, or started it late.
struct SessionTimesForm: Equatable {
    var title: String
    var planned: Int?
    var start: String
    var end: String

    init(title: String, planned: Int?, start: String, end: String) {
        self.title = title
        self.planned = planned
        self.start = start
        self.end = end
    }

    init(_ session: DaySession, day: WorkshopDate, offsetSeconds: Int64) {
        self.init(title: session.title, planned: session.plannedMinutes,
                  start: session.startedAt.map { LocalTime.text($0, day: day, offsetSeconds: offsetSeconds) } ?? "",
                  end: session.endedAt.map { LocalTime.text($0, day: day, offsetSeconds: offsetSeconds) } ?? "")
    }

    init?(_ values: [FormValue]) {
        guard values.count == 4 else { return nil }
        self.init(title: values[0].text, planned: values[1].number, start: values[2].text, end: values[3].text)
    }

    static let plannedRange = 0...Limits.plannedMinutes

    func form(phase: DaySession.Phase, lang: Lang) -> Form {
        Form(title: lang.pick(fr: "Séance \(phase.number) : titre et horaires", en: "Session \(phase.number): title and times"), fields: [
            .text(lang.pick(fr: "Titre", en: "Title"), title),
            .number(lang.pick(fr: "Durée prévue (min)", en: "Planned (minutes)"), planned, range: Self.plannedRange),
            .text(lang.pick(fr: "Début (HH:MM, vide : aucun)", en: "Start (HH:MM, empty: none)"), start),
            .text(lang.pick(fr: "Fin (HH:MM, vide : aucune)", en: "End (HH:MM, empty: none)"), end),
        ], purpose: .presentation(.frame(.session(phase))))
    }

    struct Problem: Error, Equatable {
        var message: String
        var field: Int
    }

    /// `session` with the form's values, or why not and the field to fix. A time without a day
    /// falls on `day` (the workshop's); an end without a day on the start's day.
    func applied(to session: DaySession, day: WorkshopDate, offsetSeconds: Int64, lang: Lang) -> Result<DaySession, Problem> {
        var session = session
        let title = title.trimmingCharacters(in: .whitespaces)
        guard title.unicodeScalars.count <= Limits.shortText else {
            return .failure(Problem(message: FrameUpdate.tooLong(Limits.shortText, lang), field: 0))
        }
        if let planned, !Self.plannedRange.contains(planned) {
            return .failure(Problem(message: lang.pick(fr: "Durée prévue : de 0 à \(Limits.plannedMinutes) minutes",
                                                       en: "Planned time: 0 to \(Limits.plannedMinutes) minutes"), field: 1))
        }
        func notATime(_ text: String) -> String {
            lang.pick(fr: "« \(text) » n’est pas une heure : écrivez par exemple 9:05, ou AAAA-MM-JJ 9:05",
                      en: "“\(text)” is not a time: write for example 9:05, or YYYY-MM-DD 9:05")
        }
        var started: Timestamp?
        if !start.isEmpty {
            guard let time = LocalTime.parse(start, day: day, offsetSeconds: offsetSeconds) else {
                return .failure(Problem(message: notATime(start), field: 2))
            }
            started = time
        }
        var ended: Timestamp?
        if !end.isEmpty {
            let endDay = started.map { LocalTime.day(of: $0, offsetSeconds: offsetSeconds) } ?? day
            guard let time = LocalTime.parse(end, day: endDay, offsetSeconds: offsetSeconds) else {
                return .failure(Problem(message: notATime(end), field: 3))
            }
            guard started != nil else {
                return .failure(Problem(message: lang.pick(fr: "Une fin sans début : donnez aussi l’heure de début",
                                                           en: "An end without a start: give the start time too"), field: 2))
            }
            ended = time
        }
        // A time left as shown keeps its seconds: only a time that was changed is rewritten.
        let original = SessionTimesForm(session, day: day, offsetSeconds: offsetSeconds)
        if start != original.start { session.startedAt = started }
        if end != original.end { session.endedAt = ended }
        if let started = session.startedAt, let ended = session.endedAt, ended < started {
            return .failure(Problem(message: lang.pick(fr: "La fin est avant le début", en: "The end is before the start"), field: 3))
        }
        session.title = title
        session.plannedMinutes = planned
        return .success(session)
    }
}
