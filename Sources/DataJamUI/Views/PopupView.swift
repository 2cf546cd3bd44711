/// Draws the popup on top of the screen; returns the text cursor when the popup takes text.
enum PopupView {
    static func render(_ popup: Popup, lang: Lang, into buffer: inout ScreenBuffer, area: Rect) -> (x: Int, y: Int)? {
        switch popup {
        case .help(let help):
            return renderHelp(help, lang: lang, into: &buffer, area: area)
        case .prompt(let prompt):
            let box = area.centered(width: min(area.width - 2, 70), height: prompt.error == nil ? 4 : 5)
            Draw.box(box, in: &buffer, style: Theme.popupBorder, title: prompt.title)
            let inner = box.inset(by: 1).inset(horizontal: 1, vertical: 0)
            let (text, column) = prompt.editor.visible(width: inner.width)
            buffer.fill(inner.row(0), style: Theme.field)
            buffer.put(text, x: inner.x, y: inner.y, style: Theme.field)
            buffer.put(lang.pick(fr: "Entrée valider · Échap annuler", en: "Enter confirm · Esc cancel"), x: inner.x, y: inner.y + 1, style: Theme.dim)
            if let error = prompt.error { buffer.put(error, x: inner.x, y: inner.y + 2, style: Theme.warning, maxWidth: inner.width) }
            return (inner.x + column, inner.y)
        case .choice(let choice):
            let height = min(area.height - 2, choice.options.count + 2)
            let width = min(area.width - 2, max(30, (choice.options.map { DisplayWidth.of($0.label) }.max() ?? 0) + 10, DisplayWidth.of(choice.title) + 8))
            let box = area.centered(width: width, height: height)
            Draw.box(box, in: &buffer, style: Theme.popupBorder, title: choice.title)
            let inner = box.inset(by: 1)
            let first = max(0, choice.selected - inner.height + 1)
            for (row, index) in (first..<choice.options.count).enumerated() where row < inner.height {
                let label = " \(index < 9 ? "\(index + 1)" : " ") \(choice.options[index].label)"
                let style = index == choice.selected ? Theme.selection : Style.plain
                if index == choice.selected { buffer.fill(inner.row(row), style: style) }
                buffer.put(label, x: inner.x, y: inner.y + row, style: style, maxWidth: inner.width)
            }
            return nil
        case .form(let form):
            return renderForm(form, lang: lang, into: &buffer, area: area)
        case .editor(let editor):
            return TextEditorView.render(editor, lang: lang, into: &buffer, area: area)
        case .confirm(let confirm):
            let lines = TextWrap.wrap(confirm.message, width: min(area.width - 6, 60))
            let box = area.centered(width: min(area.width - 2, 64), height: lines.count + 2)
            Draw.box(box, in: &buffer, style: Theme.warning)
            for (i, line) in lines.enumerated() { buffer.put(line, x: box.x + 2, y: box.y + 1 + i, style: Theme.warning) }
            return nil
        }
    }

    private static func renderHelp(_ help: HelpPopup, lang: Lang, into buffer: inout ScreenBuffer, area: Rect) -> (x: Int, y: Int)? {
        buffer.fill(area)
        let box = area.inset(horizontal: max(0, (area.width - 90) / 2), vertical: 1)
        Draw.box(box, in: &buffer, style: Theme.popupBorder, title: lang.pick(fr: "Aide · Échap pour fermer", en: "Help · Esc to close"))
        let inner = box.inset(by: 1).inset(horizontal: 1, vertical: 0)
        let allHints = help.sections.flatMap(\.hints)
        let keyWidth = min(14, max(6, (allHints.map { DisplayWidth.of($0.keyLabel) }.max() ?? 6) + 1))
        let textWidth = max(1, inner.width - keyWidth - 3)
        // Lay out every line first (wrapping included) so scrolling can reach the very end.
        var lines: [(key: String, text: String, isTitle: Bool, disabled: Bool)] = []
        for section in help.sections {
            if !lines.isEmpty { lines.append(("", "", false, false)) }
            lines.append((section.title(lang), "", true, false))
            var seen = Set<String>()
            for hint in section.hints where hint.listed && seen.insert(hint.keyLabel + hint.help(lang)).inserted {
                // A key that does nothing now is dimmed, with the reason.
                let text = hint.disabled.map { hint.help(lang) + " — " + $0(lang) } ?? hint.help(lang)
                for (n, piece) in TextWrap.wrap(text, width: textWidth).enumerated() {
                    lines.append((n == 0 ? hint.keyLabel : "", piece, false, hint.disabled != nil))
                }
            }
        }
        let scroll = min(help.scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.isTitle {
                buffer.put(line.key, x: inner.x, y: y, style: Theme.heading, maxWidth: inner.width)
            } else {
                buffer.put(line.key, x: inner.x + 1, y: y, style: line.disabled ? Theme.dim : .bold, maxWidth: keyWidth)
                buffer.put(line.text, x: inner.x + keyWidth + 3, y: y, style: line.disabled ? Theme.dim : .plain, maxWidth: textWidth)
            }
        }
        if lines.count > inner.height {
            let more = scroll + inner.height < lines.count ? "▼" : "▲"
            buffer.put(more, x: box.maxX - 2, y: box.maxY - 1, style: Theme.popupBorder)
        }
        return nil
    }

