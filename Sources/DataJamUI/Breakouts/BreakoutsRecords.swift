import DataJamCore

/// Session 2's keys for whole records: deleting a team or a category (asking where their findings
/// go), the list of deleted records to restore from, and the rapporteur's name stamped on findings.
/// The model's side is in DataJamCore (``Workshop/teamDeletion(_:movingFindingsTo:)``,
/// ``Workshop/restoration(of:id:)``), shared with the command line.
public enum RecordsAction: Sendable, Equatable {
    case deleteTeam, deleteCategory, showDeleted
}

/// Who opened a popup for records.
public enum RecordsPurpose: Sendable, Equatable {
    /// Where the team's findings go: a team id, or "" for the plenary.
    case moveFindingsOfTeam(teamID: String)
    /// A team without findings: yes or no.
    case confirmDeleteTeam(teamID: String)
    case pickCategoryToDelete
    /// Where the category's constraints go: a category id.
    case moveConstraintsOfCategory(categoryID: String)
    case confirmDeleteCategory(categoryID: String)
    /// A deleted record chosen from the list: "finding:ID", "team:ID" or "category:ID".
    case restore
    /// The rapporteur's name, asked once when rapporteur mode opens.
    case rapporteurName
}

public enum BreakoutsRecords {
    typealias Context = ScreenContext

    /// The name stamped as the author of findings captured here: the one typed in rapporteur
    /// mode, else the team's rapporteur.
    static func author(_ open: OpenWorkshop) -> String? {
        if let name = open.rapporteurAuthor, !name.isEmpty { return name }
        return open.rapporteurTeamID.flatMap { open.workshop.teams.record(withID: $0)?.rapporteur }
    }

