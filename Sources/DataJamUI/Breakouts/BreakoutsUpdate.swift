import DataJamCore

/// Session 2's reactions to keys and to the popups it opened.
enum BreakoutsUpdate {
    typealias Context = ScreenContext

    /// Team tabs in order: the teams, then the plenary (nil).
    static func tabs(_ open: OpenWorkshop) -> [String?] {
        if let only = open.rapporteurTeamID { return [only] }
        return open.workshop.teams.live.map { Optional($0.id) } + [nil]
    }

    /// Handles a key; returns effects, a status text, and a popup to open.
    static func handle(_ key: Key, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        if open.breakouts.editor != nil { return handleEditor(key, &open, context) }
        guard let binding: KeyBinding<BreakoutsAction> = BreakoutsBindings.list(open).binding(for: key) else { return .ignored }
        if let reason = binding.disabled {
            return .status(context.lang.pick(fr: "\(binding.short(.fr)) : \(reason(.fr))", en: "\(binding.short(.en)): \(reason(.en))"))
        }
        let reaction = perform(binding.action, &open, context)
        // A letter typed on the list is the start of a finding: it goes on the line it opened.
        if case .character(let character) = key, open.breakouts.editor != nil {
            open.breakouts.editor?.line.insert(String(character))
        }
        return reaction
    }

