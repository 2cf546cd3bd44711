import DataJamCore

/// The conclusions' keys: moving through the five lists, adding, editing and deleting items
/// (deleting is undone with the global u).
enum ConclusionsUpdate {
    static func perform(_ action: SynthesisAction, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let lang = context.lang
        let data = open.synthesis.data
        let rows = data.conclusions
        let current = selectedRow(open.synthesis, data)
        let row = current.map { rows[$0] }
        switch action {
        case .add:
            return .popup(addPopup(row?.section ?? .recommendations, lang: lang))
        case .edit:
            guard let row else { return .ignored }
            guard case .item(let section, let id, let index) = row else { return .popup(addPopup(row.section, lang: lang)) }
            if let plain = section.plain {
                let items = open.workshop.synthesis[plain]
                guard items.indices.contains(index), items[index].id == id else { return .ignored }
                // A conclusion can run over several paragraphs: the multi-line editor.
                return .popup(.editor(TextEditorPopup(title: lang.pick(fr: "Modifier · \(section.title(lang))", en: "Edit · \(section.title(lang))"),
                                                      text: items[index].text, purpose: .synthesis(.editItem(plain, itemID: id)))))
            }
            let partnerships = open.workshop.synthesis.partnerships
            guard partnerships.indices.contains(index), partnerships[index].id == id else { return .ignored }
            let p = partnerships[index]
            return .popup(.form(partnershipForm(title: lang.pick(fr: "Modifier le partenariat", en: "Edit the partnership"),
                                                values: [p.producer, p.reuser, p.subject], purpose: .editPartnership(id: id), lang: lang)))
        case .delete:
            return delete(current, &open, context)
        case .left, .right:
            guard !rows.isEmpty else { return .handled }
            let section = row?.section ?? .recommendations
            let sections = ConclusionSection.allCases
            let target = action == .left ? sections[max(0, section.rawValue - 1)] : sections[min(sections.count - 1, section.rawValue + 1)]
            select(.section(target), &open, context)
            return .handled
        default:
            let list = SynthesisLayout(area: context.area).list
            guard open.synthesis.conclusions.move(action, count: rows.count, page: SynthesisLayout.page(list.height),
                                                  rowOf: { data.conclusionRow(of: $0) }, isSelectable: { _ in true },
                                                  id: { rows[$0].id }) else { return .ignored }
            open.synthesis.conclusions.scroll = scroll(open.synthesis, data, open.workshop, context)
            return .handled
        }
    }

    static func selectedRow(_ state: SynthesisState, _ data: SynthesisData) -> Int? {
        state.conclusions.row(count: data.conclusions.count, rowOf: { data.conclusionRow(of: $0) }, isSelectable: { _ in true })
    }

    static func scroll(_ state: SynthesisState, _ data: SynthesisData, _ workshop: Workshop, _ context: ScreenContext) -> Int {
        let list = SynthesisLayout(area: context.area).list
        guard let row = selectedRow(state, data) else { return 0 }
        return ListScroll.keepVisible(selected: row, scroll: state.conclusions.scroll, viewport: list.height, count: data.conclusions.count) {
            ConclusionText.height(of: data.conclusions[$0], in: workshop.synthesis, width: list.width, lang: context.lang)
        }
    }

    /// Selects the row `id` (after the data was refreshed) and scrolls to it.
    static func select(_ id: ConclusionRowID, _ open: inout OpenWorkshop, _ context: ScreenContext) {
        let data = open.synthesis.data
        guard let row = data.conclusionRow(of: id) else { return }
        open.synthesis.conclusions.selectedID = id
        open.synthesis.conclusions.selectedRow = row
        open.synthesis.conclusions.scroll = scroll(open.synthesis, data, open.workshop, context)
    }

    // MARK: Popups

    static func addPopup(_ section: ConclusionSection, lang: Lang) -> Popup {
        guard let plain = section.plain else {
            return .form(partnershipForm(title: section.newTitle(lang), values: ["", "", ""], purpose: .addPartnership, lang: lang))
        }
        return .prompt(Prompt(title: section.newTitle(lang), purpose: .synthesis(.addItem(plain))))
    }

    /// Producer, re-user, subject.
    static func partnershipForm(title: String, values: [String], purpose: SynthesisPurpose, lang: Lang, error: String? = nil) -> Form {
        let labels = [lang.pick(fr: "Producteur de données", en: "Data producer"),
                      lang.pick(fr: "Réutilisateur", en: "Re-user"),
                      lang.pick(fr: "Objet", en: "Subject")]
        var form = Form(title: title, fields: zip(labels, values).map { FormField.text($0, $1) }, purpose: .synthesis(purpose))
        form.error = error
        form.focus = error == nil ? 0 : (values.firstIndex { $0.isEmpty } ?? 0)
        return form
    }