    /// Whether rapporteur mode opens by asking the name: only when none was given and the team
    /// has no rapporteur recorded (the name typed is recorded, so it is asked once).
    public static func asksRapporteurName(_ open: OpenWorkshop) -> Bool {
        guard open.rapporteurAuthor == nil, let teamID = open.rapporteurTeamID else { return false }
        return (open.workshop.teams.record(withID: teamID)?.rapporteur ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The question rapporteur mode opens with, filled with the team's rapporteur if known.
    public static func rapporteurNamePrompt(_ open: OpenWorkshop, lang: Lang) -> Popup {
        let team = open.rapporteurTeamID.flatMap { open.workshop.teams.record(withID: $0) }
        return .prompt(Prompt(title: lang.pick(fr: "Votre nom (signe vos trouvailles) · Échap : sans nom",
                                               en: "Your name (signs your findings) · Esc: no name"),
                              text: team?.rapporteur ?? "", purpose: .breakouts(.records(.rapporteurName))))
    }

    static func perform(_ action: RecordsAction, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        let workshop = open.workshop
        switch action {
        case .deleteTeam:
            guard open.rapporteurTeamID == nil else { return .ignored }
            guard let teamID = open.breakouts.teamID, let team = workshop.teams.record(withID: teamID), !team.isDeleted else {
                return .status(lang.pick(fr: "La plénière ne se supprime pas", en: "The plenary cannot be deleted"))
            }
            let count = open.breakouts.counts[teamID] ?? 0
            if count == 0 {
                return .popup(.confirm(Confirm(message: lang.pick(fr: "Supprimer l’équipe « \(team.name) » ? (o/n)", en: "Delete team “\(team.name)”? (y/n)"),
                                               purpose: .breakouts(.records(.confirmDeleteTeam(teamID: teamID))))))
            }
            let options = workshop.teams.live.filter { $0.id != teamID }.map { Choice.Option(id: $0.id, label: $0.name) }
                + [Choice.Option(id: "", label: Vocabulary.teamName(nil, in: workshop, lang: lang))]
            return .popup(.choice(Choice(title: lang.pick(fr: "Supprimer « \(team.name) » : ses \(count) trouvailles vont à…",
                                                          en: "Delete “\(team.name)”: its \(count) findings go to…"),
                                         options: options, purpose: .breakouts(.records(.moveFindingsOfTeam(teamID: teamID))))))
        case .deleteCategory:
            guard open.rapporteurTeamID == nil else { return .ignored }
            let options = workshop.categories.live.map { Choice.Option(id: $0.id, label: $0.label) }
            guard !options.isEmpty else { return .status(lang.pick(fr: "Aucune catégorie", en: "No category")) }
            return .popup(.choice(Choice(title: lang.pick(fr: "Supprimer quelle catégorie ?", en: "Delete which category?"),
                                         options: options, purpose: .breakouts(.records(.pickCategoryToDelete)))))
        case .showDeleted:
            var records = workshop.deletedRecords
            if let only = open.rapporteurTeamID {
                records = records.filter { $0.kind == .finding && workshop.findings.record(withID: $0.id)?.teamId == only }
            }
            guard !records.isEmpty else { return .status(lang.pick(fr: "Rien n’a été supprimé", en: "Nothing was deleted")) }
            let zone = workshop.timeZone
            let options = records.map { record in
                Choice.Option(id: "\(tag(record.kind)):\(record.id)",
                              label: "\(zone.clock(record.deletedAt))  \(kindLabel(record.kind)(lang)) · \(TextWrap.truncate(record.title, width: 60))")
            }
            return .popup(.choice(Choice(title: lang.pick(fr: "Supprimés · Entrée : restaurer", en: "Deleted · Enter: restore"),
                                         options: options, purpose: .breakouts(.records(.restore)))))
        }
    }

    static func resolve(_ purpose: RecordsPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        let now = context.now
        let workshop = open.workshop
        switch (purpose, result) {
        case (.moveFindingsOfTeam(let teamID), .choice(let destination)):
            return deleteTeam(teamID, to: destination.isEmpty ? nil : destination, &open, context)
        case (.confirmDeleteTeam(let teamID), .confirmed):
            return deleteTeam(teamID, to: nil, &open, context)
        case (.pickCategoryToDelete, .choice(let categoryID)):
            guard let category = workshop.categories.record(withID: categoryID) else { return .ignored }
            let count = workshop.liveConstraints(in: categoryID).count
            if count == 0 {
                return .popup(.confirm(Confirm(message: lang.pick(fr: "Supprimer la catégorie « \(category.label) » ? (o/n)",
                                                                  en: "Delete category “\(category.label)”? (y/n)"),
                                               purpose: .breakouts(.records(.confirmDeleteCategory(categoryID: categoryID))))))
            }
            let options = workshop.categories.live.filter { $0.id != categoryID }.map { Choice.Option(id: $0.id, label: $0.label) }
            guard !options.isEmpty else {
                return .status(lang.pick(fr: "« \(category.label) » classe \(count) contraintes et c’est la seule catégorie : créez-en une autre (C) d’abord",
                                         en: "“\(category.label)” files \(count) constraints and is the only category: add another (C) first"))
            }
            return .popup(.choice(Choice(title: lang.pick(fr: "Supprimer « \(category.label) » : ses \(count) contraintes vont dans…",
                                                          en: "Delete “\(category.label)”: its \(count) constraints go to…"),
                                         options: options, purpose: .breakouts(.records(.moveConstraintsOfCategory(categoryID: categoryID))))))
        case (.moveConstraintsOfCategory(let categoryID), .choice(let destination)):
            return deleteCategory(categoryID, to: destination, &open, context)
        case (.confirmDeleteCategory(let categoryID), .confirmed):
            return deleteCategory(categoryID, to: nil, &open, context)
        case (.restore, .choice(let tagged)):
            let parts = tagged.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = kind(parts[0]) else { return .ignored }
            switch workshop.restoration(of: kind, id: parts[1]) {
            case .failure(let refusal):
                return .status(refusalText(refusal)(lang))
            case .success(let changes):
                let title = workshop.deletedRecords.first { $0.id == parts[1] }?.title ?? parts[1]
                let effects = open.perform(changes, label: lang.pick(fr: "Restauré", en: "Restored"), now: now)
                if kind == .finding, let finding = open.workshop.findings.record(withID: parts[1]) {
                    // Show it where it is back.
                    open.breakouts.teamID = open.rapporteurTeamID ?? finding.teamId
                    open.breakouts.selectedID = finding.id
                    open.refresh()
                } else if kind == .team {
                    open.breakouts.teamID = parts[1]
                    open.breakouts.selectedID = nil
                    open.refresh()
                }
                return Reaction(effects: effects, status: lang.pick(fr: "Restauré : « \(TextWrap.truncate(title, width: 40)) » (Ctrl-Z pour annuler)",
                                                                    en: "Restored: “\(TextWrap.truncate(title, width: 40))” (Ctrl-Z to undo)"))
            }
        case (.rapporteurName, .text(let name)):
            open.rapporteurAuthor = name
            var effects: [Effect] = []
            // Recorded as the team's rapporteur when it has none, so the next start does not ask again.
            if let teamID = open.rapporteurTeamID, var team = workshop.teams.record(withID: teamID),
               (team.rapporteur ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
               name.unicodeScalars.count <= Limits.shortText {
                team.rapporteur = name
                effects = open.perform([.team(team)], label: lang.pick(fr: "Rapporteur", en: "Rapporteur"), now: now)
            }
            return Reaction(effects: effects, status: lang.pick(fr: "Vos trouvailles seront signées « \(name) »", en: "Your findings will be signed “\(name)”"))
        default:
            return .ignored
        }
    }

    private static func deleteTeam(_ teamID: String, to destination: String?, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        guard let team = open.workshop.teams.record(withID: teamID),
              let changes = try? open.workshop.teamDeletion(teamID, movingFindingsTo: destination) else { return .ignored }
        let moved = changes.count - 1
        let effects = open.perform(changes, label: lang.pick(fr: "Équipe supprimée", en: "Team deleted"), now: context.now)
        open.breakouts.teamID = moved > 0 ? destination : open.workshop.teams.live.first?.id
        open.breakouts.selectedID = nil
        open.breakouts.scroll = 0
        open.refresh()
        let whereTo = Vocabulary.teamName(destination, in: open.workshop, lang: lang)
        return Reaction(effects: effects, status: moved > 0
            ? lang.pick(fr: "Équipe « \(team.name) » supprimée, \(moved) trouvailles vers \(whereTo) (Ctrl-Z pour annuler)",
                        en: "Team “\(team.name)” deleted, \(moved) findings to \(whereTo) (Ctrl-Z to undo)")
            : lang.pick(fr: "Équipe « \(team.name) » supprimée (Ctrl-Z pour annuler)", en: "Team “\(team.name)” deleted (Ctrl-Z to undo)"))
    }

    private static func deleteCategory(_ categoryID: String, to destination: String?, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        guard let category = open.workshop.categories.record(withID: categoryID),
              let changes = try? open.workshop.categoryDeletion(categoryID, movingConstraintsTo: destination) else { return .ignored }
        let moved = changes.count - 1
        let effects = open.perform(changes, label: lang.pick(fr: "Catégorie supprimée", en: "Category deleted"), now: context.now)
        if open.breakouts.lastCategoryID == categoryID { open.breakouts.lastCategoryID = destination }
        if open.breakouts.editor?.categoryID == categoryID { open.breakouts.editor?.categoryID = destination ?? open.workshop.categories.live.first?.id }
        let label = destination.flatMap { open.workshop.categories.record(withID: $0)?.label } ?? ""
        return Reaction(effects: effects, status: moved > 0
            ? lang.pick(fr: "Catégorie « \(category.label) » supprimée, \(moved) contraintes vers « \(label) » (Ctrl-Z pour annuler)",
                        en: "Category “\(category.label)” deleted, \(moved) constraints to “\(label)” (Ctrl-Z to undo)")
            : lang.pick(fr: "Catégorie « \(category.label) » supprimée (Ctrl-Z pour annuler)", en: "Category “\(category.label)” deleted (Ctrl-Z to undo)"))
    }

    private static func tag(_ kind: DeletedRecord.Kind) -> String {
        switch kind {
        case .finding: "finding"
        case .team: "team"
        case .category: "category"
        }
    }

    private static func kind(_ tag: String) -> DeletedRecord.Kind? {
        switch tag {
        case "finding": .finding
        case "team": .team
        case "category": .category
        default: nil
        }
    }

    private static func kindLabel(_ kind: DeletedRecord.Kind) -> Localized {
        switch kind {
        case .finding: Localized(fr: "Trouvaille", en: "Finding")
        case .team: Localized(fr: "Équipe", en: "Team")
        case .category: Localized(fr: "Catégorie", en: "Category")
        }
    }

    private static func refusalText(_ refusal: RestoreRefusal) -> Localized {
        switch refusal {
        case .notDeleted:
            Localized(fr: "Déjà restauré", en: "Already restored")
        case .folded(let name):
            Localized(fr: "Fusionné avec « \(name) », qui a ses trouvailles : rien à restaurer",
                      en: "Merged into “\(name)”, which holds its findings: nothing to restore")
        case .nameClash(let clash):
            Localized(fr: "Impossible de restaurer : « \(clash.existing) » porte ce nom ; renommez-le d’abord",
                      en: "Cannot restore: “\(clash.existing)” has this name; rename it first")
        }
    }
}
