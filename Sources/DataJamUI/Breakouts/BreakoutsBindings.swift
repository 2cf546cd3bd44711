import DataJamCore

/// What a key does on session 2's list.
public enum BreakoutsAction: Sendable, Equatable {
    case up, down, pageUp, pageDown, top, bottom
    case nextTeam, previousTeam
    /// Opens the capture line, for a kind (nil: the last one used).
    case capture(FindingKind?)
    case edit, delete, toggleGender, move, details
    /// The selected finding's text in the multi-line editor.
    case longText
    case newTeam, renameTeam, newCategory, renameCategory
}

/// Who opened a popup from session 2.
public enum BreakoutsPurpose: Sendable, Equatable {
    case move(findingID: String)
    case newTeam
    case renameTeam(teamID: String)
    case newCategory
    case pickCategoryToRename
    case renameCategory(categoryID: String)
    case dataNeed(findingID: String)
    case actorRole(findingID: String)
    case longText(findingID: String)
}

enum BreakoutsBindings {
    /// The list's bindings. In rapporteur mode the team cannot be changed, so those keys go.
    static func list(rapporteur: Bool) -> [KeyBinding<BreakoutsAction>] {
        var bindings: [KeyBinding<BreakoutsAction>] = [
            KeyBinding([.character("i"), .insert], "i", Localized(fr: "Saisir", en: "Capture"),
                       help: Localized(fr: "Saisir une trouvaille (type de la précédente)", en: "Capture a finding (same kind as the last one)"),
                       action: .capture(nil)),
        ]
        for kind in FindingKind.allCases {
            let key = Vocabulary.captureKey(kind)
            bindings.append(KeyBinding([.character(key)], String(key), Vocabulary.kind(kind),
                                       help: Localized(fr: "Saisir : \(Vocabulary.kind(kind).fr.lowercased())",
                                                       en: "Capture: \(Vocabulary.kind(kind).en.lowercased())"),
                                       footer: false, action: .capture(kind)))
        }
        bindings += [
            KeyBinding([.character("e"), .enter], "e", Localized(fr: "Modifier", en: "Edit"),
                       help: Localized(fr: "Modifier la trouvaille choisie (texte, type, catégorie)", en: "Edit the selected finding (text, kind, category)"),
                       action: .edit),
            KeyBinding([.character("x"), .delete], "x", Localized(fr: "Suppr.", en: "Delete"),
                       help: Localized(fr: "Supprimer la trouvaille (u pour annuler)", en: "Delete the finding (u to undo)"),
                       action: .delete),
            KeyBinding([.character("w")], "w", Localized(fr: "Texte long", en: "Long text"),
                       help: Localized(fr: "Écrire le texte de la trouvaille sur plusieurs lignes (Ctrl-S pour finir)",
                                       en: "Write the finding's text over several lines (Ctrl-S to finish)"),
                       footer: false, action: .longText),
            KeyBinding([.character("g")], "g", Localized(fr: "Genre", en: "Gender"),
                       help: Localized(fr: "Marquer / démarquer « genre »", en: "Toggle the gender flag"),
                       action: .toggleGender),
            KeyBinding([.character("f")], "f", Localized(fr: "Détails", en: "Details"),
                       help: Localized(fr: "Besoin en données : producteur, disponibilité, ventilation par sexe, pertinence, impact ; acteur : rôle",
                                       en: "Data need: producer, availability, sex disaggregation, relevance, impact; actor: role"),
                       footer: false, action: .details),
        ]
        if !rapporteur {
            bindings += [
                KeyBinding([.character("m")], "m", Localized(fr: "Déplacer", en: "Move"),
                           help: Localized(fr: "Déplacer la trouvaille vers une autre équipe", en: "Move the finding to another team"),
                           action: .move),
                KeyBinding([.tab, .character("]")], "Tab", Localized(fr: "Équipe suiv.", en: "Next team"),
                           help: Localized(fr: "Équipe suivante (] aussi)", en: "Next team (] too)"), action: .nextTeam),
                KeyBinding([.backTab, .character("[")], "S-Tab", Localized(fr: "Équipe préc.", en: "Prev. team"),
                           help: Localized(fr: "Équipe précédente ([ aussi)", en: "Previous team ([ too)"), footer: false, action: .previousTeam),
                KeyBinding([.character("T")], "T", Localized(fr: "Nouvelle équipe", en: "New team"), footer: false, action: .newTeam),
            ]
        }
        bindings += [
            KeyBinding([.character("R")], "R", Localized(fr: "Renommer l’équipe", en: "Rename team"), footer: false, action: .renameTeam),
            KeyBinding([.character("C")], "C", Localized(fr: "Nouvelle catégorie", en: "New category"), footer: false, action: .newCategory),
            KeyBinding([.character("K")], "K", Localized(fr: "Renommer une catégorie", en: "Rename a category"), footer: false, action: .renameCategory),
            KeyBinding([.up, .character("k")], "↑", Localized(fr: "Précédente", en: "Previous"),
                       help: Localized(fr: "Trouvaille précédente (k aussi)", en: "Previous finding (k too)"), footer: false, action: .up),
            KeyBinding([.down, .character("j")], "↓", Localized(fr: "Suivante", en: "Next"),
                       help: Localized(fr: "Trouvaille suivante (j aussi)", en: "Next finding (j too)"), footer: false, action: .down),
            KeyBinding([.pageUp], "PgUp", Localized(fr: "Page préc.", en: "Page up"), footer: false, action: .pageUp),
            KeyBinding([.pageDown], "PgDn", Localized(fr: "Page suiv.", en: "Page down"), footer: false, action: .pageDown),
            KeyBinding([.home], "Home", Localized(fr: "Début", en: "Top"), footer: false, action: .top),
            KeyBinding([.end], "End", Localized(fr: "Fin", en: "Bottom"), footer: false, action: .bottom),
        ]
        return bindings
    }

    /// The capture line's own keys (everything else edits the text), for the footer and help.
    static let editor: [BindingHint] = [
        BindingHint(keyLabel: "Enter", short: Localized(fr: "Enregistrer", en: "Record"),
                    help: Localized(fr: "Enregistrer et saisir la suivante", en: "Record and capture the next one"), footer: true),
        BindingHint(keyLabel: "Tab", short: Localized(fr: "Type", en: "Kind"),
                    help: Localized(fr: "Type suivant (Maj-Tab : précédent)", en: "Next kind (Shift-Tab: previous)"), footer: true),
        BindingHint(keyLabel: "↑↓", short: Localized(fr: "Catégorie", en: "Category"),
                    help: Localized(fr: "Catégorie de la contrainte", en: "The constraint's category"), footer: true),
        BindingHint(keyLabel: "Ctrl-G", short: Localized(fr: "Genre", en: "Gender"),
                    help: Localized(fr: "Marquer « genre »", en: "Toggle the gender flag"), footer: true),
        BindingHint(keyLabel: "Esc", short: Localized(fr: "Sortir", en: "Leave"),
                    help: Localized(fr: "Fermer la ligne (le texte tapé est gardé pour la prochaine fois)", en: "Close the line (typed text is kept for next time)"), footer: true),
        BindingHint(keyLabel: "Ctrl-W/U/K", short: Localized(fr: "Effacer", en: "Erase"),
                    help: Localized(fr: "Effacer le mot / le début / la fin de la ligne", en: "Erase word / to start / to end of line"), footer: false),
    ]
}
