/// Session 1: the programme outline slide by slide, the participants and the facilitator's notes.
public struct PresentationState: Sendable {
    /// The outline item shown.
    public var slide = 0

    public init() {}
}

/// Who opened a popup from session 1.
public enum PresentationPurpose: Sendable, Equatable {
    case editSlide(index: Int)
}
