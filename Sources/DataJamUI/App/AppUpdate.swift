import DataJamCore

/// The one function that changes the interface's state: `update(state, message) -> effects`.
/// No terminal, no file, no clock in here: everything arrives as a message.
public enum AppUpdate {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            return withWorkshop(&state) { open, context in
                open.breakouts.scroll = BreakoutsUpdate.keepVisible(open.breakouts, open.workshop, context)
                return []
            } ?? []

        case .serving(let serving):
            if state.serving == nil {
                state.inform(state.lang.pick(fr: "Service SSH ouvert : ? montre comment rejoindre, F8 les connexions",
                                             en: "Serving over SSH: ? shows how to join, F8 the connections"), seconds: 15)
            }
            state.serving = serving
            state.popup = ServingPanel.refreshed(state.popup, serving, lang: state.lang, utcOffsetSeconds: state.utcOffsetSeconds)
            return []

        case .tick(let now):
            state.now = now
            if let until = state.status?.until, until <= now { state.status = nil }
            return []

        case .key(let key):
            if state.isTooSmall {
                // Only quitting makes sense until the window is enlarged, and answering the question
                // quitting may ask (a draft, a failed save), or it could not be answered at all.
                if let popup = state.popup, case .confirm = popup { return handlePopup(key, popup, &state) }
                if key == .function(10) || key == .character("q") { return quit(&state) }
                return []
            }
            if let popup = state.popup { return handlePopup(key, popup, &state) }
            switch state.route {
            case .home:
                return apply(HomeUpdate.handle(key, &state), &state)
            case .workshop:
                return handleWorkshopKey(key, &state)
            }

        case .saved(let path, let revision, let result):
            guard var open = state.openWorkshop, open.path == path else { return [] }
            switch result {
            case .success(let merged):
                open.adoptSaved(merged, revision: revision)
                if case .error = state.status?.kind { state.status = nil }
            case .failure(let error):
                open.saveError = error.description
                state.fail(state.lang.pick(fr: "⚠ Non enregistré : \(error.description)", en: "⚠ Not saved: \(error.description)"))
            }
            state.openWorkshop = open
            return []

        case .changedElsewhere(let path, let disk, let premerged):
            withWorkshop(&state) { open, context in
                guard open.path == path else { return }
                if open.mergeExternal(disk, premerged: premerged) {
                    // keepVisible also clamps the scroll to the rows that remain.
                    open.breakouts.scroll = BreakoutsUpdate.keepVisible(open.breakouts, open.workshop, context)
                }
            }
            return []

        case .journaled(let path, let revision):
            guard var open = state.openWorkshop, open.path == path else { return [] }
            open.journaledRevision = max(open.journaledRevision, revision)
            state.openWorkshop = open
            return []

        case .journalsRecovered(_, let report):
            if let problem = report.problems.first {
                state.warn(problem)
            } else if report.recordCount > 0 {
                state.inform(Vocabulary.recovered(report.recordCount)(state.lang), seconds: 8)
            }
            return []

        case .merged(let result):
            switch result {
            case .success(let line): state.inform(line, seconds: 10)
            case .failure(let error): state.fail(error.description)
            }
            return []

        case .exported(let path, let error):
            if let error {
                state.fail(state.lang.pick(fr: "⚠ Export impossible : \(error)", en: "⚠ Export failed: \(error)"))
            } else {
                state.inform(state.lang.pick(fr: "Exporté : \(path)", en: "Exported: \(path)"), seconds: 8)
            }
            return []

        case .sessionFileMoved(_, let trashed, let result):
            switch result {
            case .success(let path):
                state.inform(trashed ? state.lang.pick(fr: "Mis à la corbeille : \(path) (à remettre à la main si besoin)",
                                                       en: "Moved to the trash: \(path) (move it back by hand if needed)")
                                     : state.lang.pick(fr: "Renommé : \(path)", en: "Renamed: \(path)"), seconds: 10)
            case .failure(let error):
                state.fail(error.description)
            }
            return []

        case .exportWouldReplace(let request):
            ExportChoice.askToReplace(request, &state)
            return []

