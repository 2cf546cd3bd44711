/// The frame panel's keys, declared once for dispatch, footer and help.
enum FrameBindings {
    /// Opens the panel from session 1's other panels.
    static let open = KeyBinding<PresentationAction>(
        [.character("c"), .character("f")], "c", Localized(fr: "Cadre", en: "Frame"),
        help: Localized(fr: "Cadre de l’atelier : thème, date, ville, axe, contexte, objectifs, titres et horaires des séances (f aussi)",
                        en: "Workshop frame: theme, date, city, focus, context, objectives, session titles and times (f too)"),
        action: .showFrame)

    static let table: [KeyBinding<PresentationAction>] = [
        KeyBinding([.up, .character("k")], "↑↓", Localized(fr: "Champ", en: "Field"),
                   help: Localized(fr: "Champ précédent / suivant (k j aussi)", en: "Previous / next field (k j too)"), action: .up),
        KeyBinding([.down, .character("j")], "↓", Localized(fr: "Champ suivant", en: "Next field"), footer: false, action: .down),
        KeyBinding([.character("e"), .enter], "Enter", Localized(fr: "Modifier", en: "Edit"),
                   help: Localized(fr: "Modifier le champ (e aussi) ; contexte et objectifs s’écrivent sur plusieurs lignes",
                                   en: "Edit the field (e too); context and objectives are written over several lines"),
                   action: .edit),
        KeyBinding([.character("c"), .character("f"), .escape], "Esc", Localized(fr: "Fermer", en: "Close"),
                   help: Localized(fr: "Revenir aux diapositives (c, f aussi)", en: "Back to the slides (c, f too)"),
                   action: .hideFrame),
    ]
}
