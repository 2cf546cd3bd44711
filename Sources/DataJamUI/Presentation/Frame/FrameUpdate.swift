import DataJamCore

/// The frame panel's reactions: moving between fields, opening the right editor for each (one
/// line, several lines, a list, a session's form), and saving what comes back. Every change goes
/// through `OpenWorkshop.perform`, so it is saved and undone (u) like any other.
enum FrameUpdate {
    typealias Context = ScreenContext

    static func perform(_ action: PresentationAction, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        var frame = open.presentation.frame ?? FrameState()
        let fields = FrameField.all
        let index = fields.firstIndex(of: frame.field) ?? 0
        switch action {
        case .up: frame.field = fields[max(0, index - 1)]
        case .down: frame.field = fields[min(fields.count - 1, index + 1)]
        case .hideFrame:
            open.presentation.frame = nil
            return .handled
        case .edit:
            open.presentation.frame = frame
            return editor(for: frame.field, open, context)
        default:
            return .ignored
        }
        open.presentation.frame = frame
        return .handled
    }

    /// The popup that edits `field`, holding its current value, or `typed` when a value was refused.
    static func editor(for field: FrameField, _ open: OpenWorkshop, _ context: Context, typed: String? = nil, error: String? = nil) -> Reaction {
        let lang = context.lang
        let details = open.workshop.details
        let purpose = PopupPurpose.presentation(.frame(field))
        func oneField(_ label: String, _ value: String) -> Reaction {
            var form = Form(title: lang.pick(fr: "Cadre de l’atelier", en: "Workshop frame"), fields: [.text(label, typed ?? value)], purpose: purpose)
            form.error = error
            return Reaction(status: error, popup: .form(form))
        }
        switch field {
        case .theme: return oneField(field.label(lang), details.theme)
        case .date:
            return oneField(lang.pick(fr: "Date (AAAA-MM-JJ, vide : aucune)", en: "Date (YYYY-MM-DD, empty: none)"), details.date?.description ?? "")
        case .city: return oneField(field.label(lang), details.city)
        case .timeZone:
            return oneField(lang.pick(fr: "Fuseau horaire (nom IANA, ex. Africa/Tunis ; vide : aucun)",
                                      en: "Time zone (IANA name, e.g. Africa/Tunis; empty: none)"), details.timeZone ?? "")
        case .focus: return oneField(lang.pick(fr: "Axe (une ou deux phrases)", en: "Focus (a sentence or two)"), details.focus)
        case .context:
            return .popup(.editor(TextEditorPopup(
                title: lang.pick(fr: "Contexte de l’atelier", en: "Workshop context"), text: details.context,
                note: lang.pick(fr: "Le contexte qui ouvre le rapport ; plusieurs paragraphes possibles.",
                                en: "The background the report opens with; several paragraphs are fine."),
                purpose: purpose)))
        case .objectives:
            return .popup(.editor(TextEditorPopup(
                title: lang.pick(fr: "Objectifs de l’atelier", en: "Workshop objectives"), items: details.objectives,
                note: lang.pick(fr: "Un objectif par ligne.", en: "One objective per line."), purpose: purpose)))
        case .session(let phase):
            let session = open.workshop.session(phase) ?? DaySession(id: phase, title: "")
            var form = SessionTimesForm(session, day: workshopDay(open, context), offsetSeconds: offset(open, context))
                .form(phase: phase, lang: lang)
            form.error = error
            return Reaction(status: error, popup: .form(form))
        }
    }

    /// The day a time typed without a day falls on: the workshop's date, else today.
    static func workshopDay(_ open: OpenWorkshop, _ context: Context) -> WorkshopDate {
        open.workshop.details.date ?? LocalTime.day(of: context.now, offsetSeconds: offset(open, context))
    }

    /// Seconds from UTC to the clock the sessions' times are read and typed in: the workshop's
    /// time zone (the room's, whatever the laptop says), else the machine's.
    static func offset(_ open: OpenWorkshop, _ context: Context) -> Int64 {
        open.clockOffset(at: context.now, machine: context.utcOffsetSeconds)
    }

