import DataJamCore

/// What a key does on session 2's list.
public enum BreakoutsAction: Sendable, Equatable {
    case up, down, pageUp, pageDown, top, bottom
    case nextTeam, previousTeam
    /// Opens the capture line, for a kind (nil: the last one used).
    case capture(FindingKind?)
    case edit, delete, toggleGender, move, details
    /// The menu of team and category commands.
    case manage
    /// The selected finding's text in the multi-line editor.
    case longText
    case newTeam, renameTeam, newCategory, renameCategory
    /// Deleting teams and categories, restoring (BreakoutsRecords).
    case records(RecordsAction)
}

/// What a key does on session 2's capture line (keys not in its table edit the text).
public enum CaptureAction: Sendable, Equatable {
    case record
    case nextKind, previousKind
    case kind(FindingKind)
    case previousCategory, nextCategory
    case toggleGender
    case leave
    /// Only documents the line editor's own keys in the help.
    case lineEditing
}

/// Who opened a popup from session 2.
public enum BreakoutsPurpose: Sendable, Equatable {
    case move(findingID: String)
    case manage
    case newTeam
    case renameTeam(teamID: String)
    case newCategory
    case pickCategoryToRename
    case renameCategory(categoryID: String)
    case dataNeed(findingID: String)
    case actorRole(findingID: String)
    case records(RecordsPurpose)
    case longText(findingID: String)
}

/// Session 2 is where people type: on its list and on its capture line a printable key is always
/// text (on the list it opens the capture line with that text), never a command. Commands use keys
/// a typist does not hit by accident: Enter, Del, Tab, arrows, F-keys, Ctrl and Alt keys. The kind
/// keys are Alt + the kind's letter, the same on the list and on the line.
enum BreakoutsBindings {
    /// `Alt-c` constraint, `Alt-o` opportunity…: on the list they open the capture line for the
    /// kind, on the line they change its kind.
    static func kindLabel(_ kind: FindingKind) -> String { "Alt-\(Vocabulary.captureKey(kind))" }

    /// The list's bindings as they stand in `open`: those that would do nothing now (no finding
    /// selected, a single team…) are disabled with the reason.
    static func list(_ open: OpenWorkshop) -> [KeyBinding<BreakoutsAction>] {
        let state = open.breakouts
        let selected: Finding? = state.selectedRow.flatMap { row in
            guard case .finding(_, let index) = state.rows[row], open.workshop.findings.indices.contains(index) else { return nil }
            return open.workshop.findings[index]
        }
        let noFinding = Localized(fr: "aucune trouvaille choisie", en: "no finding selected")
        let oneTab = BreakoutsUpdate.tabs(open).count < 2
        let oneTeam = Localized(fr: "une seule équipe", en: "a single team")
        return list(rapporteur: open.rapporteurTeamID != nil).map { binding in
            switch binding.action {
            case .edit, .longText, .delete, .toggleGender, .up, .down, .pageUp, .pageDown, .top, .bottom:
                return binding.disabled(selected == nil, noFinding)
            case .move:
                return binding.disabled(selected == nil, noFinding).disabled(selected != nil && oneTab, oneTeam)
            case .details:
                let kind = selected?.kind
                return binding.disabled(selected == nil, noFinding)
                    .disabled(kind != nil && kind != .dataNeed && kind != .actor,
                              Localized(fr: "pour les besoins en données et les acteurs seulement", en: "for data needs and actors only"))
            case .nextTeam, .previousTeam:
                return binding.disabled(oneTab, oneTeam)
            default:
                return binding
            }
        }
    }

