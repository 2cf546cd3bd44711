/// What a key does on session 1's screen.
public enum PresentationAction: Sendable, Equatable {
    case nextSlide, previousSlide, firstSlide, lastSlide
    case project, stopProjecting
    case nextPanel, previousPanel
    case up, down
    case add, edit, delete
    /// A slide's title, a group's organisations: the second thing a panel's items hold.
    case rename, organisations
    case moveSlideEarlier, moveSlideLater
    /// The workshop's frame panel (see `FrameBindings`).
    case showFrame, hideFrame
}

/// Who opened a popup from session 1.
public enum PresentationPurpose: Sendable, Equatable {
    /// A new slide's title; it goes after slide `after` (-1: first).
    case addSlide(after: Int)
    /// A slide's points, one per line.
    case editSlide(index: Int)
    case renameSlide(index: Int)
    case addGroup
    case editGroup(groupID: String)
    /// A group's organisations, one per line.
    case organisations(groupID: String)
    case notes
    case frame(FrameField)
}

/// Session 1's keys, declared once: they dispatch, fill the footer and the help overlay.
/// Global keys (1 2 3, u, t, ?, q, Esc) are left alone, except Esc while projecting.
enum PresentationBindings {
    static func table(_ state: PresentationState) -> [KeyBinding<PresentationAction>] {
        if state.frame != nil { return FrameBindings.table }
        return state.projecting ? projecting : normal(focus: state.focus)
    }

    /// Changing slides: the same keys in both modes.
    private static let slideKeys: [KeyBinding<PresentationAction>] = [
        KeyBinding([.right, .pageDown, .character(" ")], "←→", Localized(fr: "Diapo", en: "Slide"),
                   help: Localized(fr: "Diapositive suivante (→, PgDn, Espace) / précédente (←, PgUp)",
                                   en: "Next slide (→, PgDn, Space) / previous slide (←, PgUp)"),
                   action: .nextSlide),
        KeyBinding([.left, .pageUp], "←", Localized(fr: "Diapo préc.", en: "Prev. slide"), footer: false, listed: false, action: .previousSlide),
        KeyBinding([.home], "Home", Localized(fr: "Première diapositive", en: "First slide"), footer: false, action: .firstSlide),
        KeyBinding([.end], "End", Localized(fr: "Dernière diapositive", en: "Last slide"), footer: false, action: .lastSlide),
    ]

    static let projecting: [KeyBinding<PresentationAction>] = slideKeys + [
        KeyBinding([.character("p"), .escape], "p", Localized(fr: "Fin projection", en: "End projection"),
                   help: Localized(fr: "Quitter le mode projection (Échap aussi)", en: "Leave projection mode (Esc too)"),
                   action: .stopProjecting),
    ]

    static func normal(focus: PresentationPanel) -> [KeyBinding<PresentationAction>] {
        var bindings = slideKeys
        bindings += [
            KeyBinding([.character("p")], "p", Localized(fr: "Projeter", en: "Project"),
                       help: Localized(fr: "Mode projection : la diapositive seule, en grand", en: "Projection mode: the slide alone, full size"),
                       action: .project),
            FrameBindings.open,
            KeyBinding([.tab], "Tab", Localized(fr: "Panneau", en: "Panel"),
                       help: Localized(fr: "Panneau suivant : diapositives, participants, notes", en: "Next panel: slides, participants, notes"),
                       action: .nextPanel),
            KeyBinding([.backTab], "S-Tab", Localized(fr: "Panneau préc.", en: "Prev. panel"), footer: false, action: .previousPanel),
        ]
        switch focus {
        case .slides:
            bindings += [
                KeyBinding([.character("a")], "a", Localized(fr: "Ajouter", en: "Add"),
                           help: Localized(fr: "Ajouter une diapositive après celle-ci", en: "Add a slide after this one"), action: .add),
                KeyBinding([.character("e"), .enter], "e", Localized(fr: "Points", en: "Points"),
                           help: Localized(fr: "Écrire les points de la diapositive, un par ligne", en: "Write the slide’s points, one per line"),
                           action: .edit),
                KeyBinding([.character("r")], "r", Localized(fr: "Titre", en: "Title"),
                           help: Localized(fr: "Changer le titre de la diapositive", en: "Change the slide’s title"), footer: false, action: .rename),
                KeyBinding([.character("x"), .delete], "x", Localized(fr: "Suppr.", en: "Delete"),
                           help: Localized(fr: "Supprimer la diapositive (u pour annuler)", en: "Delete the slide (u to undo)"), action: .delete),
                KeyBinding([.character("<")], "<", Localized(fr: "Plus tôt", en: "Earlier"),
                           help: Localized(fr: "Déplacer la diapositive d’un cran vers le début", en: "Move the slide one place towards the start"),
                           footer: false, action: .moveSlideEarlier),
                KeyBinding([.character(">")], ">", Localized(fr: "Plus tard", en: "Later"),
                           help: Localized(fr: "Déplacer la diapositive d’un cran vers la fin", en: "Move the slide one place towards the end"),
                           footer: false, action: .moveSlideLater),
            ]
        case .participants:
            bindings += [
                KeyBinding([.up, .character("k")], "↑↓", Localized(fr: "Groupe", en: "Group"),
                           help: Localized(fr: "Groupe précédent / suivant (k j aussi)", en: "Previous / next group (k j too)"), action: .up),
                KeyBinding([.down, .character("j")], "↓", Localized(fr: "Groupe suivant", en: "Next group"), footer: false, listed: false, action: .down),
                KeyBinding([.character("a")], "a", Localized(fr: "Ajouter", en: "Add"),
                           help: Localized(fr: "Ajouter un groupe de participants", en: "Add a participant group"), action: .add),
                KeyBinding([.character("e"), .enter], "e", Localized(fr: "Modifier", en: "Edit"),
                           help: Localized(fr: "Modifier le groupe : nom, effectif, femmes / hommes / non précisé",
                                           en: "Edit the group: name, headcount, women / men / not stated"), action: .edit),
                KeyBinding([.character("o")], "o", Localized(fr: "Organisations", en: "Organisations"),
                           help: Localized(fr: "Organisations du groupe, une par ligne", en: "The group’s organisations, one per line"),
                           footer: false, action: .organisations),
                KeyBinding([.character("x"), .delete], "x", Localized(fr: "Suppr.", en: "Delete"),
                           help: Localized(fr: "Supprimer le groupe (u pour annuler)", en: "Delete the group (u to undo)"), action: .delete),
            ]
        case .notes:
            bindings += [
                KeyBinding([.character("e"), .enter, .character("a")], "e", Localized(fr: "Écrire", en: "Write"),
                           help: Localized(fr: "Écrire les notes de l’animateur (a aussi)", en: "Write the facilitator’s notes (a too)"), action: .edit),
                KeyBinding([.character("x"), .delete], "x", Localized(fr: "Effacer", en: "Clear"),
                           help: Localized(fr: "Effacer les notes (u pour annuler)", en: "Clear the notes (u to undo)"), action: .delete),
            ]
        }
        return bindings
    }
}
