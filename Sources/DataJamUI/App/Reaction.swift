/// What a screen's update gives back to the root: effects to run, a status text, a popup to open.
public struct Reaction: Sendable {
    public var effects: [Effect] = []
    public var status: String?
    public var popup: Popup?
    /// False when the screen did not use the key, so the root may try its own bindings.
    public var handled = true

    public init(effects: [Effect] = [], status: String? = nil, popup: Popup? = nil, handled: Bool = true) {
        self.effects = effects
        self.status = status
        self.popup = popup
        self.handled = handled
    }

    public static let handled = Reaction()
    public static let ignored = Reaction(handled: false)
    public static func status(_ text: String) -> Reaction { Reaction(status: text) }
    public static func popup(_ popup: Popup) -> Reaction { Reaction(popup: popup) }
}
