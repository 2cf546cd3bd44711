import DataJamCore

/// The consolidated view's keys: moving through the findings, and `=` to mark two findings (usually
/// from two teams) as the same point, or to undo such a link.
enum ConsolidatedUpdate {
    static func perform(_ action: SynthesisAction, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        if action == .samePoint { return samePoint(&open, context) }
        if action == .unlink { return unlink(&open, context) }
        let data = open.synthesis.data
        let list = SynthesisLayout(area: context.area).list
        guard open.synthesis.consolidated.move(action, count: data.rows.count, page: SynthesisLayout.page(list.height),
                                               rowOf: { data.rowOfFinding[$0] }, isSelectable: { data.rows[$0].findingID != nil },
                                               id: { data.rows[$0].findingID }) else { return .ignored }
        open.synthesis.consolidated.scroll = scroll(open.synthesis, data, open.workshop, context)
        return .handled
    }

    static func selectedRow(_ state: SynthesisState, _ data: SynthesisData) -> Int? {
        state.consolidated.row(count: data.rows.count, rowOf: { data.rowOfFinding[$0] }, isSelectable: { data.rows[$0].findingID != nil })
    }

    /// The first row to show so that the selection is visible.
    static func scroll(_ state: SynthesisState, _ data: SynthesisData, _ workshop: Workshop, _ context: ScreenContext) -> Int {
        let list = SynthesisLayout(area: context.area).list
        guard let row = selectedRow(state, data) else { return 0 }
        return ListScroll.keepVisible(selected: row, scroll: state.consolidated.scroll, viewport: list.height, count: data.rows.count) {
            ConsolidatedText.height(of: data.rows[$0], data: data, workshop: workshop, width: list.width, lang: context.lang)
        }
    }

    /// `=`: on a linked finding, unlinks it; else marks it, or, when another finding is marked,
    /// records that this one makes the same point as the marked one.
    static func samePoint(_ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let lang = context.lang
        let data = open.synthesis.data
        guard let row = selectedRow(open.synthesis, data), let id = data.rows[row].findingID,
              var finding = data.finding(id, in: open.workshop) else {
            return .status(lang.pick(fr: "Aucune trouvaille choisie", en: "No finding selected"))
        }
        let this = describe(finding, data, lang)

        if let target = finding.samePointAs {
            let other = data.finding(target, in: open.workshop)
            finding.samePointAs = nil
            open.synthesis.markedID = nil
            let effects = SynthesisUpdate.perform([.finding(finding)], label: lang.pick(fr: "Lien « même point » retiré", en: "“Same point” link removed"),
                                                  &open, context)
            let status = other.map { lang.pick(fr: "Lien retiré : \(this) n’est plus relié à \(describe($0, data, lang))",
                                               en: "Link removed: \(this) is no longer linked to \(describe($0, data, lang))") }
                ?? lang.pick(fr: "Lien retiré : \(this)", en: "Link removed: \(this)")
            return Reaction(effects: effects, status: status)
        }

        if let markedID = open.synthesis.markedID, markedID == id {
            open.synthesis.markedID = nil
            return .status(lang.pick(fr: "Marque retirée : \(this)", en: "Mark removed: \(this)"))
        }

        if let markedID = open.synthesis.markedID, let marked = data.finding(markedID, in: open.workshop) {
            if leads(from: markedID, to: id, data, open.workshop) {
                return .status(lang.pick(fr: "Déjà reliées : \(describe(marked, data, lang)) mène à \(this)",
                                         en: "Already linked: \(describe(marked, data, lang)) leads to \(this)"))
            }
            finding.samePointAs = markedID
            open.synthesis.markedID = nil
            let effects = SynthesisUpdate.perform([.finding(finding)], label: lang.pick(fr: "Même point", en: "Same point"), &open, context)
            return Reaction(effects: effects, status: lang.pick(fr: "Même point : \(this) = \(describe(marked, data, lang))",
                                                                en: "Same point: \(this) = \(describe(marked, data, lang))"))
        }

        open.synthesis.markedID = id
        return .status(lang.pick(fr: "Marquée : \(this) · = sur une autre trouvaille pour relier",
                                 en: "Marked: \(this) · = on another finding to link"))
    }

    /// `x`: removes every "same point" link the selected finding is part of: its own (to the
    /// finding it makes the same point as) and those of the findings linked to it, in one change
    /// that u undoes.
    static func unlink(_ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let lang = context.lang
        let data = open.synthesis.data
        guard let row = selectedRow(open.synthesis, data), let id = data.rows[row].findingID,
              let finding = data.finding(id, in: open.workshop) else {
            return .status(lang.pick(fr: "Aucune trouvaille choisie", en: "No finding selected"))
        }
        var changed: [Finding] = []
        if finding.samePointAs != nil {
            var own = finding
            own.samePointAs = nil
            changed.append(own)
        }
        for var other in open.workshop.findings where other.samePointAs == id && other.id != id && !other.isDeleted {
            other.samePointAs = nil
            changed.append(other)
        }
        let this = describe(finding, data, lang)
        guard !changed.isEmpty else {
            return .status(lang.pick(fr: "\(this) n’est reliée à aucune autre trouvaille", en: "\(this) is not linked to any other finding"))
        }
        if open.synthesis.markedID == id { open.synthesis.markedID = nil }
        let count = changed.count
        let effects = SynthesisUpdate.perform(changed.map { .finding($0) },
                                              label: lang.pick(fr: "Lien « même point » retiré", en: "“Same point” link removed"), &open, context)
        return Reaction(effects: effects, status: count == 1
            ? lang.pick(fr: "Lien retiré : \(this) (u pour annuler)", en: "Link removed: \(this) (u to undo)")
            : lang.pick(fr: "\(count) liens retirés : \(this) (u pour annuler)", en: "\(count) links removed: \(this) (u to undo)"))
    }

    /// "[Transport] « Absence d’APIs »".
    static func describe(_ finding: Finding, _ data: SynthesisData, _ lang: Lang) -> String {
        "[\(data.tags.tag(finding.teamId, lang: lang))] " + SynthesisUpdate.quote(finding.text, lang, width: 28)
    }

    /// Whether following same-point links from `start` reaches `goal` (linking `goal` to `start`
    /// would then close a loop).
    static func leads(from start: String, to goal: String, _ data: SynthesisData, _ workshop: Workshop) -> Bool {
        var current = start
        var seen: Set<String> = [start]
        while let next = data.finding(current, in: workshop)?.samePointAs {
            if next == goal { return true }
            guard seen.insert(next).inserted else { return false }
            current = next
        }
        return false
    }
}
