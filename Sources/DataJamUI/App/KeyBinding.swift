/// One key binding: the keys, what they do, and how the footer and the help overlay name them.
///
/// A screen declares its bindings once, as a table; the same table dispatches keys, fills the
/// footer (`footer: true`) and generates the help overlay, so the three can never disagree.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    /// How the keys are shown ("↑↓", "Tab", "i").
    public var keyLabel: String
    /// One or two words for the footer.
    public var short: Localized
    /// A sentence for the help overlay.
    public var help: Localized
    public var action: Action
    public var footer: Bool

    public init(_ keys: [Key], _ keyLabel: String, _ short: Localized, help: Localized? = nil,
                footer: Bool = true, action: Action) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.short = short
        self.help = help ?? short
        self.action = action
        self.footer = footer
    }

    public var hint: BindingHint { BindingHint(keyLabel: keyLabel, short: short, help: help, footer: footer) }
}

/// What the footer and help overlay need of a binding, whatever its action type.
public struct BindingHint: Sendable, Hashable {
    public var keyLabel: String
    public var short: Localized
    public var help: Localized
    public var footer: Bool
}

/// A titled group of bindings in the help overlay.
public struct HelpSection: Sendable, Hashable {
    public var title: Localized
    public var hints: [BindingHint]
}

extension Array {
    /// The action bound to `key`, if any.
    public func action<A>(for key: Key) -> A? where Element == KeyBinding<A> {
        first { $0.keys.contains(key) }?.action
    }
}
