import DataJamCore

/// Session 1: the programme outline slide by slide, the participants and the facilitator's notes.
public struct PresentationState: Sendable {
    /// The outline item shown (clamped to the outline wherever it is read: undo and merges can
    /// shorten the outline under it).
    public var slide = 0
    /// The panel the editing keys act on.
    public var focus: PresentationPanel = .slides
    /// The selected participant group (an id, so the selection survives edits and merges).
    public var selectedGroupID: String?
    /// Only the slide, for the projector.
    public var projecting = false
    /// The workshop's frame panel, shown over the others while set.
    public var frame: FrameState?

    public init() {}

    /// `slide` within an outline of `count` items (0 when there is none).
    func slideIndex(count: Int) -> Int { min(max(0, slide), max(0, count - 1)) }

    /// Index into `groups` (the live ones) of the selected group: the first one when the
    /// selection is gone.
    func groupIndex(in groups: [ParticipantGroup]) -> Int? {
        guard !groups.isEmpty else { return nil }
        return groups.firstIndex { $0.id == selectedGroupID } ?? 0
    }
}

/// The three parts of session 1's screen, in Tab order.
public enum PresentationPanel: Sendable, Equatable, CaseIterable {
    case slides, participants, notes

    var title: Localized {
        switch self {
        case .slides: Localized(fr: "Diapositive", en: "Slide")
        case .participants: Localized(fr: "Participants", en: "Participants")
        case .notes: Localized(fr: "Notes de l’animateur", en: "Facilitator’s notes")
        }
    }
}