    /// The list's bindings, most useful first (the footer keeps the first that fit). In rapporteur
    /// mode the team cannot be changed, so those keys go.
    static func list(rapporteur: Bool) -> [KeyBinding<BreakoutsAction>] {
        var bindings: [KeyBinding<BreakoutsAction>] = [
            KeyBinding([.insert], "abc", Localized(fr: "Saisir", en: "Capture"),
                       help: Localized(fr: "Tapez une trouvaille : la ligne de saisie s’ouvre avec ce que vous tapez (Ins l’ouvre vide)",
                                       en: "Type a finding: the capture line opens with what you type (Ins opens it empty)"),
                       typing: true, action: .capture(nil)),
            KeyBinding([.enter], "Enter", Localized(fr: "Modifier", en: "Edit"),
                       help: Localized(fr: "Modifier la trouvaille choisie (texte, type, catégorie)", en: "Edit the selected finding (text, kind, category)"),
                       action: .edit),
        ]
        if !rapporteur {
            bindings += [
                KeyBinding([.tab], "Tab", Localized(fr: "Équipe suiv.", en: "Next team"),
                           help: Localized(fr: "Équipe suivante", en: "Next team"), action: .nextTeam),
                KeyBinding([.backTab], "S-Tab", Localized(fr: "Équipe préc.", en: "Prev. team"),
                           help: Localized(fr: "Équipe précédente", en: "Previous team"), footer: false, action: .previousTeam),
            ]
        }
        bindings += [
            KeyBinding([.function(8)], "F8", Localized(fr: "Détails", en: "Details"),
                       help: Localized(fr: "Besoin en données : producteur, disponibilité, ventilation par sexe, pertinence, impact ; acteur : rôle",
                                       en: "Data need: producer, availability, sex disaggregation, relevance, impact; actor: role"),
                       action: .details),
            KeyBinding([.function(9)], "F9", Localized(fr: "Équipes…", en: "Teams…"),
                       help: Localized(fr: "Équipes et catégories : ajouter, renommer, supprimer ; restaurer ce qui a été supprimé (un menu)",
                                        en: "Teams and categories: add, rename, delete; restore what was deleted (a menu)"),
                       action: .manage),
            KeyBinding([.delete], "Del", Localized(fr: "Suppr.", en: "Delete"),
                       help: Localized(fr: "Supprimer la trouvaille (Ctrl-Z pour annuler)", en: "Delete the finding (Ctrl-Z to undo)"),
                       action: .delete),
        ]
        if !rapporteur {
            bindings += [
                KeyBinding([.function(7)], "F7", Localized(fr: "Déplacer", en: "Move"),
                           help: Localized(fr: "Déplacer la trouvaille vers une autre équipe", en: "Move the finding to another team"),
                           action: .move),
            ]
        }
        bindings += [
            KeyBinding([.control("g")], "Ctrl-G", Localized(fr: "Genre", en: "Gender"),
                       help: Localized(fr: "Marquer / démarquer « genre »", en: "Toggle the gender flag"),
                       action: .toggleGender),
        ]
        for kind in FindingKind.allCases {
            bindings.append(KeyBinding([.alt(Vocabulary.captureKey(kind))], kindLabel(kind), Vocabulary.kind(kind),
                                       help: Localized(fr: "Saisir : \(Vocabulary.kind(kind).fr.lowercased())",
                                                       en: "Capture: \(Vocabulary.kind(kind).en.lowercased())"),
                                       footer: false, action: .capture(kind)))
        }
        bindings += [
            KeyBinding([.control("e")], "Ctrl-E", Localized(fr: "Texte long", en: "Long text"),
                       help: Localized(fr: "Écrire le texte de la trouvaille sur plusieurs lignes (Ctrl-S pour finir)",
                                       en: "Write the finding's text over several lines (Ctrl-S to finish)"),
                       footer: false, action: .longText),
            KeyBinding([.up], "↑↓", Localized(fr: "Choisir", en: "Select"),
                       help: Localized(fr: "Trouvaille précédente / suivante", en: "Previous / next finding"), footer: false, action: .up),
            KeyBinding([.down], "↓", Localized(fr: "Suivante", en: "Next"), footer: false, listed: false, action: .down),
            KeyBinding([.pageUp], "PgUp", Localized(fr: "Page préc.", en: "Page up"), footer: false, action: .pageUp),
            KeyBinding([.pageDown], "PgDn", Localized(fr: "Page suiv.", en: "Page down"), footer: false, action: .pageDown),
            KeyBinding([.home], "Home", Localized(fr: "Début", en: "Top"), footer: false, action: .top),
            KeyBinding([.end], "End", Localized(fr: "Fin", en: "Bottom"), footer: false, action: .bottom),
        ]
        return bindings
    }

