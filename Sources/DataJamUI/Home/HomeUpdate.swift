import DataJamCore

public enum HomeAction: Sendable, Equatable {
    case up, down, open, newWorkshop, duplicate, merge, rename, trash, refresh, help, quit
}

enum HomeUpdate {
    static let bindings: [KeyBinding<HomeAction>] = [
        KeyBinding([.enter], "Enter", Localized(fr: "Ouvrir", en: "Open"),
                   help: Localized(fr: "Ouvrir l’atelier choisi", en: "Open the selected workshop"), action: .open),
        KeyBinding([.character("n")], "n", Localized(fr: "Nouvel atelier", en: "New workshop"),
                   help: Localized(fr: "Créer un atelier (vierge ou d’après un atelier de 2023)", en: "Create a workshop (blank or from a 2023 workshop)"),
                   action: .newWorkshop),
        KeyBinding([.character("d")], "d", Localized(fr: "Dupliquer", en: "Duplicate"),
                   help: Localized(fr: "Nouvel atelier avec la préparation de celui choisi (catégories, équipes, programme)",
                                   en: "New workshop with the selected one's set-up (categories, teams, programme)"),
                   action: .duplicate),
        KeyBinding([.character("m")], "m", Localized(fr: "Fusionner", en: "Merge"),
                   help: Localized(fr: "Fusionner dans l’atelier choisi le fichier d’un rapporteur (copie sur son portable, ou fichier de son équipe)",
                                   en: "Merge a rapporteur's file (a laptop copy, or their team's file) into the selected workshop"),
                   action: .merge),
        KeyBinding([.character("r")], "r", Localized(fr: "Renommer", en: "Rename"),
                   help: Localized(fr: "Renommer le fichier de l’atelier choisi", en: "Rename the selected workshop's file"),
                   footer: false, action: .rename),
        KeyBinding([.character("x"), .delete], "x", Localized(fr: "Corbeille", en: "Trash"),
                   help: Localized(fr: "Mettre le fichier choisi à la corbeille (dossier .trash/ à côté, après confirmation)",
                                   en: "Move the selected file to the trash (the .trash/ folder beside it, after asking)"),
                   footer: false, action: .trash),
        KeyBinding([.function(5), .control("l")], "F5", Localized(fr: "Actualiser", en: "Refresh"),
                   help: Localized(fr: "Relire le dossier des sessions (Ctrl-L aussi)", en: "Read the sessions folder again (Ctrl-L too)"), footer: false, action: .refresh),
        KeyBinding([.up, .character("k")], "↑↓", Localized(fr: "Choisir", en: "Select"),
                   help: Localized(fr: "Atelier précédent / suivant (k j aussi)", en: "Previous / next workshop (k j too)"), footer: false, action: .up),
        KeyBinding([.down, .character("j")], "↓", Localized(fr: "Suivant", en: "Next"), footer: false, listed: false, action: .down),
        KeyBinding([.character("?"), .function(1)], "?", Localized(fr: "Aide", en: "Help"), action: .help),
        // Not Esc: Esc closes and goes back everywhere, and a stray one (or an Alt key on a terminal that
        // sends it as Esc) must never end the program.
        KeyBinding([.character("q"), .function(10)], "q", Localized(fr: "Quitter", en: "Quit"), action: .quit),
    ]