    static func perform(_ action: BreakoutsAction, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        // Before the state copy below, which would overwrite what these change.
        if case .records(let records) = action { return BreakoutsRecords.perform(records, &open, context) }
        let lang = context.lang
        var state = open.breakouts
        defer { open.breakouts = state }
        let findingRows = state.rows.indices.filter { state.rows[$0].findingID != nil }
        let selectedRow = state.selectedRow
        let current = selectedRow.flatMap { findingRows.firstIndex(of: $0) }
        func select(_ position: Int) {
            guard !findingRows.isEmpty else { return }
            state.selectedID = state.rows[findingRows[max(0, min(findingRows.count - 1, position))]].findingID
        }
        // The row already knows the finding's index: no search through 10,000 findings per key.
        let selected: Int? = selectedRow.flatMap { row in
            if case .finding(_, let index) = state.rows[row] { return index }
            return nil
        }
        let page = max(1, BreakoutsLayout(area: context.area, editorOpen: false).list.height / 2)

        switch action {
        case .up: select((current ?? 0) - 1)
        case .down: select((current ?? -1) + 1)
        case .pageUp: select((current ?? 0) - page)
        case .pageDown: select((current ?? 0) + page)
        case .top: select(0)
        case .bottom: select(findingRows.count - 1)
        case .nextTeam, .previousTeam:
            let tabs = tabs(open)
            let index = tabs.firstIndex { $0 == state.teamID } ?? 0
            let step = action == .nextTeam ? 1 : tabs.count - 1
            state.teamID = tabs[(index + step) % tabs.count]
            state.selectedID = nil
            state.scroll = 0
            open.breakouts = state
            open.refresh()
            state = open.breakouts
        case .capture(let kind):
            if var draft = state.draft, kind == nil || kind == draft.kind {
                draft.editingID = nil
                state.editor = draft
                state.draft = nil
            } else {
                let kind = kind ?? state.lastKind
                var categoryID = state.lastCategoryID
                if categoryID == nil || open.workshop.categories.record(withID: categoryID!)?.isDeleted ?? true {
                    categoryID = open.workshop.categories.live.first?.id
                }
                state.editor = CaptureEditor(kind: kind, categoryID: categoryID, gender: false)
            }
        case .edit:
            guard let selected else { return .status(lang.pick(fr: "Aucune trouvaille à modifier", en: "No finding to edit")) }
            let finding = open.workshop.findings[selected]
            // The one-line capture line would turn its line breaks into spaces.
            if finding.text.contains(where: \.isNewline) {
                return .popup(.editor(FindingTextEditor.popup(finding, lang: lang)))
            }
            state.editor = CaptureEditor(line: LineEditor(text: finding.text), kind: finding.kind,
                                         categoryID: finding.category ?? state.lastCategoryID ?? open.workshop.categories.live.first?.id,
                                         gender: finding.gender, editingID: finding.id)
        case .delete:
            guard let selected else { return .ignored }
            var finding = open.workshop.findings[selected]
            finding.deletedAt = context.now
            let next = (current ?? 0) + 1 < findingRows.count ? (current ?? 0) + 1 : (current ?? 0) - 1
            let nextID = findingRows.indices.contains(next) ? state.rows[findingRows[next]].findingID : nil
            open.breakouts = state
            let effects = open.perform([.finding(finding)], label: lang.pick(fr: "Trouvaille supprimée", en: "Finding deleted"), now: context.now)
            state = open.breakouts
            state.selectedID = nextID
            return Reaction(effects: effects, status: lang.pick(fr: "Supprimée : « \(TextWrap.truncate(finding.text, width: 30)) » (Ctrl-Z pour annuler)",
                                                                en: "Deleted: “\(TextWrap.truncate(finding.text, width: 30))” (Ctrl-Z to undo)"))
        case .longText:
            guard let selected else { return .status(lang.pick(fr: "Aucune trouvaille à modifier", en: "No finding to edit")) }
            return .popup(.editor(FindingTextEditor.popup(open.workshop.findings[selected], lang: lang)))
        case .toggleGender:
            guard let selected else { return .ignored }
            var finding = open.workshop.findings[selected]
            finding.gender.toggle()
            open.breakouts = state
            let effects = open.perform([.finding(finding)], label: lang.pick(fr: "Genre", en: "Gender"), now: context.now)
            state = open.breakouts
            return Reaction(effects: effects, status: finding.gender ? lang.pick(fr: "Marquée « genre »", en: "Flagged “gender”")
                                                                     : lang.pick(fr: "Marque « genre » retirée", en: "Gender flag removed"))
        case .move:
            guard let selected else { return .ignored }
            let finding = open.workshop.findings[selected]
            let options = tabs(open).filter { $0 != finding.teamId }.map {
                Choice.Option(id: $0 ?? "", label: Vocabulary.teamName($0, in: open.workshop, lang: lang))
            }
            guard !options.isEmpty else { return .ignored }
            return .popup(.choice(Choice(title: lang.pick(fr: "Déplacer vers…", en: "Move to…"), options: options,
                                         purpose: .breakouts(.move(findingID: finding.id)))))
        case .details:
            guard let selected else { return .ignored }
            let finding = open.workshop.findings[selected]
            switch finding.kind {
            case .dataNeed: return .popup(.form(dataNeedForm(finding, lang: lang)))
            case .actor:
                let options = ActorRole.allCases.map { Choice.Option(id: $0.rawValue, label: Vocabulary.role($0)(lang)) }
                return .popup(.choice(Choice(title: lang.pick(fr: "Rôle de l’acteur", en: "Actor's role"), options: options,
                                             selected: finding.actorRole.flatMap { ActorRole.allCases.firstIndex(of: $0) } ?? 0,
                                             purpose: .breakouts(.actorRole(findingID: finding.id)))))
            default:
                return .status(lang.pick(fr: "Détails : pour les besoins en données et les acteurs", en: "Details: for data needs and actors"))
            }
        case .manage:
            let items = BreakoutsBindings.manage(rapporteur: open.rapporteurTeamID != nil)
            let options = items.indices.map { Choice.Option(id: String($0), label: items[$0].short(lang)) }
            return .popup(.choice(Choice(title: lang.pick(fr: "Équipes et catégories", en: "Teams and categories"),
                                         options: options, purpose: .breakouts(.manage))))
        case .newTeam:
            return .popup(.prompt(Prompt(title: lang.pick(fr: "Nom de la nouvelle équipe", en: "New team's name"), purpose: .breakouts(.newTeam))))
        case .renameTeam:
            guard let teamID = state.teamID, let team = open.workshop.teams.record(withID: teamID) else {
                return .status(lang.pick(fr: "La plénière ne se renomme pas", en: "The plenary cannot be renamed"))
            }
            return .popup(.prompt(Prompt(title: lang.pick(fr: "Renommer l’équipe", en: "Rename the team"), text: team.name,
                                         purpose: .breakouts(.renameTeam(teamID: teamID)))))
        case .newCategory:
            return .popup(.prompt(Prompt(title: lang.pick(fr: "Nouvelle catégorie de contraintes", en: "New constraint category"),
                                         purpose: .breakouts(.newCategory))))
        case .renameCategory:
            let options = open.workshop.categories.live.map { Choice.Option(id: $0.id, label: $0.label) }
            guard !options.isEmpty else { return .ignored }
            return .popup(.choice(Choice(title: lang.pick(fr: "Renommer quelle catégorie ?", en: "Rename which category?"),
                                         options: options, purpose: .breakouts(.pickCategoryToRename))))
        case .records:
            return .ignored  // Handled above.
        }
        state.scroll = keepVisible(state, open.workshop, context)
        return .handled
    }

