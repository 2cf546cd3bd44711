import DataJamCore

/// Session 1's reactions to keys and to the popups it opened. Every edit goes through
/// `OpenWorkshop.perform`, so it is saved and undone (u) like any other.
enum PresentationUpdate {
    typealias Context = ScreenContext

    static func handle(_ key: Key, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        guard let action: PresentationAction = PresentationBindings.table(open.presentation).action(for: key) else { return .ignored }
        return perform(action, &open, context)
    }

    static func isTyping(_ open: OpenWorkshop) -> Bool { false }

    static func hints(_ open: OpenWorkshop) -> [BindingHint] {
        PresentationBindings.table(open.presentation).map(\.hint)
    }

    /// The presentation session's outline (empty when the file has no such session).
    static func outline(_ open: OpenWorkshop) -> [OutlineItem] {
        open.workshop.session(.presentation)?.outline ?? []
    }

    static func perform(_ action: PresentationAction, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        let count = outline(open).count
        let slide = open.presentation.slideIndex(count: count)
        let groups = open.workshop.participantGroups.live
        let groupIndex = open.presentation.groupIndex(in: groups)
        if open.presentation.frame != nil { return FrameUpdate.perform(action, &open, context) }

        switch action {
        case .nextSlide: open.presentation.slide = min(max(0, count - 1), slide + 1)
        case .previousSlide: open.presentation.slide = max(0, slide - 1)
        case .firstSlide: open.presentation.slide = 0
        case .lastSlide: open.presentation.slide = max(0, count - 1)
        case .project:
            open.presentation.projecting = true
            return .status(lang.pick(fr: "Projection : ←→ pour les diapositives, p ou Échap pour revenir",
                                     en: "Projecting: ←→ for the slides, p or Esc to come back"))
        case .stopProjecting: open.presentation.projecting = false
        case .showFrame: open.presentation.frame = FrameState()
        case .hideFrame: open.presentation.frame = nil
        case .nextPanel, .previousPanel:
            let panels = PresentationPanel.allCases
            let index = panels.firstIndex(of: open.presentation.focus) ?? 0
            let step = action == .nextPanel ? 1 : panels.count - 1
            open.presentation.focus = panels[(index + step) % panels.count]
            if open.presentation.focus == .participants, open.presentation.selectedGroupID == nil {
                open.presentation.selectedGroupID = groups.first?.id
            }
        case .up, .down:
            guard let groupIndex else { return .handled }
            let next = action == .up ? max(0, groupIndex - 1) : min(groups.count - 1, groupIndex + 1)
            open.presentation.selectedGroupID = groups[next].id
        case .add:
            switch open.presentation.focus {
            case .slides:
                return .popup(.prompt(Prompt(title: lang.pick(fr: "Titre de la nouvelle diapositive", en: "New slide’s title"),
                                             purpose: .presentation(.addSlide(after: count == 0 ? -1 : slide)))))
            case .participants:
                return .popup(.form(GroupForm().form(title: lang.pick(fr: "Nouveau groupe de participants", en: "New participant group"),
                                                     purpose: .addGroup, lang: lang)))
            case .notes:
                return notesPrompt(open, lang)
            }
        case .edit:
            switch open.presentation.focus {
            case .slides:
                guard count > 0 else { return .status(lang.pick(fr: "Aucune diapositive : a pour en ajouter une", en: "No slide: a to add one")) }
                return .popup(.editor(SlideEditors.points(outline(open)[slide], index: slide, count: count, lang: lang)))
            case .participants:
                guard let groupIndex else { return .status(lang.pick(fr: "Aucun groupe : a pour en ajouter un", en: "No group: a to add one")) }
                let group = groups[groupIndex]
                return .popup(.form(GroupForm(group).form(title: lang.pick(fr: "Groupe : \(group.name)", en: "Group: \(group.name)"),
                                                          purpose: .editGroup(groupID: group.id), lang: lang)))
            case .notes:
                return notesPrompt(open, lang)
            }
        case .delete:
            switch open.presentation.focus {
            case .slides:
                guard var session = open.workshop.session(.presentation), count > 0 else { return .handled }
                let removed = session.outline.remove(at: slide)
                let effects = open.perform([.session(session)], label: lang.pick(fr: "Diapositive supprimée", en: "Slide deleted"), now: context.now)
                open.presentation.slide = min(slide, max(0, count - 2))
                return Reaction(effects: effects, status: lang.pick(
                    fr: "Diapositive supprimée : « \(TextWrap.truncate(removed.title, width: 30)) » (u pour annuler)",
                    en: "Slide deleted: “\(TextWrap.truncate(removed.title, width: 30))” (u to undo)"))
            case .participants:
                guard let groupIndex else { return .handled }
                var group = groups[groupIndex]
                group.deletedAt = context.now
                let effects = open.perform([.participantGroup(group)], label: lang.pick(fr: "Groupe supprimé", en: "Group deleted"), now: context.now)
                let neighbour = groupIndex + 1 < groups.count ? groupIndex + 1 : groupIndex - 1
                open.presentation.selectedGroupID = groups.indices.contains(neighbour) ? groups[neighbour].id : nil
                return Reaction(effects: effects, status: lang.pick(
                    fr: "Groupe supprimé : « \(TextWrap.truncate(group.name, width: 30)) » (u pour annuler)",
                    en: "Group deleted: “\(TextWrap.truncate(group.name, width: 30))” (u to undo)"))
            case .notes:
                guard !open.workshop.details.facilitatorNotes.isEmpty else { return .handled }
                var details = open.workshop.details
                details.facilitatorNotes = ""
                let label = lang.pick(fr: "Notes effacées", en: "Notes cleared")
                return Reaction(effects: open.perform([.details(details)], label: label, now: context.now),
                                status: label + lang.pick(fr: " (u pour annuler)", en: " (u to undo)"))
            }
        case .rename:
            guard open.presentation.focus == .slides, count > 0 else { return .ignored }
            return .popup(.prompt(Prompt(title: lang.pick(fr: "Titre de la diapositive \(slide + 1)/\(count)", en: "Title of slide \(slide + 1)/\(count)"),
                                         text: outline(open)[slide].title, purpose: .presentation(.renameSlide(index: slide)))))
        case .organisations:
            guard open.presentation.focus == .participants, let groupIndex else { return .ignored }
            return .popup(.editor(SlideEditors.organisations(groups[groupIndex], lang: lang)))
        case .moveSlideEarlier, .moveSlideLater:
            let target = action == .moveSlideEarlier ? slide - 1 : slide + 1
            guard var session = open.workshop.session(.presentation), session.outline.indices.contains(target),
                  session.outline.indices.contains(slide) else { return .handled }
            session.outline.swapAt(slide, target)
            let label = lang.pick(fr: "Diapositive déplacée", en: "Slide moved")
            let effects = open.perform([.session(session)], label: label, now: context.now)
            open.presentation.slide = target
            return Reaction(effects: effects, status: label + " (\(target + 1)/\(count))")
        }
        return .handled
    }