    private static func renderForm(_ form: Form, lang: Lang, into buffer: inout ScreenBuffer, area: Rect) -> (x: Int, y: Int)? {
        let labelWidth = min(36, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 2)
        let height = form.fields.count + 4 + (form.error == nil ? 0 : 1)
        let box = area.centered(width: min(area.width - 2, 90), height: min(area.height, height))
        Draw.box(box, in: &buffer, style: Theme.popupBorder, title: form.title)
        let inner = box.inset(by: 1).inset(horizontal: 1, vertical: 0)
        let fieldX = inner.x + labelWidth
        let fieldWidth = max(1, inner.maxX - fieldX)
        var cursor: (x: Int, y: Int)?
        for (i, field) in form.fields.enumerated() where inner.y + i < inner.maxY {
            let y = inner.y + i
            let focused = i == form.focus
            // The field an error is about stands out, so the message and the cursor agree visibly.
            let labelStyle = i == form.errorField && form.error != nil ? Theme.warning : focused ? Style.bold : Theme.dim
            buffer.put(TextWrap.truncate(field.label, width: labelWidth - 1), x: inner.x, y: y, style: labelStyle)
            switch field.input {
            case .text(let editor), .number(let editor, _):
                let (text, column) = editor.visible(width: fieldWidth)
                buffer.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), style: Theme.field)
                buffer.put(text, x: fieldX, y: y, style: Theme.field)
                if focused { cursor = (fieldX + column, y) }
            case .options(let options, let selected):
                let label = options.indices.contains(selected) ? options[selected].label : ""
                buffer.put("◀ " + label + " ▶", x: fieldX, y: y, style: focused ? Theme.selection : .plain, maxWidth: fieldWidth)
            case .toggle(let on):
                buffer.put(on ? "[x]" : "[ ]", x: fieldX, y: y, style: focused ? Theme.selection : .plain)
            }
        }
        var y = inner.y + form.fields.count
        if let error = form.error, y < inner.maxY {
            buffer.put(error, x: inner.x, y: y, style: Theme.warning, maxWidth: inner.width)
            y += 1
        }
        if y < inner.maxY {
            buffer.put(formHint(form, lang: lang), x: inner.x, y: y + 1 < inner.maxY ? y + 1 : y, style: Theme.dim, maxWidth: inner.width)
        }
        return cursor
    }

    /// The keys of a form, only those its fields use: no "←→ option" without a choice.
    static func formHint(_ form: Form, lang: Lang) -> String {
        var parts: [String] = []
        if form.fields.count > 1 { parts.append(lang.pick(fr: "Tab/↑↓ champ", en: "Tab/↑↓ field")) }
        if form.fields.contains(where: { if case .options = $0.input { true } else { false } }) {
            parts.append(lang.pick(fr: "←→ choix", en: "←→ option"))
        }
        if form.fields.contains(where: { if case .toggle = $0.input { true } else { false } }) {
            parts.append(lang.pick(fr: "Espace cocher", en: "Space toggle"))
        }
        parts.append(lang.pick(fr: "Entrée valider · Échap annuler", en: "Enter confirm · Esc cancel"))
        return parts.joined(separator: " · ")
    }

    static func hints(_ popup: Popup) -> [BindingHint] {
        func hint(_ key: String, _ fr: String, _ en: String) -> BindingHint {
            BindingHint(keyLabel: key, short: Localized(fr: fr, en: en), help: Localized(fr: fr, en: en), footer: true)
        }
        switch popup {
        case .help: return [hint("↑↓", "Défiler", "Scroll"), hint("Esc", "Fermer", "Close")]
        case .prompt: return [hint("Enter", "Valider", "Confirm"), hint("Esc", "Annuler", "Cancel")]
        case .choice: return [hint("↑↓", "Choisir", "Select"), hint("Enter", "Valider", "Confirm"), hint("Esc", "Annuler", "Cancel")]
        case .form: return [hint("Tab", "Champ suivant", "Next field"), hint("Enter", "Valider", "Confirm"), hint("Esc", "Annuler", "Cancel")]
        case .confirm: return [hint("o/y", "Oui", "Yes"), hint("n", "Non", "No")]
        case .editor(let editor): return TextEditorView.hints(editor)
        }
    }
}
