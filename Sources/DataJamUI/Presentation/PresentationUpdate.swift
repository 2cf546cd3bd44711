import DataJamCore

enum PresentationUpdate {
    static func handle(_ key: Key, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let count = open.workshop.session(.presentation)?.outline.count ?? 0
        switch key {
        case .right, .pageDown, .character(" "): open.presentation.slide = min(max(0, count - 1), open.presentation.slide + 1)
        case .left, .pageUp: open.presentation.slide = max(0, open.presentation.slide - 1)
        default: return .ignored
        }
        return .handled
    }

    static func resolve(_ purpose: PresentationPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        .ignored
    }

    static func isTyping(_ open: OpenWorkshop) -> Bool { false }

    static func hints(_ open: OpenWorkshop) -> [BindingHint] {
        [BindingHint(keyLabel: "←→", short: Localized(fr: "Diapositive", en: "Slide"), help: Localized(fr: "Diapositive précédente / suivante", en: "Previous / next slide"), footer: true)]
    }
}
