/// Session 3: the category × team matrix, the consolidated findings, ranked data needs, and the
/// synthesis editors.
public struct SynthesisState: Sendable {
    public var view = 0

    public init() {}
}

/// Who opened a popup from session 3.
public enum SynthesisPurpose: Sendable, Equatable {
    case addItem(section: String)
}