        case .sessionsListed(let folder, let listings):
            guard folder == state.sessionsFolder, var home = state.home else { return [] }
            home.listings = listings
            home.loaded = true
            home.clampSelection()
            state.home = home
            return []

        case .workshopOpened(let path, let result), .workshopCreated(let path, let result):
            switch result {
            case .success(let workshop):
                var open = OpenWorkshop(path: path, workshop: workshop, hasHome: true)
                open.refresh()
                state.route = .workshop(open)
                state.popup = nil
                if case .workshopCreated = message {
                    state.inform(state.lang.pick(fr: "Atelier créé : \(path)", en: "Workshop created: \(path)"))
                }
            case .failure(let error):
                state.fail(error.description)
            }
            return []
        }
    }

    // MARK: Keys inside a workshop

    private static func handleWorkshopKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        let reaction = withWorkshop(&state) { open, context -> Reaction in
            PhaseScreen.handle(key, &open, context)
        } ?? .ignored
        if reaction.handled { return apply(reaction, &state) }
        guard let open = state.openWorkshop, let action: GlobalAction = GlobalBindings.workshop(open, serving: state.serving != nil).action(for: key) else { return [] }
        return perform(action, &state)
    }

    static func perform(_ action: GlobalAction, _ state: inout AppState) -> [Effect] {
        let lang = state.lang
        switch action {
        case .phase(let phase):
            withWorkshop(&state) { open, _ in
                open.show(phase)
                return ()
            }
            return []
        case .nextPhase:
            withWorkshop(&state) { open, _ in
                let phases = DaySession.Phase.allCases
                open.show(phases[(phases.firstIndex(of: open.phase)! + 1) % phases.count])
                return ()
            }
            return []
        case .export:
            guard state.openWorkshop != nil else { return [] }
            state.popup = .form(ExportChoice.form(lang))
            return []
        case .help:
            guard let open = state.openWorkshop else { return [] }
            state.popup = .help(HelpPopup(sections: helpSections(open, serving: state.serving)))
            return []
        case .connections:
            guard let serving = state.serving else { return [] }
            state.popup = ServingPanel.popup(serving, lang: lang, utcOffsetSeconds: state.utcOffsetSeconds)
            return []
        case .quit:
            return quit(&state)
        case .back:
            guard let open = state.openWorkshop, open.hasHome else { return [] }
            if open.hasUnsentText {
                state.popup = .confirm(Confirm(message: Vocabulary.loseDraft(leaving: true)(lang), purpose: .loseDraft(.back)))
                return []
            }
            state.route = .home(HomeState())
            return [.listSessions(folder: state.sessionsFolder)]
        case .undo, .redo:
            if let clash = state.openWorkshop?.historyClash(redo: action == .redo) {
                state.fail(Vocabulary.nameClash(clash)(lang))
                return []
            }
            let result = withWorkshop(&state) { open, context -> (String?, [Effect]) in
                let result = action == .undo ? open.undo(now: context.now) : open.redo(now: context.now)
                open.breakouts.scroll = BreakoutsUpdate.keepVisible(open.breakouts, open.workshop, context)
                return result
            }
            guard let (label, effects) = result else { return [] }
            if let label {
                state.inform(action == .undo ? lang.pick(fr: "Annulé : \(label)", en: "Undone: \(label)")
                                             : lang.pick(fr: "Rétabli : \(label)", en: "Redone: \(label)"))
            } else {
                state.inform(action == .undo ? lang.pick(fr: "Rien à annuler", en: "Nothing to undo")
                                             : lang.pick(fr: "Rien à rétablir", en: "Nothing to redo"))
            }
            return effects
        case .timerStartStop, .timerReset:
            let now = state.now
            let reaction = withWorkshop(&state) { open, _ -> Reaction in
                guard var session = open.workshop.session(open.phase) else { return .ignored }
                let text: Localized
                if action == .timerReset {
                    session.startedAt = nil
                    session.endedAt = nil
                    text = Localized(fr: "Chrono remis à zéro", en: "Timer reset")
                } else if session.startedAt == nil {
                    session.startedAt = now
                    session.endedAt = nil
                    text = Localized(fr: "Chrono démarré", en: "Timer started")
                } else if session.endedAt == nil {
                    session.endedAt = now
                    text = Localized(fr: "Chrono arrêté", en: "Timer stopped")
                } else {
                    session.endedAt = nil
                    text = Localized(fr: "Chrono relancé", en: "Timer resumed")
                }
                return Reaction(effects: open.perform([.session(session)], label: text(lang), now: now), status: text(lang))
            } ?? .ignored
            return apply(reaction, &state)
        }
    }

    static func helpSections(_ open: OpenWorkshop, serving: ServingStatus? = nil) -> [HelpSection] {
        // Serving, how to join comes first: it is what the facilitator opens help for on the day.
        (serving.map { [ServingPanel.helpSection($0)] } ?? []) + [
            HelpSection(title: PhaseScreen.title(open.phase), hints: PhaseScreen.hints(open)),
            HelpSection(title: Localized(fr: "Partout", en: "Everywhere"),
                        hints: GlobalBindings.workshop(open, serving: serving != nil).map(\.hint)),
        ]
    }

    private static func quit(_ state: inout AppState) -> [Effect] {
        if let open = state.openWorkshop, open.hasUnsentText {
            state.popup = .confirm(Confirm(message: Vocabulary.loseDraft(leaving: false)(state.lang), purpose: .loseDraft(.quit)))
            return []
        }
        if let open = state.openWorkshop, let error = open.saveError, !state.quitConfirmed {
            state.popup = .confirm(Confirm(
                message: state.lang.pick(fr: "Les dernières modifications n’ont pas pu être enregistrées (\(error)). Quitter quand même ? (o/n)",
                                         en: "The latest changes could not be saved (\(error)). Quit anyway? (y/n)"),
                purpose: .quitUnsaved))
            return []
        }
        state.shouldQuit = true
        return []
    }

    // MARK: Popups

    private static func handlePopup(_ key: Key, _ popup: Popup, _ state: inout AppState) -> [Effect] {
        switch PopupUpdate.handle(key, popup, lang: state.lang, helpHeight: state.height - 4,
                                  screen: Rect(width: state.width, height: state.height)) {
        case .open(let popup):
            state.popup = popup
            return []
        case .cancelled:
            state.popup = nil
            return []
        case .submitted(let purpose, let result):
            state.popup = nil
            switch purpose {
            case .quitUnsaved:
                state.quitConfirmed = true
                state.shouldQuit = true
                return []
            case .loseDraft(let action):
                withWorkshop(&state) { open, _ in open.discardUnsentText() }
                return perform(action, &state)
            case .home(let homePurpose):
                return apply(HomeUpdate.resolve(homePurpose, result, &state), &state)
            case .export(let step):
                return ExportChoice.resolve(step, result, &state)
            case .serving(let servingPurpose):
                return ServingPanel.resolve(servingPurpose, result, &state)
            case .breakouts, .presentation, .synthesis:
                let reaction = withWorkshop(&state) { open, context in
                    PhaseScreen.resolve(purpose, result, &open, context)
                } ?? .ignored
                return apply(reaction, &state)
            }
        }
    }

    // MARK: Helpers

    /// Runs `body` on the open workshop, moved out of the state so that its arrays are uniquely
    /// referenced and edits do not copy 10,000 findings.
    @discardableResult
    static func withWorkshop<T>(_ state: inout AppState, _ body: (inout OpenWorkshop, ScreenContext) -> T) -> T? {
        guard case .workshop(var open) = state.route else { return nil }
        state.route = .home(HomeState())
        let context = ScreenContext(lang: state.lang, now: state.now, area: AppLayout(width: state.width, height: state.height).content,
                                    utcOffsetSeconds: state.utcOffsetSeconds)
        let result = body(&open, context)
        state.route = .workshop(open)
        return result
    }

    static func apply(_ reaction: Reaction, _ state: inout AppState) -> [Effect] {
        if let popup = reaction.popup { state.popup = popup }
        if let text = reaction.status { state.inform(text) }
        return reaction.effects
    }
}
