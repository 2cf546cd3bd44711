import DataJamCore

/// Sends keys, popup results and drawing to the screen of the session being shown.
enum PhaseScreen {
    static func handle(_ key: Key, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        switch open.phase {
        case .presentation: PresentationUpdate.handle(key, &open, context)
        case .breakouts: BreakoutsUpdate.handle(key, &open, context)
        case .synthesis: SynthesisUpdate.handle(key, &open, context)
        }
    }

    static func resolve(_ purpose: PopupPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        switch purpose {
        case .presentation(let p): PresentationUpdate.resolve(p, result, &open, context)
        case .breakouts(let p): BreakoutsUpdate.resolve(p, result, &open, context)
        case .synthesis(let p): SynthesisUpdate.resolve(p, result, &open, context)
        case .home, .quitUnsaved, .loseDraft, .export, .serving: .ignored
        }
    }

    /// True while the screen is taking text: every key goes to it, global keys included.
    static func isTyping(_ open: OpenWorkshop) -> Bool {
        switch open.phase {
        case .presentation: PresentationUpdate.isTyping(open)
        case .breakouts: open.breakouts.editor != nil
        case .synthesis: SynthesisUpdate.isTyping(open)
        }
    }

    /// True where a printable key is text: session 2, whose list opens the capture line with what
    /// is typed. Keys that work everywhere then keep only their F-key and Ctrl-key forms.
    static func takesLetters(_ open: OpenWorkshop) -> Bool {
        open.phase == .breakouts || isTyping(open)
    }

    /// The keys of the screen in its current mode: footer and help.
    static func hints(_ open: OpenWorkshop) -> [BindingHint] {
        switch open.phase {
        case .presentation: PresentationUpdate.hints(open)
        case .breakouts:
            open.breakouts.editor.map { BreakoutsBindings.editor($0).map(\.hint) }
                ?? BreakoutsBindings.list(open).map(\.hint)
        case .synthesis: SynthesisUpdate.hints(open)
        }
    }

    static func title(_ phase: DaySession.Phase) -> Localized {
        switch phase {
        case .presentation: Localized(fr: "Séance 1 · Présentation", en: "Session 1 · Presentation")
        case .breakouts: Localized(fr: "Séance 2 · Data jam", en: "Session 2 · Data jam")
        case .synthesis: Localized(fr: "Séance 3 · Synthèse", en: "Session 3 · Synthesis")
        }
    }

    /// Draws the screen into `area`; returns where the text cursor goes, if anywhere.
    static func render(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        switch open.phase {
        case .presentation: PresentationView.render(open, into: &buffer, context)
        case .breakouts: BreakoutsView.render(open, into: &buffer, context)
        case .synthesis: SynthesisView.render(open, into: &buffer, context)
        }
    }
}