    static func handle(_ key: Key, _ state: inout AppState) -> Reaction {
        guard var home = state.home, let action: HomeAction = bindings.action(for: key) else { return .ignored }
        let lang = state.lang
        let items = home.sorted
        defer { if case .home = state.route { state.home = home } }
        switch action {
        case .up: home.selected = max(0, home.selected - 1)
        case .down: home.selected = min(max(0, items.count - 1), home.selected + 1)
        case .refresh: return Reaction(effects: [.listSessions(folder: state.sessionsFolder)])
        case .help:
            return .popup(.help(HelpPopup(sections: [HelpSection(title: Localized(fr: "Accueil", en: "Home"), hints: bindings.map(\.hint))])))
        case .quit:
            state.shouldQuit = true
        case .open:
            guard items.indices.contains(home.selected) else { return .ignored }
            let listing = items[home.selected]
            if case .failure(let error) = listing.summary { return .status(error.description) }
            return Reaction(effects: [.open(path: listing.path)])
        case .newWorkshop:
            return .popup(.form(newWorkshopForm(lang: lang, today: state.now)))
        case .merge:
            guard items.indices.contains(home.selected), case .success(let summary) = items[home.selected].summary else {
                return .status(lang.pick(fr: "Choisissez d’abord un atelier lisible", en: "Select a readable workshop first"))
            }
            return .popup(.prompt(Prompt(title: lang.pick(fr: "Fichier à fusionner dans « \(summary.theme) »", en: "File to merge into “\(summary.theme)”"),
                                         purpose: .home(.merge(basePath: items[home.selected].path)))))
        case .trash:
            guard items.indices.contains(home.selected) else { return .ignored }
            let listing = items[home.selected]
            return .popup(.confirm(Confirm(
                message: lang.pick(fr: "Mettre « \(listing.fileName) » à la corbeille (\(SessionFiles.trashFolderName)/ dans \(state.sessionsFolder)) ? (o/n)",
                                   en: "Move “\(listing.fileName)” to the trash (\(SessionFiles.trashFolderName)/ in \(state.sessionsFolder))? (y/n)"),
                purpose: .home(.trash(path: listing.path)))))
        case .rename:
            guard items.indices.contains(home.selected) else { return .ignored }
            let listing = items[home.selected]
            return .popup(.prompt(Prompt(title: lang.pick(fr: "Nouveau nom de « \(listing.fileName) »", en: "New name for “\(listing.fileName)”"),
                                         text: listing.fileName, purpose: .home(.rename(path: listing.path)))))
        case .duplicate:
            guard items.indices.contains(home.selected), case .success(let summary) = items[home.selected].summary else {
                return .status(lang.pick(fr: "Choisissez d’abord un atelier lisible", en: "Select a readable workshop first"))
            }
            var form = newWorkshopForm(lang: lang, today: state.now, withPreset: false)
            form.title = lang.pick(fr: "Nouvel atelier d’après « \(summary.theme) »", en: "New workshop based on “\(summary.theme)”")
            form.fields[0] = .text(form.fields[0].label, summary.theme)
            form.fields[2] = .text(form.fields[2].label, summary.city)
            form.purpose = .home(.duplicate(sourcePath: items[home.selected].path))
            return .popup(.form(form))
        }
        return .handled
    }

    static func newWorkshopForm(lang: Lang, today: Timestamp, withPreset: Bool = true) -> Form {
        var fields: [FormField] = [
            .text(lang.pick(fr: "Thème", en: "Theme"), ""),
            .text(lang.pick(fr: "Date (AAAA-MM-JJ)", en: "Date (YYYY-MM-DD)"), WorkshopDate.day(of: today).description),
            .text(lang.pick(fr: "Ville", en: "City"), ""),
        ]
        if withPreset {
            // The teams come next, one per line, so that a name may hold a comma.
            let options = WorkshopPreset.all.map { Choice.Option(id: $0.name, label: presetLabel($0.name, lang)) }
            fields.append(FormField(lang.pick(fr: "Préparation", en: "Set-up"), .options(options, selected: 0)))
        }
        return Form(title: lang.pick(fr: "Nouvel atelier", en: "New workshop"), fields: fields, purpose: .home(.newWorkshop))
    }

    static func presetLabel(_ name: String, _ lang: Lang) -> String {
        switch name {
        case "blank": lang.pick(fr: "vierge (catégories par défaut)", en: "blank (default categories)")
        case "economie-numerique": lang.pick(fr: "comme l’atelier Économie numérique", en: "like the Économie numérique workshop")
        case "inclusion-sociale": lang.pick(fr: "comme l’atelier Inclusion sociale", en: "like the Inclusion sociale workshop")
        case "data-journalisme": lang.pick(fr: "comme l’atelier Data journalisme", en: "like the Data journalisme workshop")
        default: name
        }
    }

    static func resolve(_ purpose: HomePurpose, _ result: PopupResult, _ state: inout AppState) -> Reaction {
        if case .merge(let base) = purpose, case .text(let other) = result {
            return Reaction(effects: [.merge(base: base, other: other)])
        }
        if case .trash(let path) = purpose, result == .confirmed {
            return Reaction(effects: [.trashSession(path: path)])
        }
        if case .rename(let path) = purpose, case .text(let name) = result {
            return renamed(path, to: name, &state)
        }
        if case .newWorkshopTeams(let draft) = purpose, case .list(let teams) = result {
            return created(draft, teams: teams, state)
        }
        guard case .form(let values) = result else { return .ignored }
        let lang = state.lang
        let theme = values[0].text
        guard !theme.isEmpty else {
            return .status(lang.pick(fr: "Le thème est obligatoire : rien n’a été créé", en: "The theme is required: nothing was created"))
        }
        var date: WorkshopDate?
        if !values[1].text.isEmpty {
            guard let parsed = WorkshopDate(values[1].text) else {
                return .status(lang.pick(fr: "Date « \(values[1].text) » illisible (AAAA-MM-JJ) : rien n’a été créé",
                                         en: "Date “\(values[1].text)” unreadable (YYYY-MM-DD): nothing was created"))
            }
            date = parsed
        }
        let city = values[2].text
        switch purpose {
        case .newWorkshop:
            let preset = WorkshopPreset.named(values[3].option) ?? WorkshopPreset.all[0]
            let draft = NewWorkshopDraft(theme: theme, date: date, city: city, preset: preset.name)
            return .popup(.editor(teamsEditor(draft, teams: preset.teams.map(\.name), lang: lang)))
        case .duplicate(let source):
            let path = newFilePath(folder: state.sessionsFolder, theme: theme, date: date)
            return Reaction(effects: [.duplicate(source: source, path: path, theme: theme, date: date, city: city)])
        case .merge, .trash, .rename, .newWorkshopTeams:
            return .ignored
        }
    }

