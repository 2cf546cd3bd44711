import DataJamCore

/// Session 3's reactions to keys and to the popups it opened. Each sub-view has its own update;
/// this one switches between them and keeps the derived data current.
enum SynthesisUpdate {
    static func handle(_ key: Key, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        open.synthesis.refresh(in: open.workshop, contentVersion: open.contentVersion)
        guard let action: SynthesisAction = SynthesisBindings.bindings(for: open.synthesis.tab).action(for: key) else { return .ignored }
        return perform(action, &open, context)
    }

    static func perform(_ action: SynthesisAction, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        switch action {
        case .nextView:
            open.synthesis.tab = open.synthesis.tab.next
            return .handled
        case .previousView:
            open.synthesis.tab = open.synthesis.tab.previous
            return .handled
        default:
            break
        }
        switch open.synthesis.tab {
        case .matrix: return MatrixUpdate.perform(action, &open, context)
        case .consolidated: return ConsolidatedUpdate.perform(action, &open, context)
        case .needs: return NeedsUpdate.perform(action, &open, context)
        case .conclusions: return ConclusionsUpdate.perform(action, &open, context)
        }
    }

    static func resolve(_ purpose: SynthesisPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        open.synthesis.refresh(in: open.workshop, contentVersion: open.contentVersion)
        switch purpose {
        case .scoreNeed: return NeedsUpdate.resolve(purpose, result, &open, context)
        case .addItem, .editItem, .addPartnership, .editPartnership: return ConclusionsUpdate.resolve(purpose, result, &open, context)
        }
    }

    /// Session 3 takes no text itself: its popups do.
    static func isTyping(_ open: OpenWorkshop) -> Bool { false }

    static func hints(_ open: OpenWorkshop) -> [BindingHint] {
        SynthesisBindings.bindings(for: open.synthesis.tab).map(\.hint)
    }

    /// Performs `changes` and brings the derived data up to date at once (whether or not
    /// `OpenWorkshop.refresh` already did).
    static func perform(_ changes: [WorkshopChange], label: String, _ open: inout OpenWorkshop, _ context: ScreenContext) -> [Effect] {
        let effects = open.perform(changes, label: label, now: context.now)
        open.synthesis.refresh(in: open.workshop, contentVersion: open.contentVersion)
        return effects
    }

    /// A text quoted in a status message, cut short.
    static func quote(_ text: String, _ lang: Lang, width: Int = 32) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let short = DisplayWidth.of(flat) <= width ? flat
            : TextWrap.prefix(of: flat, width: width - 1).trimmingCharacters(in: .whitespaces) + "…"
        return lang.pick(fr: "« \(short) »", en: "“\(short)”")
    }
}
