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
    /// False for the second half of a pair the first one's help already covers (↓ after "↑↓"),
    /// so the help overlay lists each thing once.
    public var listed: Bool
    /// Also bound to every printable character: typing on a list where letters are text, not commands.
    public var typing: Bool
    /// Why the binding does nothing right now (no finding selected…), or nil when it works: a
    /// disabled binding leaves the footer, is dimmed in the help, and its key says why.
    public var disabled: Localized?

    public init(_ keys: [Key], _ keyLabel: String, _ short: Localized, help: Localized? = nil,
                footer: Bool = true, listed: Bool = true, typing: Bool = false, action: Action) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.short = short
        self.help = help ?? short
        self.action = action
        self.footer = footer
        self.listed = listed
        self.typing = typing
    }

    public var hint: BindingHint { BindingHint(keyLabel: keyLabel, short: short, help: help, footer: footer, listed: listed, disabled: disabled) }

    /// The binding, disabled for `reason` when `condition` holds.
    public func disabled(_ condition: Bool, _ reason: Localized) -> KeyBinding {
        var copy = self
        if condition { copy.disabled = reason }
        return copy
    }

    /// Whether `key` triggers this binding.
    public func matches(_ key: Key) -> Bool {
        if keys.contains(key) { return true }
        if typing, case .character = key { return true }
        return false
    }

    /// The binding without its printable keys, for a screen where letters are text: `?` becomes F1,
    /// `q` F10, `u` Ctrl-Z. Nil when only printable keys were bound.
    public func withoutPrintableKeys() -> KeyBinding? {
        let rest = keys.filter { if case .character = $0 { return false } else { return true } }
        guard let first = rest.first else { return nil }
        var copy = self
        copy.keys = rest
        // The label named a printable key that is gone: name the first remaining one.
        if keys.contains(where: { key in
            if case .character = key { return key.name == keyLabel }
            return false
        }) {
            copy.keyLabel = first.name
            // "(F10 aussi)" says nothing once F10 is the key shown.
            copy.help = Localized(fr: help.fr.replacingOccurrences(of: " (\(first.name) aussi)", with: ""),
                                  en: help.en.replacingOccurrences(of: " (\(first.name) too)", with: ""))
        }
        copy.typing = false
        return copy
    }
}

/// What the footer and help overlay need of a binding, whatever its action type.
public struct BindingHint: Sendable, Hashable {
    public var keyLabel: String
    public var short: Localized
    public var help: Localized
    public var footer: Bool
    /// Whether the help overlay lists it (see `KeyBinding.listed`).
    public var listed: Bool
    /// Why it does nothing now; nil when it works.
    public var disabled: Localized?

    public init(keyLabel: String, short: Localized, help: Localized, footer: Bool, listed: Bool = true, disabled: Localized? = nil) {
        self.keyLabel = keyLabel
        self.short = short
        self.help = help
        self.footer = footer
        self.listed = listed
        self.disabled = disabled
    }
}

/// A titled group of bindings in the help overlay.
public struct HelpSection: Sendable, Hashable {
    public var title: Localized
    public var hints: [BindingHint]
}

extension Array {
    /// The action bound to `key`, if any.
    public func action<A>(for key: Key) -> A? where Element == KeyBinding<A> {
        binding(for: key)?.action
    }

    /// The binding `key` triggers, if any: an exact key first, then a binding that takes typing.
    public func binding<A>(for key: Key) -> KeyBinding<A>? where Element == KeyBinding<A> {
        first { $0.keys.contains(key) } ?? first { $0.matches(key) }
    }
}