    static func resolve(_ purpose: SynthesisPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let lang = context.lang
        let now = context.now
        switch (purpose, result) {
        case (.addItem(let plain), .text(let text)):
            let section = ConclusionSection(plain)
            let item = SynthesisItem(text: text, createdAt: now)
            let effects = SynthesisUpdate.perform([.synthesisItem(plain, item)],
                                                  label: lang.pick(fr: "Ajout à « \(section.title(.fr)) »", en: "Added to “\(section.title(.en))”"),
                                                  &open, context)
            select(.item(item.id), &open, context)
            return Reaction(effects: effects, status: lang.pick(fr: "Ajouté à « \(section.title(.fr)) » : \(SynthesisUpdate.quote(text, lang))",
                                                                en: "Added to “\(section.title(.en))”: \(SynthesisUpdate.quote(text, lang))"))
        case (.editItem(let plain, let id), .text(let text)):
            guard let index = open.workshop.synthesis[plain].index(ofID: id) else { return .ignored }
            var item = open.workshop.synthesis[plain][index]
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .status(lang.pick(fr: "Texte vide : rien de changé (x pour supprimer)", en: "Empty text: nothing changed (x to delete)"))
            }
            guard item.text != text || item.isDeleted else { return .handled }
            item.text = text
            item.deletedAt = nil
            let effects = SynthesisUpdate.perform([.synthesisItem(plain, item)], label: lang.pick(fr: "Modification", en: "Edit"), &open, context)
            select(.item(id), &open, context)
            return Reaction(effects: effects, status: lang.pick(fr: "Modifié : \(SynthesisUpdate.quote(text, lang))",
                                                                en: "Edited: \(SynthesisUpdate.quote(text, lang))"))
        case (.addPartnership, .form(let values)), (.editPartnership, .form(let values)):
            let texts = values.map(\.text) + Array(repeating: "", count: max(0, 3 - values.count))
            guard !texts[0].isEmpty, !texts[1].isEmpty else {
                let title = purpose == .addPartnership ? ConclusionSection.partnerships.newTitle(lang)
                    : lang.pick(fr: "Modifier le partenariat", en: "Edit the partnership")
                return .popup(.form(partnershipForm(title: title, values: Array(texts.prefix(3)), purpose: purpose, lang: lang,
                                                    error: lang.pick(fr: "Indiquez le producteur et le réutilisateur", en: "Give the producer and the re-user"))))
            }
            var partnership: Partnership
            let label: String
            if case .editPartnership(let id) = purpose {
                guard let index = open.workshop.synthesis.partnerships.index(ofID: id) else { return .ignored }
                partnership = open.workshop.synthesis.partnerships[index]
                label = lang.pick(fr: "Partenariat modifié", en: "Partnership edited")
            } else {
                partnership = Partnership(producer: "", reuser: "", createdAt: now)
                label = lang.pick(fr: "Partenariat ajouté", en: "Partnership added")
            }
            let before = partnership
            partnership.producer = texts[0]
            partnership.reuser = texts[1]
            partnership.subject = texts[2]
            partnership.deletedAt = nil
            guard partnership != before else { return .handled }
            let effects = SynthesisUpdate.perform([.partnership(partnership)], label: label, &open, context)
            select(.item(partnership.id), &open, context)
            return Reaction(effects: effects, status: label + lang.pick(fr: " : ", en: ": ") + ConclusionText.partnership(partnership, lang: lang))
        default:
            return .ignored
        }
    }

    // MARK: Deleting

    private static func delete(_ current: Int?, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let lang = context.lang
        let rows = open.synthesis.data.conclusions
        guard let current, case .item(let section, let id, let index) = rows[current] else {
            return .status(lang.pick(fr: "Choisissez un élément à supprimer (pas un titre)", en: "Select an item to delete (not a heading)"))
        }
        // The selection goes to the next item of the section, else the previous one, else its heading.
        let next = rows.indices.contains(current + 1) && rows[current + 1].section == section
            && rows[current + 1].id != .section(section) ? rows[current + 1].id : rows[current - 1].id
        let change: WorkshopChange
        let text: String
        if let plain = section.plain {
            guard open.workshop.synthesis[plain].indices.contains(index) else { return .ignored }
            var item = open.workshop.synthesis[plain][index]
            guard item.id == id else { return .ignored }
            item.deletedAt = context.now
            change = .synthesisItem(plain, item)
            text = item.text
        } else {
            guard open.workshop.synthesis.partnerships.indices.contains(index) else { return .ignored }
            var partnership = open.workshop.synthesis.partnerships[index]
            guard partnership.id == id else { return .ignored }
            partnership.deletedAt = context.now
            change = .partnership(partnership)
            text = ConclusionText.partnership(partnership, lang: lang)
        }
        let title = section.title(lang)
        let effects = SynthesisUpdate.perform([change], label: lang.pick(fr: "Suppression dans « \(title) »", en: "Deleted from “\(title)”"),
                                              &open, context)
        select(next, &open, context)
        return Reaction(effects: effects, status: lang.pick(fr: "Supprimé de « \(title) » : \(SynthesisUpdate.quote(text, lang)) (u pour annuler)",
                                                            en: "Deleted from “\(title)”: \(SynthesisUpdate.quote(text, lang)) (u to undo)"))
    }
}
