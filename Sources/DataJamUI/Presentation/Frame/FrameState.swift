import DataJamCore

/// Session 1's frame panel: the workshop's frame (theme, date, city, time zone, focus, context, objectives:
/// the report's first sections) and each session's title, planned time, start and end, shown
/// over the session's screen while `PresentationState.frame` is set.
public struct FrameState: Sendable, Equatable {
    /// The field the editing keys act on.
    public var field: FrameField = .theme

    public init(field: FrameField = .theme) { self.field = field }
}

/// One line of the frame panel, in screen order.
public enum FrameField: Sendable, Equatable {
    case theme, date, city, timeZone, focus, context, objectives
    /// A session's title, planned minutes, start and end, edited together.
    case session(DaySession.Phase)

    static let all: [FrameField] = [.theme, .date, .city, .timeZone, .focus, .context, .objectives]
        + DaySession.Phase.allCases.map { .session($0) }

    func label(_ lang: Lang) -> String {
        switch self {
        case .theme: lang.pick(fr: "Thème", en: "Theme")
        case .date: lang.pick(fr: "Date", en: "Date")
        case .city: lang.pick(fr: "Ville", en: "City")
        case .timeZone: lang.pick(fr: "Fuseau", en: "Time zone")
        case .focus: lang.pick(fr: "Axe", en: "Focus")
        case .context: lang.pick(fr: "Contexte", en: "Context")
        case .objectives: lang.pick(fr: "Objectifs", en: "Objectives")
        case .session(let phase): lang.pick(fr: "Séance \(phase.number)", en: "Session \(phase.number)")
        }
    }
}
