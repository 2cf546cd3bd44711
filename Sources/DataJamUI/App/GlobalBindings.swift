import DataJamCore

/// Keys that work everywhere inside a workshop (outside text entry).
public enum GlobalAction: Sendable, Equatable {
    case phase(DaySession.Phase)
    case nextPhase
    case help
    case quit
    case back
    case undo
    case redo
    case timerStartStop
    case timerReset
    /// Export the workshop now, from any session.
    case export
    /// Who is connected over SSH (while serving).
    case connections
}

enum GlobalBindings {
    /// The keys that work everywhere in `open`'s current screen. Where that screen takes letters as
    /// text (session 2), only their F-key and Ctrl-key forms are left; while its capture line is
    /// open, Esc closes the line instead of going home.
    static func workshop(_ open: OpenWorkshop, serving: Bool = false) -> [KeyBinding<GlobalAction>] {
        let variant = Variant(hasHome: open.hasHome && !PhaseScreen.isTyping(open), serving: serving,
                              lettersAreText: PhaseScreen.takesLetters(open))
        // Undo and redo with nothing to undo or redo leave the footer (the key still says so).
        return (prepared[variant] ?? []).map { binding in
            switch binding.action {
            case .undo: binding.disabled(open.history.undoStack.isEmpty, Localized(fr: "rien à annuler", en: "nothing to undo"))
            case .redo: binding.disabled(open.history.redoStack.isEmpty, Localized(fr: "rien à rétablir", en: "nothing to redo"))
            default: binding
            }
        }
    }

    /// What decides the table, apart from undo and redo.
    private struct Variant: Hashable, CaseIterable {
        var hasHome: Bool
        var serving: Bool
        /// Letters are text here: only the F-key and Ctrl-key forms are left.
        var lettersAreText: Bool

        static let allCases: [Variant] = [false, true].flatMap { home in
            [false, true].flatMap { serving in [false, true].map { Variant(hasHome: home, serving: serving, lettersAreText: $0) } }
        }
    }

    /// Every variant's table, built once: the keys are asked for on every keystroke and every frame,
    /// and rewriting their help texts each time cost a tenth of a keystroke at 10,000 findings.
    private static let prepared: [Variant: [KeyBinding<GlobalAction>]] = Dictionary(uniqueKeysWithValues: Variant.allCases.map { variant in
        let bindings = workshop(hasHome: variant.hasHome, serving: variant.serving)
        return (variant, variant.lettersAreText ? bindings.compactMap { $0.withoutPrintableKeys() } : bindings)
    })

    static func workshop(hasHome: Bool, serving: Bool = false) -> [KeyBinding<GlobalAction>] {
        var bindings: [KeyBinding<GlobalAction>] = [
            KeyBinding([.character("1"), .function(2)], "1", Localized(fr: "Présentation", en: "Presentation"),
                       help: Localized(fr: "Séance 1 : présentation du programme (F2 aussi)", en: "Session 1: programme presentation (F2 too)"),
                       footer: false, action: .phase(.presentation)),
            KeyBinding([.character("2"), .function(3)], "2", Localized(fr: "Data jam", en: "Data jam"),
                       help: Localized(fr: "Séance 2 : travaux des équipes (F3 aussi)", en: "Session 2: team breakouts (F3 too)"),
                       footer: false, action: .phase(.breakouts)),
            KeyBinding([.character("3"), .function(4)], "3", Localized(fr: "Synthèse", en: "Synthesis"),
                       help: Localized(fr: "Séance 3 : synthèse (F4 aussi)", en: "Session 3: synthesis (F4 too)"),
                       footer: false, action: .phase(.synthesis)),
            KeyBinding([.character("u"), .control("z")], "u", Localized(fr: "Annuler", en: "Undo"),
                       help: Localized(fr: "Annuler la dernière modification (Ctrl-Z aussi)", en: "Undo the last change (Ctrl-Z too)"),
                       action: .undo),
            KeyBinding([.control("r"), .control("y")], "Ctrl-R", Localized(fr: "Rétablir", en: "Redo"),
                       help: Localized(fr: "Rétablir ce qui a été annulé (Ctrl-Y aussi)", en: "Redo what was undone (Ctrl-Y too)"),
                       footer: false, action: .redo),
            KeyBinding([.function(5), .character("t")], "t", Localized(fr: "Chrono", en: "Timer"),
                       help: Localized(fr: "Démarrer / arrêter le chrono de la séance (F5 aussi)", en: "Start / stop the session's timer (F5 too)"),
                       footer: false, action: .timerStartStop),
            KeyBinding([.function(6)], "F6", Localized(fr: "Remise à zéro", en: "Reset timer"),
                       help: Localized(fr: "Remettre le chrono de la séance à zéro", en: "Reset the session's timer"),
                       footer: false, action: .timerReset),
            KeyBinding([.character("E"), .function(12)], "E", Localized(fr: "Exporter", en: "Export"),
                       help: Localized(fr: "Exporter l’atelier maintenant, depuis n’importe quelle séance : rapport Markdown ou HTML, CSV, Data Package, demandes CKAN, JSON ; en français ou en anglais, avec ou sans les noms (dans exports/ ; F12 aussi)",
                                       en: "Export the workshop now, from any session: Markdown or HTML report, CSV, Data Package, CKAN requests, JSON; in French or English, with or without names (into exports/; F12 too)"),
                       footer: false, action: .export),
            KeyBinding([.character("?"), .function(1)], "?", Localized(fr: "Aide", en: "Help"),
                       help: Localized(fr: "Toutes les touches (F1 aussi)", en: "Every key (F1 too)"), action: .help),
        ]
        if hasHome {
            bindings.append(KeyBinding([.escape], "Esc", Localized(fr: "Accueil", en: "Home"),
                                       help: Localized(fr: "Revenir à la liste des ateliers", en: "Back to the list of workshops"),
                                       footer: false, action: .back))
        }
        if serving {
            bindings.append(KeyBinding([.control("o")], "Ctrl-O", Localized(fr: "Connexions", en: "Connections"),
                                       help: Localized(fr: "Rapporteurs connectés par SSH : déconnecter, changer le code (? montre comment rejoindre)",
                                                       en: "Rapporteurs connected over SSH: disconnect one, change the code (? shows how to join)"),
                                       action: .connections))
        }
        bindings.append(KeyBinding([.character("q"), .function(10)], "q", Localized(fr: "Quitter", en: "Quit"),
                                   help: Localized(fr: "Quitter (F10 aussi) ; tout est déjà enregistré", en: "Quit (F10 too); everything is already saved"),
                                   action: .quit))
        return bindings
    }
}