    private static func notesPrompt(_ open: OpenWorkshop, _ lang: Lang) -> Reaction {
        .popup(.editor(TextEditorPopup(title: lang.pick(fr: "Notes de l’animateur", en: "Facilitator’s notes"),
                                       text: open.workshop.details.facilitatorNotes, purpose: .presentation(.notes))))
    }

    // MARK: Popups

    /// For a file without a presentation session: the usual one, with an empty outline.
    private static func newPresentationSession(_ lang: Lang, _ now: Timestamp) -> DaySession {
        var session = DaySession.defaultDay(french: lang == .fr, now: now).first { $0.id == .presentation }
            ?? DaySession(id: .presentation, title: "", updatedAt: now)
        session.outline = []
        return session
    }

    static func resolve(_ purpose: PresentationPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        let now = context.now
        switch (purpose, result) {
        case (.frame(let field), _):
            return FrameUpdate.resolve(field, result, &open, context)

        case (.addSlide(let after), .text(let title)):
            let title = title.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { return .ignored }
            var session = open.workshop.session(.presentation) ?? newPresentationSession(lang, now)
            let index = min(max(0, after + 1), session.outline.count)
            session.outline.insert(OutlineItem(title: title), at: index)
            let effects = open.perform([.session(session)], label: lang.pick(fr: "Diapositive ajoutée", en: "Slide added"), now: now)
            open.presentation.slide = index
            open.presentation.focus = .slides
            // Its points next, in their editor: Esc with nothing typed leaves the slide without.
            return Reaction(effects: effects,
                            status: lang.pick(fr: "Diapositive ajoutée (\(index + 1)/\(session.outline.count)) : ses points, un par ligne",
                                              en: "Slide added (\(index + 1)/\(session.outline.count)): its points, one per line"),
                            popup: .editor(SlideEditors.points(session.outline[index], index: index, count: session.outline.count, lang: lang)))

        case (.editSlide(let index), .list(let points)):
            guard var session = open.workshop.session(.presentation), session.outline.indices.contains(index) else { return .ignored }
            open.presentation.slide = index
            guard points != session.outline[index].points else { return .status(lang.pick(fr: "Rien de changé", en: "Nothing changed")) }
            if let problem = SlideEditors.tooLong(points, limit: Limits.longText, lang: lang) { return .status(problem) }
            session.outline[index].points = points
            let label = lang.pick(fr: "Diapositive modifiée", en: "Slide edited")
            return Reaction(effects: open.perform([.session(session)], label: label, now: now), status: label)

        case (.renameSlide(let index), .text(let title)):
            guard var session = open.workshop.session(.presentation), session.outline.indices.contains(index) else { return .ignored }
            open.presentation.slide = index
            guard title != session.outline[index].title else { return .status(lang.pick(fr: "Rien de changé", en: "Nothing changed")) }
            if let problem = SlideEditors.tooLong([title], limit: Limits.longText, lang: lang) { return .status(problem) }
            session.outline[index].title = title
            let label = lang.pick(fr: "Diapositive renommée", en: "Slide renamed")
            return Reaction(effects: open.perform([.session(session)], label: label, now: now), status: label)

        case (.organisations(let id), .list(let names)):
            guard var group = open.workshop.participantGroups.record(withID: id), !group.isDeleted else {
                return .status(lang.pick(fr: "Ce groupe a été supprimé entre-temps", en: "This group was deleted meanwhile"))
            }
            guard names != group.organisations else { return .status(lang.pick(fr: "Rien de changé", en: "Nothing changed")) }
            if let problem = SlideEditors.tooLong(names, limit: Limits.shortText, lang: lang) { return .status(problem) }
            group.organisations = names
            let label = lang.pick(fr: "Organisations enregistrées", en: "Organisations saved")
            return Reaction(effects: open.perform([.participantGroup(group)], label: label, now: now),
                            status: label + " : \(names.count)")

        case (.addGroup, .form(let values)), (.editGroup, .form(let values)):
            guard let draft = GroupForm(values) else { return .ignored }
            var group: ParticipantGroup
            let title: String
            if case .editGroup(let id) = purpose {
                guard let existing = open.workshop.participantGroups.record(withID: id) else { return .ignored }
                if existing.isDeleted {
                    return .status(lang.pick(fr: "Ce groupe a été supprimé entre-temps", en: "This group was deleted meanwhile"))
                }
                group = existing
                title = lang.pick(fr: "Groupe : \(existing.name)", en: "Group: \(existing.name)")
            } else {
                group = ParticipantGroup(name: draft.name, createdAt: now)
                title = lang.pick(fr: "Nouveau groupe de participants", en: "New participant group")
            }
            if let problem = draft.problem(lang) {
                // Refused: the form comes back with what was typed and the reason, on the field to fix.
                return Reaction(status: problem.message, popup: .form(draft.form(title: title, purpose: purpose, lang: lang,
                                                                                 error: problem.message, focus: problem.field)))
            }
            let edited = draft.applied(to: group)
            open.presentation.selectedGroupID = edited.id
            open.presentation.focus = .participants
            if case .editGroup = purpose, edited == group { return .status(lang.pick(fr: "Rien de changé", en: "Nothing changed")) }
            let adding = purpose == .addGroup
            let label = adding ? lang.pick(fr: "Groupe ajouté", en: "Group added") : lang.pick(fr: "Groupe modifié", en: "Group edited")
            // A new group's organisations next, one per line, from the sign-in sheet.
            return Reaction(effects: open.perform([.participantGroup(edited)], label: label, now: now),
                            status: lang.pick(fr: "\(label) : \(edited.name)", en: "\(label): \(edited.name)"),
                            popup: adding ? .editor(SlideEditors.organisations(edited, lang: lang)) : nil)

        case (.notes, .text(let text)):
            var details = open.workshop.details
            guard details.facilitatorNotes != text else { return .handled }
            details.facilitatorNotes = text
            let label = lang.pick(fr: "Notes enregistrées", en: "Notes saved")
            return Reaction(effects: open.perform([.details(details)], label: label, now: now), status: label)

        default:
            return .ignored
        }
    }
}