    /// The second step of a new workshop: its teams, one per line (the preset's to start with).
    static func teamsEditor(_ draft: NewWorkshopDraft, teams: [String], lang: Lang, error: String? = nil) -> TextEditorPopup {
        var editor = TextEditorPopup(
            title: lang.pick(fr: "Équipes de « \(draft.theme) »", en: "Teams of “\(draft.theme)”"), items: teams,
            note: lang.pick(fr: "Une équipe par ligne ; aucune si vide (F9 en séance 2 pour en ajouter)",
                            en: "One team per line; none if empty (F9 in session 2 adds some)"),
            purpose: .home(.newWorkshopTeams(draft)))
        editor.error = error
        return editor
    }

    /// Creates the drafted workshop with `teams`, or gives the list back with the reason.
    private static func created(_ draft: NewWorkshopDraft, teams: [String], _ state: AppState) -> Reaction {
        let lang = state.lang
        if let clash = NameClash.firstRepeat(in: teams, kind: .team) {
            return .popup(.editor(teamsEditor(draft, teams: teams, lang: lang, error: lang.pick(
                fr: "Deux équipes s’appellent « \(clash.existing) » : donnez-leur des noms différents",
                en: "Two teams are named “\(clash.existing)”: give them different names"))))
        }
        let preset = WorkshopPreset.named(draft.preset) ?? WorkshopPreset.all[0]
        let workshop = preset.makeWorkshop(theme: draft.theme, date: draft.date, city: draft.city, teamNames: teams,
                                           french: lang == .fr, timeZone: state.machineTimeZone, now: state.now)
        let path = newFilePath(folder: state.sessionsFolder, theme: draft.theme, date: draft.date)
        return Reaction(effects: [.create(path: path, workshop: workshop)])
    }

    /// A new name for the file at `path`: refused, with the prompt back and the reason under it,
    /// when it is not a usable file name or another file of the folder has it.
    private static func renamed(_ path: String, to name: String, _ state: inout AppState) -> Reaction {
        let lang = state.lang
        func refuse(_ reason: String) -> Reaction {
            var prompt = Prompt(title: lang.pick(fr: "Nouveau nom du fichier", en: "New file name"), text: name, purpose: .home(.rename(path: path)))
            prompt.error = reason
            return .popup(.prompt(prompt))
        }
        if let problem = SessionFiles.problem(withName: name) {
            let reason: String = switch problem {
            case .empty: lang.pick(fr: "Tapez un nom, ou Échap", en: "Type a name, or Esc")
            case .slash: lang.pick(fr: "Un nom de fichier ne contient pas « / » : choisissez un autre nom", en: "A file name cannot contain “/”: choose another name")
            case .leadingDot: lang.pick(fr: "Un nom qui commence par « . » serait caché : choisissez un autre nom", en: "A name starting with “.” would be hidden: choose another name")
            case .control: lang.pick(fr: "Caractères de contrôle refusés : choisissez un autre nom", en: "Control characters are refused: choose another name")
            case .tooLong: lang.pick(fr: "Nom trop long (255 octets au plus)", en: "Name too long (255 bytes at most)")
            case .reserved: lang.pick(fr: "« \(ProgrammeFormat.fileName) » est le nom du fichier du programme : choisissez un autre nom",
                                      en: "“\(ProgrammeFormat.fileName)” is the programme file's name: choose another name")
            }
            return refuse(reason)
        }
        let fileName = SessionFiles.fileName(for: name)
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let target = path.contains("/") ? "\(folder)/\(fileName)" : fileName
        guard target != path else { return .status(lang.pick(fr: "Rien de changé", en: "Nothing changed")) }
        if let home = state.home, home.listings.contains(where: { $0.fileName == fileName }) {
            return refuse(lang.pick(fr: "« \(fileName) » existe déjà : choisissez un autre nom", en: "“\(fileName)” already exists: choose another name"))
        }
        return Reaction(effects: [.renameSession(from: path, to: target)])
    }

    /// `Sessions/2023-11-27-economie-numerique.json` (the runtime numbers it if the name is taken).
    static func newFilePath(folder: String, theme: String, date: WorkshopDate?) -> String {
        var stem = [date?.description, ConstraintCategory.slug(for: theme)].compactMap { $0 }.joined(separator: "-")
        // A workshop themed "Programme" without a date must not take the programme file's name.
        if "\(stem).json" == ProgrammeFormat.fileName { stem += "-atelier" }
        return "\(folder)/\(stem).json"
    }
}