    static func keepVisible(_ state: BreakoutsState, _ workshop: Workshop, _ context: Context) -> Int {
        guard let row = state.selectedRow else { return 0 }
        let layout = BreakoutsLayout(area: context.area, editorOpen: state.editor != nil)
        return ListScroll.keepVisible(selected: row, scroll: state.scroll, viewport: layout.list.height, count: state.rows.count) {
            BreakoutsLayout.height(of: state.rows[$0], in: workshop, width: layout.list.width, lang: context.lang)
        }
    }

    // MARK: The capture line

    private static func handleEditor(_ key: Key, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        guard var editor = open.breakouts.editor else { return .ignored }
        let lang = context.lang
        let categories = open.workshop.categories.live
        guard let action: CaptureAction = BreakoutsBindings.editorTable.action(for: key) else {
            // Not a key of the line's table: the text's, unless the line editor has no use for it
            // (F-keys, Ctrl-Z…), which then go on to the keys that work everywhere.
            guard editor.line.handle(key) else { return .ignored }
            open.breakouts.editor = editor
            return .handled
        }
        switch action {
        case .lineEditing:
            return .handled
        case .leave:
            if editor.editingID == nil, !editor.line.text.trimmingCharacters(in: .whitespaces).isEmpty {
                open.breakouts.draft = editor
            }
            open.breakouts.editor = nil
            return .handled
        case .nextKind, .previousKind:
            let kinds = FindingKind.allCases
            let index = kinds.firstIndex(of: editor.kind) ?? 0
            editor.kind = kinds[(index + (action == .nextKind ? 1 : kinds.count - 1)) % kinds.count]
            if editor.kind == .constraint, editor.categoryID == nil { editor.categoryID = categories.first?.id }
        case .kind(let kind):
            editor.kind = kind
            if editor.kind == .constraint, editor.categoryID == nil { editor.categoryID = categories.first?.id }
        case .previousCategory, .nextCategory:
            guard editor.kind == .constraint, !categories.isEmpty else { return .handled }
            let index = categories.firstIndex { $0.id == editor.categoryID } ?? 0
            editor.categoryID = categories[(index + (action == .nextCategory ? 1 : categories.count - 1)) % categories.count].id
        case .toggleGender:
            editor.gender.toggle()
        case .record:
            let text = editor.line.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                return .status(lang.pick(fr: "Tapez le texte de la trouvaille, ou Échap", en: "Type the finding's text, or Esc"))
            }
            if editor.kind == .constraint, editor.categoryID == nil {
                return .status(lang.pick(fr: "Aucune catégorie : créez-en une avec F9", en: "No category: create one with F9"))
            }
            let finding: Finding
            let label: String
            if let id = editor.editingID, let index = open.workshop.findings.index(ofID: id) {
                var edited = open.workshop.findings[index]
                edited.text = text
                edited.kind = editor.kind
                edited.category = editor.kind == .constraint ? editor.categoryID : nil
                edited.gender = editor.gender
                if editor.kind == .dataNeed, edited.dataNeed == nil { edited.dataNeed = DataNeedDetails() }
                if editor.kind != .dataNeed { edited.dataNeed = nil }
                if editor.kind != .actor { edited.actorRole = nil }
                finding = edited
                label = lang.pick(fr: "Trouvaille modifiée", en: "Finding edited")
            } else {
                finding = Finding(teamId: open.breakouts.teamID, kind: editor.kind, text: text,
                                  category: editor.kind == .constraint ? editor.categoryID : nil, gender: editor.gender,
                                  author: BreakoutsRecords.author(open),
                                  createdAt: context.now)
                label = lang.pick(fr: "Trouvaille ajoutée", en: "Finding added")
            }
            open.breakouts.lastKind = editor.kind
            if editor.kind == .constraint { open.breakouts.lastCategoryID = editor.categoryID }
            let editing = editor.editingID != nil
            // A new capture keeps the line open for the next finding, with the same kind and category.
            open.breakouts.editor = editing ? nil : CaptureEditor(kind: editor.kind, categoryID: editor.categoryID, gender: false)
            let effects = open.perform([.finding(finding)], label: label, now: context.now)
            open.breakouts.selectedID = finding.id
            open.breakouts.scroll = keepVisible(open.breakouts, open.workshop, context)
            return Reaction(effects: effects, status: label)
        }
        open.breakouts.editor = editor
        return .handled
    }

    // MARK: Popups

    static func dataNeedForm(_ finding: Finding, lang: Lang) -> Form {
        let need = finding.dataNeed ?? DataNeedDetails()
        let availabilities: [DataNeedDetails.Availability?] = [nil] + DataNeedDetails.Availability.allCases.map { Optional($0) }
        let options = availabilities.map { Choice.Option(id: $0?.rawValue ?? "", label: Vocabulary.availability($0)(lang)) }
        return Form(title: lang.pick(fr: "Besoin en données : \(TextWrap.truncate(finding.text, width: 40))",
                                     en: "Data need: \(TextWrap.truncate(finding.text, width: 40))"),
                    fields: [
                        .text(lang.pick(fr: "Producteur", en: "Producer"), need.producer ?? ""),
                        FormField(lang.pick(fr: "Disponibilité", en: "Availability"),
                                  .options(options, selected: availabilities.firstIndex(of: need.availability) ?? 0)),
                        .text(lang.pick(fr: "Format voulu", en: "Wanted format"), need.wantedFormat ?? ""),
                        FormField(lang.pick(fr: "Ventilé par sexe", en: "Sex-disaggregated"), .toggle(need.sexDisaggregation)),
                        .number(lang.pick(fr: "Pertinence 1–5", en: "Relevance 1–5"), need.relevance, range: DataNeedDetails.scoreRange),
                        .number(lang.pick(fr: "Impact 1–5", en: "Impact 1–5"), need.impact, range: DataNeedDetails.scoreRange),
                    ],
                    purpose: .breakouts(.dataNeed(findingID: finding.id)))
    }

    static func resolve(_ purpose: BreakoutsPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        let now = context.now
        switch (purpose, result) {
        case (.move(let id), .choice(let teamID)):
            guard let index = open.workshop.findings.index(ofID: id) else { return .ignored }
            var finding = open.workshop.findings[index]
            finding.teamId = teamID.isEmpty ? nil : teamID
            let name = Vocabulary.teamName(finding.teamId, in: open.workshop, lang: lang)
            let effects = open.perform([.finding(finding)], label: lang.pick(fr: "Déplacée", en: "Moved"), now: now)
            open.breakouts.scroll = keepVisible(open.breakouts, open.workshop, context)
            return Reaction(effects: effects, status: lang.pick(fr: "Déplacée vers \(name)", en: "Moved to \(name)"))
        case (.newTeam, .text(let name)):
            let team = Team(name: name, createdAt: now)
            if let clash = WorkshopChange.team(team).nameClash(in: open.workshop) {
                return refused(clash, reopening: Prompt(title: lang.pick(fr: "Nom de la nouvelle équipe", en: "New team's name"), text: name,
                                                        purpose: .breakouts(.newTeam)), lang: lang)
            }
            let effects = open.perform([.team(team)], label: lang.pick(fr: "Équipe ajoutée", en: "Team added"), now: now)
            open.breakouts.teamID = team.id
            open.breakouts.selectedID = nil
            open.refresh()
            return Reaction(effects: effects, status: lang.pick(fr: "Équipe « \(name) » ajoutée", en: "Team “\(name)” added"))
        case (.renameTeam(let id), .text(let name)):
            guard var team = open.workshop.teams.record(withID: id) else { return .ignored }
            team.name = name
            if let clash = WorkshopChange.team(team).nameClash(in: open.workshop) {
                return refused(clash, reopening: Prompt(title: lang.pick(fr: "Renommer l’équipe", en: "Rename the team"), text: name,
                                                        purpose: .breakouts(.renameTeam(teamID: id))), lang: lang)
            }
            return Reaction(effects: open.perform([.team(team)], label: lang.pick(fr: "Équipe renommée", en: "Team renamed"), now: now),
                            status: lang.pick(fr: "Équipe renommée : \(name)", en: "Team renamed: \(name)"))
        case (.newCategory, .text(let label)):
            if let clash = WorkshopChange.category(ConstraintCategory(id: "", label: label, createdAt: now)).nameClash(in: open.workshop) {
                return refused(clash, reopening: Prompt(title: lang.pick(fr: "Nouvelle catégorie de contraintes", en: "New constraint category"),
                                                        text: label, purpose: .breakouts(.newCategory)), lang: lang)
            }
            var id = ConstraintCategory.slug(for: label)
            var n = 2
            while open.workshop.categories.record(withID: id) != nil { id = "\(ConstraintCategory.slug(for: label))-\(n)"; n += 1 }
            let category = ConstraintCategory(id: id, label: label, createdAt: now)
            let effects = open.perform([.category(category)], label: lang.pick(fr: "Catégorie ajoutée", en: "Category added"), now: now)
            if open.breakouts.editor?.kind == .constraint { open.breakouts.editor?.categoryID = id }
            open.breakouts.lastCategoryID = id
            return Reaction(effects: effects, status: lang.pick(fr: "Catégorie « \(label) » ajoutée", en: "Category “\(label)” added"))
        case (.manage, .choice(let id)):
            let items = BreakoutsBindings.manage(rapporteur: open.rapporteurTeamID != nil)
            guard let n = Int(id), items.indices.contains(n) else { return .ignored }
            return perform(items[n].action, &open, context)
        case (.pickCategoryToRename, .choice(let id)):
            guard let category = open.workshop.categories.record(withID: id) else { return .ignored }
            return .popup(.prompt(Prompt(title: lang.pick(fr: "Renommer la catégorie", en: "Rename the category"), text: category.label,
                                         purpose: .breakouts(.renameCategory(categoryID: id)))))
        case (.renameCategory(let id), .text(let label)):
            guard var category = open.workshop.categories.record(withID: id) else { return .ignored }
            category.label = label
            if let clash = WorkshopChange.category(category).nameClash(in: open.workshop) {
                return refused(clash, reopening: Prompt(title: lang.pick(fr: "Renommer la catégorie", en: "Rename the category"), text: label,
                                                        purpose: .breakouts(.renameCategory(categoryID: id))), lang: lang)
            }
            return Reaction(effects: open.perform([.category(category)], label: lang.pick(fr: "Catégorie renommée", en: "Category renamed"), now: now),
                            status: lang.pick(fr: "Catégorie renommée : \(label)", en: "Category renamed: \(label)"))
        case (.dataNeed(let id), .form(let values)):
            guard let index = open.workshop.findings.index(ofID: id), values.count == 6 else { return .ignored }
            var finding = open.workshop.findings[index]
            var need = finding.dataNeed ?? DataNeedDetails()
            need.producer = values[0].text.isEmpty ? nil : values[0].text
            need.availability = DataNeedDetails.Availability(rawValue: values[1].option)
            need.wantedFormat = values[2].text.isEmpty ? nil : values[2].text
            need.sexDisaggregation = values[3].toggle
            need.relevance = values[4].number
            need.impact = values[5].number
            finding.dataNeed = need
            return Reaction(effects: open.perform([.finding(finding)], label: lang.pick(fr: "Besoin précisé", en: "Data need detailed"), now: now),
                            status: lang.pick(fr: "Besoin en données mis à jour", en: "Data need updated"))
        case (.records(let records), _):
            return BreakoutsRecords.resolve(records, result, &open, context)
        case (.longText(let id), .text(let text)):
            return FindingTextEditor.resolve(id, text, &open, context)
        case (.actorRole(let id), .choice(let role)):
            guard let index = open.workshop.findings.index(ofID: id) else { return .ignored }
            var finding = open.workshop.findings[index]
            finding.actorRole = ActorRole(rawValue: role)
            return Reaction(effects: open.perform([.finding(finding)], label: lang.pick(fr: "Rôle", en: "Role"), now: now),
                            status: lang.pick(fr: "Rôle : \(Vocabulary.role(finding.actorRole)(lang))", en: "Role: \(Vocabulary.role(finding.actorRole)(lang))"))
        default:
            return .ignored
        }
    }

    /// A name refused because another team (or category) has it: the prompt comes back with the
    /// name typed and the reason under it, so the user can change it or press Esc.
    private static func refused(_ clash: NameClash, reopening prompt: Prompt, lang: Lang) -> Reaction {
        var prompt = prompt
        prompt.error = Vocabulary.nameClash(clash)(lang)
        return .popup(.prompt(prompt))
    }
}
