/// Key handling shared by every popup.
enum PopupOutcome: Sendable {
    /// The popup stays open (possibly changed).
    case open(Popup)
    case cancelled
    case submitted(PopupPurpose, PopupResult)
}

enum PopupUpdate {
    static func handle(_ key: Key, _ popup: Popup, lang: Lang, helpHeight: Int,
                       screen: Rect = Rect(width: 80, height: 24)) -> PopupOutcome {
        switch popup {
        case .help(var help):
            switch key {
            case .escape, .character("q"), .character("?"), .function(1), .enter: return .cancelled
            case .down, .character("j"): help.scroll += 1
            case .up, .character("k"): help.scroll = max(0, help.scroll - 1)
            case .pageDown, .character(" "): help.scroll += max(1, helpHeight - 2)
            case .pageUp: help.scroll = max(0, help.scroll - max(1, helpHeight - 2))
            case .home: help.scroll = 0
            default: break
            }
            return .open(.help(help))

        case .prompt(var prompt):
            switch key {
            case .escape: return .cancelled
            case .enter:
                let text = prompt.editor.text.trimmingCharacters(in: .whitespaces)
                if text.isEmpty {
                    prompt.error = lang.pick(fr: "Tapez un texte, ou Échap pour annuler", en: "Type something, or Esc to cancel")
                    return .open(.prompt(prompt))
                }
                return .submitted(prompt.purpose, .text(text))
            default:
                _ = prompt.editor.handle(key)
                prompt.error = nil
                return .open(.prompt(prompt))
            }

        case .choice(var choice):
            switch key {
            case .escape, .character("q"): return .cancelled
            case .enter:
                guard choice.options.indices.contains(choice.selected) else { return .cancelled }
                return .submitted(choice.purpose, .choice(choice.options[choice.selected].id))
            case .down, .character("j"), .tab: choice.selected = min(choice.options.count - 1, choice.selected + 1)
            case .up, .character("k"), .backTab: choice.selected = max(0, choice.selected - 1)
            case .home: choice.selected = 0
            case .end: choice.selected = choice.options.count - 1
            case .character(let c) where c.isNumber:
                if let n = c.wholeNumberValue, choice.options.indices.contains(n - 1) {
                    return .submitted(choice.purpose, .choice(choice.options[n - 1].id))
                }
            default: break
            }
            return .open(.choice(choice))

        case .form(var form):
            return handleForm(key, &form, lang: lang)

        case .editor(let editor):
            return editor.handle(key, screen: screen, lang: lang)

        case .confirm(let confirm):
            switch key {
            case .character("y"), .character("Y"), .character("o"), .character("O"), .enter:
                return .submitted(confirm.purpose, .confirmed)
            case .escape, .character("n"), .character("N"):
                return .cancelled
            default:
                return .open(.confirm(confirm))
            }
        }
    }

    private static func handleForm(_ key: Key, _ form: inout Form, lang: Lang) -> PopupOutcome {
        guard !form.fields.isEmpty else { return key == .escape ? .cancelled : .open(.form(form)) }
        switch key {
        case .escape: return .cancelled
        case .enter:
            // The cursor goes to the field the message names, so the next keys fix that one.
            if let index = form.fields.indices.first(where: { form.fields[$0].problem(lang) != nil }),
               let message = form.fields[index].problem(lang) {
                form.refuse(FormProblem(message, field: index))
                return .open(.form(form))
            }
            if let problem = form.check?(form.values, form.focus, lang) {
                form.refuse(problem)
                return .open(.form(form))
            }
            return .submitted(form.purpose, .form(form.values))
        case .tab, .down:
            form.focus = (form.focus + 1) % form.fields.count
        case .backTab, .up:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        default:
            var field = form.fields[form.focus]
            switch field.input {
            case .text(var editor):
                _ = editor.handle(key)
                field.input = .text(editor)
            case .number(var editor, let range):
                if case .character(let c) = key, !("0"..."9").contains(c) {
                    // Refused where it can be seen: a letter silently dropped looks like a broken keyboard.
                    form.error = lang.pick(fr: "\(field.label) : des chiffres seulement (« \(c) » refusé)",
                                           en: "\(field.label): digits only (“\(c)” refused)")
                    form.errorField = form.focus
                    return .open(.form(form))
                }
                _ = editor.handle(key)
                field.input = .number(editor, range: range)
            case .options(let options, var selected):
                switch key {
                case .right, .character(" "), .character("l"): selected = (selected + 1) % max(1, options.count)
                case .left, .character("h"): selected = (selected + max(1, options.count) - 1) % max(1, options.count)
                default: break
                }
                field.input = .options(options, selected: selected)
            case .toggle(let on):
                if key == .character(" ") || key == .left || key == .right { field.input = .toggle(!on) }
            }
            form.fields[form.focus] = field
            form.error = nil
            form.errorField = nil
        }
        return .open(.form(form))
    }
}
