/// Draws the text editor popup: the wrapped text (a list's items each after "• "), what to press
/// to finish, and, after Esc on a changed text, the keep-or-drop question.
enum TextEditorView {
    static func render(_ editor: TextEditorPopup, lang: Lang, into buffer: inout ScreenBuffer, area: Rect) -> (x: Int, y: Int)? {
        let box = TextEditorPopup.box(in: area)
        // The whole width of the rows it covers: no half-hidden panel titles beside the box.
        buffer.fill(Rect(x: area.x, y: box.y, width: area.width, height: box.height))
        Draw.box(box, in: &buffer, style: Theme.popupBorder, title: editor.title)
        guard box.width > 4, box.height > 2 else { return nil }
        let inner = box.inset(by: 1).inset(horizontal: 1, vertical: 0)
        if let note = editor.note {
            buffer.put(TextWrap.truncate(note, width: inner.width), x: inner.x, y: inner.y, style: Theme.dim)
        }
        let textRect = editor.textRect(in: box)
        let width = TextEditorPopup.wrapWidth(textRect)
        let rows = editor.area.rows(width: width)
        let cursor = editor.area.screenCursor(width: width)
        let scroll = TextEditorPopup.keptScroll(editor.scroll, cursorRow: cursor.row, height: textRect.height)
        for (offset, row) in rows.dropFirst(scroll).prefix(textRect.height).enumerated() {
            let y = textRect.y + offset
            if editor.kind == .list, editor.area.startsLine(row) {
                buffer.put("•", x: textRect.x - editor.gutter, y: y, style: Theme.dim)
            }
            // A right-to-left line reads, and is aligned, right to left; the cursor follows (screenCursor).
            buffer.putLine(editor.area.string(of: row), of: editor.area.direction(of: row), x: textRect.x, y: y,
                           width: min(width, textRect.width))
        }
        if editor.area.characters.isEmpty, editor.kind == .list {
            buffer.put(lang.pick(fr: "(vide : un élément par ligne)", en: "(empty: one item per line)"),
                       x: textRect.x + 1, y: textRect.y, style: Theme.dim, maxWidth: textRect.width - 1)
        }
        if scroll > 0 { buffer.put("▲", x: box.maxX - 2, y: box.y, style: Theme.popupBorder) }
        if scroll + textRect.height < rows.count { buffer.put("▼", x: box.maxX - 2, y: box.maxY - 1, style: Theme.popupBorder) }

        var y = inner.maxY - 1
        buffer.put(keysLine(editor, lang: lang), x: inner.x, y: y, style: Theme.dim, maxWidth: inner.width)
        if editor.askingToLeave {
            y -= 1
            buffer.put(lang.pick(fr: "Garder les modifications ? o garder · n abandonner · Échap continuer",
                                 en: "Keep the changes? y keep · n drop · Esc go on writing"),
                       x: inner.x, y: y, style: Theme.warning, maxWidth: inner.width)
            return nil
        } else if let error = editor.error {
            y -= 1
            buffer.put(error, x: inner.x, y: y, style: Theme.warning, maxWidth: inner.width)
        }
        let shownRow = cursor.row - scroll
        guard shownRow >= 0, shownRow < textRect.height else { return nil }
        return (textRect.x + min(cursor.column, textRect.width - 1), textRect.y + shownRow)
    }

    static func keysLine(_ editor: TextEditorPopup, lang: Lang) -> String {
        editor.kind == .list
            ? lang.pick(fr: "Entrée élément suivant · Ctrl-S ou F2 terminer · Échap annuler",
                        en: "Enter next item · Ctrl-S or F2 finish · Esc cancel")
            : lang.pick(fr: "Entrée nouvelle ligne · Ctrl-S ou F2 terminer · Échap annuler",
                        en: "Enter new line · Ctrl-S or F2 finish · Esc cancel")
    }

    static func hints(_ editor: TextEditorPopup) -> [BindingHint] {
        func hint(_ key: String, _ fr: String, _ en: String) -> BindingHint {
            BindingHint(keyLabel: key, short: Localized(fr: fr, en: en), help: Localized(fr: fr, en: en), footer: true)
        }
        if editor.askingToLeave {
            return [hint("o/y", "Garder", "Keep"), hint("n", "Abandonner", "Drop"), hint("Esc", "Continuer", "Go on")]
        }
        return [hint("Ctrl-S/F2", "Terminer", "Finish"),
                editor.kind == .list ? hint("Enter", "Élément suivant", "Next item") : hint("Enter", "Nouvelle ligne", "New line"),
                hint("Alt-b/f", "Mot", "Word"), hint("Esc", "Annuler", "Cancel")]
    }
}