    static func resolve(_ field: FrameField, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        var details = open.workshop.details
        func refuse(_ message: String) -> Reaction {
            editor(for: field, open, context, typed: result.formText, error: message)
        }
        switch (field, result) {
        case (.theme, .form(let values)):
            let theme = values.first?.text ?? ""
            guard !theme.isEmpty else {
                return refuse(lang.pick(fr: "Le thème est obligatoire : tapez-en un, ou Échap", en: "The theme is required: type one, or Esc"))
            }
            guard theme.unicodeScalars.count <= Limits.shortText else { return refuse(tooLong(Limits.shortText, lang)) }
            details.theme = theme
        case (.date, .form(let values)):
            let text = values.first?.text ?? ""
            if text.isEmpty {
                details.date = nil
            } else if let date = WorkshopDate(text) {
                details.date = date
            } else {
                return refuse(lang.pick(fr: "« \(text) » n’est pas une date : écrivez-la AAAA-MM-JJ, par exemple 2023-11-27",
                                        en: "“\(text)” is not a date: write it YYYY-MM-DD, for example 2023-11-27"))
            }
        case (.city, .form(let values)):
            let city = values.first?.text ?? ""
            guard city.unicodeScalars.count <= Limits.shortText else { return refuse(tooLong(Limits.shortText, lang)) }
            details.city = city
        case (.timeZone, .form(let values)):
            let name = values.first?.text ?? ""
            guard name.isEmpty || WorkshopTimeZone.isKnown(name) else {
                return refuse(lang.pick(fr: "Fuseau « \(name) » inconnu : donnez un nom IANA comme Africa/Tunis, Europe/Paris ou UTC",
                                        en: "Unknown time zone “\(name)”: give an IANA name such as Africa/Tunis, Europe/Paris or UTC"))
            }
            details.timeZone = name.isEmpty ? nil : name
        case (.focus, .form(let values)):
            let focus = values.first?.text ?? ""
            guard focus.unicodeScalars.count <= Limits.longText else { return refuse(tooLong(Limits.longText, lang)) }
            details.focus = focus
        case (.context, .text(let text)):
            guard text.unicodeScalars.count <= Limits.longText else {
                return .status(tooLong(Limits.longText, lang) + lang.pick(fr: " : rien de changé", en: ": nothing changed"))
            }
            details.context = text
        case (.objectives, .list(let items)):
            guard items.allSatisfy({ $0.unicodeScalars.count <= Limits.longText }) else {
                return .status(tooLong(Limits.longText, lang) + lang.pick(fr: " : rien de changé", en: ": nothing changed"))
            }
            details.objectives = items
        case (.session(let phase), .form(let values)):
            return resolveSession(phase, values, &open, context)
        default:
            return .ignored
        }
        guard details != open.workshop.details else { return .status(lang.pick(fr: "Rien de changé", en: "Nothing changed")) }
        let label = lang.pick(fr: "Cadre modifié : \(field.label(lang))", en: "Frame edited: \(field.label(lang))")
        return Reaction(effects: open.perform([.details(details)], label: label, now: context.now), status: label)
    }

    private static func resolveSession(_ phase: DaySession.Phase, _ values: [FormValue], _ open: inout OpenWorkshop, _ context: Context) -> Reaction {
        let lang = context.lang
        guard let draft = SessionTimesForm(values) else { return .ignored }
        let existing = open.workshop.session(phase) ?? DaySession(id: phase, title: "", updatedAt: context.now)
        switch draft.applied(to: existing, day: workshopDay(open, context), offsetSeconds: offset(open, context), lang: lang) {
        case .failure(let problem):
            var form = draft.form(phase: phase, lang: lang)
            form.error = problem.message
            form.focus = problem.field
            return Reaction(status: problem.message, popup: .form(form))
        case .success(let session):
            guard session != existing else { return .status(lang.pick(fr: "Rien de changé", en: "Nothing changed")) }
            let label = lang.pick(fr: "Séance \(phase.number) modifiée", en: "Session \(phase.number) edited")
            return Reaction(effects: open.perform([.session(session)], label: label, now: context.now), status: label)
        }
    }

    static func tooLong(_ limit: Int, _ lang: Lang) -> String {
        lang.pick(fr: "Texte trop long : \(limit) caractères au plus", en: "Text too long: at most \(limit) characters")
    }
}

private extension PopupResult {
    /// The text of a one-field form.
    var formText: String? {
        if case .form(let values) = self { return values.first?.text }
        return nil
    }
}
