/// What a key does on session 3.
public enum SynthesisAction: Sendable, Equatable {
    case nextView, previousView
    case up, down, pageUp, pageDown, top, bottom
    /// The matrix: scroll the team columns. The conclusions: previous / next section.
    case left, right
    /// The consolidated view: mark a finding, link it to the marked one, or unlink it.
    case samePoint
    /// The consolidated view: remove the "same point" links of a finding, at either end.
    case unlink
    /// The data needs: score relevance and impact.
    case score
    /// The conclusions.
    case add, edit, delete
}

/// Session 3's keys, one table per sub-view: they drive dispatch, the footer and the help.
/// Global keys (1 2 3, u, t, q, ?, Esc) are left alone.
enum SynthesisBindings {
    static func bindings(for tab: SynthesisTab) -> [KeyBinding<SynthesisAction>] {
        var bindings = [
            KeyBinding([.tab], "Tab", Localized(fr: "Vue suivante", en: "Next view"),
                       help: Localized(fr: "Vue suivante : matrice, consolidé, besoins, conclusions", en: "Next view: matrix, consolidated, data needs, conclusions"),
                       action: SynthesisAction.nextView),
            KeyBinding([.backTab], "S-Tab", Localized(fr: "Vue préc.", en: "Prev. view"),
                       help: Localized(fr: "Vue précédente", en: "Previous view"), footer: false, action: .previousView),
        ]
        switch tab {
        case .matrix:
            bindings += [
                KeyBinding([.left, .character("h")], "←→", Localized(fr: "Équipes", en: "Teams"),
                           help: Localized(fr: "Faire défiler les colonnes d’équipes quand elles ne tiennent pas (h l aussi)",
                                           en: "Scroll the team columns when they do not fit (h l too)"),
                           action: .left),
                KeyBinding([.right, .character("l")], "→", Localized(fr: "Équipes suiv.", en: "Next teams"), footer: false, listed: false, action: .right),
                KeyBinding([.up, .character("k")], "↑↓", Localized(fr: "Catégories", en: "Categories"),
                           help: Localized(fr: "Faire défiler les catégories quand elles ne tiennent pas (k j aussi)",
                                           en: "Scroll the categories when they do not fit (k j too)"),
                           footer: false, action: .up),
                KeyBinding([.down, .character("j")], "↓", Localized(fr: "Catégories suiv.", en: "Next categories"), footer: false, listed: false, action: .down),
                KeyBinding([.pageUp], "PgUp", Localized(fr: "Page préc.", en: "Page up"), footer: false, action: .pageUp),
                KeyBinding([.pageDown], "PgDn", Localized(fr: "Page suiv.", en: "Page down"), footer: false, action: .pageDown),
                KeyBinding([.home], "Home", Localized(fr: "Début", en: "Top"), footer: false, action: .top),
                KeyBinding([.end], "End", Localized(fr: "Fin", en: "Bottom"), footer: false, action: .bottom),
            ]
        case .consolidated:
            bindings += [
                KeyBinding([.character("=")], "=", Localized(fr: "Même point", en: "Same point"),
                           help: Localized(fr: "Marquer la trouvaille, puis = sur celle d’une autre équipe qui dit la même chose ; = sur une trouvaille reliée la détache",
                                           en: "Mark the finding, then = on another team's finding that says the same; = on a linked finding unlinks it"),
                           action: .samePoint),
                KeyBinding([.character("x"), .delete], "x", Localized(fr: "Délier", en: "Unlink"),
                           help: Localized(fr: "Retirer le lien « même point » de la trouvaille, qu’elle pointe vers une autre ou que d’autres pointent vers elle (u pour annuler)",
                                           en: "Remove the finding's “same point” links, whether it points to another or others point to it (u to undo)"),
                           action: .unlink),
            ] + navigation(footer: true)
        case .needs:
            bindings += [
                KeyBinding([.character("e"), .enter], "e", Localized(fr: "Noter", en: "Score"),
                           help: Localized(fr: "Noter la pertinence et l’impact du besoin (1 à 5) : le classement suit", en: "Score the need's relevance and impact (1 to 5): the ranking follows"),
                           action: .score),
            ] + navigation(footer: true)
        case .conclusions:
            bindings += [
                KeyBinding([.character("a"), .insert], "a", Localized(fr: "Ajouter", en: "Add"),
                           help: Localized(fr: "Ajouter un élément à la rubrique choisie", en: "Add an item to the selected section"),
                           action: .add),
                KeyBinding([.character("e"), .enter], "e", Localized(fr: "Modifier", en: "Edit"),
                           help: Localized(fr: "Modifier l’élément choisi (Entrée aussi)", en: "Edit the selected item (Enter too)"),
                           action: .edit),
                KeyBinding([.character("x"), .delete], "x", Localized(fr: "Suppr.", en: "Delete"),
                           help: Localized(fr: "Supprimer l’élément choisi (u pour annuler)", en: "Delete the selected item (u to undo)"),
                           action: .delete),
                KeyBinding([.left, .character("[")], "←→", Localized(fr: "Rubrique", en: "Section"),
                           help: Localized(fr: "Rubrique précédente / suivante ([ ] aussi)", en: "Previous / next section ([ ] too)"),
                           footer: false, action: .left),
                KeyBinding([.right, .character("]")], "→", Localized(fr: "Rubrique suiv.", en: "Next section"), footer: false, listed: false, action: .right),
            ] + navigation(footer: true)
        }
        return bindings
    }

    /// Moving the selection in a list.
    private static func navigation(footer: Bool) -> [KeyBinding<SynthesisAction>] {
        [
            KeyBinding([.up, .character("k")], "↑↓", Localized(fr: "Choisir", en: "Select"),
                       help: Localized(fr: "Élément précédent / suivant (k j aussi)", en: "Previous / next item (k j too)"),
                       footer: footer, action: .up),
            KeyBinding([.down, .character("j")], "↓", Localized(fr: "Suivant", en: "Next"), footer: false, listed: false, action: .down),
            KeyBinding([.pageUp], "PgUp", Localized(fr: "Page préc.", en: "Page up"), footer: false, action: .pageUp),
            KeyBinding([.pageDown], "PgDn", Localized(fr: "Page suiv.", en: "Page down"), footer: false, action: .pageDown),
            KeyBinding([.home], "Home", Localized(fr: "Début", en: "Top"), footer: false, action: .top),
            KeyBinding([.end], "End", Localized(fr: "Fin", en: "Bottom"), footer: false, action: .bottom),
        ]
    }
}