    /// The team and category commands of the F9 menu, in menu order (chosen by number or ↑↓ Enter).
    static func manage(rapporteur: Bool) -> [KeyBinding<BreakoutsAction>] {
        var items: [(BreakoutsAction, Localized, Localized)] = []
        if !rapporteur {
            items.append((.newTeam, Localized(fr: "Nouvelle équipe", en: "New team"),
                          Localized(fr: "Ajouter une équipe", en: "Add a team")))
        }
        items += [
            (.renameTeam, Localized(fr: "Renommer l’équipe", en: "Rename the team"),
             Localized(fr: "Renommer l’équipe affichée", en: "Rename the team shown")),
            (.newCategory, Localized(fr: "Nouvelle catégorie", en: "New category"),
             Localized(fr: "Ajouter une catégorie de contraintes", en: "Add a constraint category")),
            (.renameCategory, Localized(fr: "Renommer une catégorie", en: "Rename a category"),
             Localized(fr: "Renommer une catégorie de contraintes", en: "Rename a constraint category")),
        ]
        if !rapporteur {
            items += [
                (.records(.deleteTeam), Localized(fr: "Supprimer l’équipe", en: "Delete the team"),
                 Localized(fr: "Supprimer l’équipe affichée (ses trouvailles vont où vous dites)",
                           en: "Delete the team shown (its findings go where you say)")),
                (.records(.deleteCategory), Localized(fr: "Supprimer une catégorie", en: "Delete a category"),
                 Localized(fr: "Supprimer une catégorie de contraintes (ses contraintes vont où vous dites)",
                           en: "Delete a constraint category (its constraints go where you say)")),
            ]
        }
        items.append((.records(.showDeleted), Localized(fr: "Supprimés…", en: "Deleted…"),
                      Localized(fr: "Voir ce qui a été supprimé et le restaurer", en: "See what was deleted and restore it")))
        return items.enumerated().map { n, item in
            KeyBinding([], "F9 \(n + 1)", item.1, help: item.2, footer: false, action: item.0)
        }
    }

    /// The capture line's keys as they stand for `editor`: the category keys only work for a constraint.
    static func editor(_ editor: CaptureEditor) -> [KeyBinding<CaptureAction>] {
        editorTable.map { binding in
            switch binding.action {
            case .previousCategory, .nextCategory:
                binding.disabled(editor.kind != .constraint, Localized(fr: "pour les contraintes seulement", en: "for constraints only"))
            default:
                binding
            }
        }
    }

    /// The capture line's keys, most useful first; every other key edits the text.
    static let editorTable: [KeyBinding<CaptureAction>] = {
        var bindings: [KeyBinding<CaptureAction>] = [
            KeyBinding([.enter], "Enter", Localized(fr: "Enregistrer", en: "Record"),
                       help: Localized(fr: "Enregistrer et saisir la suivante (la ligne reste ouverte)", en: "Record and capture the next one (the line stays open)"),
                       action: .record),
            KeyBinding([.tab], "Tab", Localized(fr: "Type", en: "Kind"),
                       help: Localized(fr: "Type suivant (Maj-Tab : précédent ; Alt + lettre : un type précis)",
                                       en: "Next kind (Shift-Tab: previous; Alt + letter: a given kind)"),
                       action: .nextKind),
            KeyBinding([.backTab], "S-Tab", Localized(fr: "Type préc.", en: "Prev. kind"), footer: false, action: .previousKind),
            KeyBinding([.escape], "Esc", Localized(fr: "Sortir", en: "Leave"),
                       help: Localized(fr: "Fermer la ligne (le texte tapé est gardé pour la prochaine fois)", en: "Close the line (typed text is kept for next time)"),
                       action: .leave),
            KeyBinding([.up], "↑↓", Localized(fr: "Catégorie", en: "Category"),
                       help: Localized(fr: "Catégorie de la contrainte", en: "The constraint's category"), action: .previousCategory),
            KeyBinding([.down], "↓", Localized(fr: "Catégorie suiv.", en: "Next category"), footer: false, listed: false, action: .nextCategory),
            KeyBinding([.control("g")], "Ctrl-G", Localized(fr: "Genre", en: "Gender"),
                       help: Localized(fr: "Marquer « genre »", en: "Toggle the gender flag"), action: .toggleGender),
        ]
        for kind in FindingKind.allCases {
            bindings.append(KeyBinding([.alt(Vocabulary.captureKey(kind))], kindLabel(kind), Vocabulary.kind(kind),
                                       help: Localized(fr: "Type : \(Vocabulary.kind(kind).fr.lowercased())",
                                                       en: "Kind: \(Vocabulary.kind(kind).en.lowercased())"),
                                       footer: false, action: .kind(kind)))
        }
        bindings.append(KeyBinding([], "Ctrl-W/U/K", Localized(fr: "Effacer", en: "Erase"),
                                   help: Localized(fr: "Effacer le mot / le début / la fin de la ligne", en: "Erase word / to start / to end of line"),
                                   footer: false, action: .lineEditing))
        return bindings
    }()
}
