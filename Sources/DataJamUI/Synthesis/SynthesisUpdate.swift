import DataJamCore

enum SynthesisUpdate {
    static func handle(_ key: Key, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction { .ignored }

    static func resolve(_ purpose: SynthesisPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        .ignored
    }

    static func isTyping(_ open: OpenWorkshop) -> Bool { false }

    static func hints(_ open: OpenWorkshop) -> [BindingHint] { [] }
}
