import DataJamCore

/// The ranked data needs' keys: moving through them, and scoring one (relevance and impact), which
/// re-ranks it.
enum NeedsUpdate {
    static func perform(_ action: SynthesisAction, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let lang = context.lang
        let data = open.synthesis.data
        if action == .score {
            guard let row = selectedRow(open.synthesis, data), let finding = data.finding(data.needs[row].id, in: open.workshop) else {
                return .status(lang.pick(fr: "Aucun besoin en données à noter", en: "No data need to score"))
            }
            return .popup(.form(scoreForm(finding, lang: lang)))
        }
        let list = SynthesisLayout(area: context.area).list
        guard open.synthesis.needs.move(action, count: data.needs.count, page: SynthesisLayout.page(list.height),
                                        rowOf: { data.rowOfNeed[$0] }, isSelectable: { _ in true },
                                        id: { data.needs[$0].id }) else { return .ignored }
        open.synthesis.needs.scroll = scroll(open.synthesis, data, open.workshop, context)
        return .handled
    }

    static func selectedRow(_ state: SynthesisState, _ data: SynthesisData) -> Int? {
        state.needs.row(count: data.needs.count, rowOf: { data.rowOfNeed[$0] }, isSelectable: { _ in true })
    }

    static func scroll(_ state: SynthesisState, _ data: SynthesisData, _ workshop: Workshop, _ context: ScreenContext) -> Int {
        let list = SynthesisLayout(area: context.area).list
        guard let row = selectedRow(state, data) else { return 0 }
        return ListScroll.keepVisible(selected: row, scroll: state.needs.scroll, viewport: list.height, count: data.needs.count) {
            NeedText.height(of: data.needs[$0], data: data, workshop: workshop, width: list.width, lang: context.lang)
        }
    }

    static func scoreForm(_ finding: Finding, lang: Lang) -> Form {
        let need = finding.dataNeed ?? DataNeedDetails()
        return Form(title: lang.pick(fr: "Priorité : \(TextWrap.truncate(finding.text, width: 40))",
                                     en: "Priority: \(TextWrap.truncate(finding.text, width: 40))"),
                    fields: [
                        .number(lang.pick(fr: "Pertinence 1–5", en: "Relevance 1–5"), need.relevance, range: DataNeedDetails.scoreRange),
                        .number(lang.pick(fr: "Impact 1–5", en: "Impact 1–5"), need.impact, range: DataNeedDetails.scoreRange),
                    ],
                    purpose: .synthesis(.scoreNeed(findingID: finding.id)))
    }

    static func resolve(_ purpose: SynthesisPurpose, _ result: PopupResult, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let lang = context.lang
        guard case .scoreNeed(let id) = purpose, case .form(let values) = result, values.count == 2,
              var finding = open.synthesis.data.finding(id, in: open.workshop) else { return .ignored }
        var need = finding.dataNeed ?? DataNeedDetails()
        need.relevance = values[0].number.map { min(max($0, DataNeedDetails.scoreRange.lowerBound), DataNeedDetails.scoreRange.upperBound) }
        need.impact = values[1].number.map { min(max($0, DataNeedDetails.scoreRange.lowerBound), DataNeedDetails.scoreRange.upperBound) }
        guard need != finding.dataNeed else { return .handled }
        finding.dataNeed = need
        let effects = SynthesisUpdate.perform([.finding(finding)], label: lang.pick(fr: "Priorité d’un besoin", en: "Data need priority"), &open, context)
        open.synthesis.needs.selectedID = id
        let data = open.synthesis.data
        if let row = data.rowOfNeed[id] { open.synthesis.needs.selectedRow = row }
        open.synthesis.needs.scroll = scroll(open.synthesis, data, open.workshop, context)
        let rank = data.rowOfNeed[id].flatMap { data.needs[$0].rank }
        let status: String
        if let relevance = need.relevance, let impact = need.impact, let rank {
            let scored = data.scoredNeeds
            status = lang.pick(fr: "Priorité \(relevance) × \(impact) = \(relevance * impact) : rang \(rank) sur \(scored)",
                               en: "Priority \(relevance) × \(impact) = \(relevance * impact): rank \(rank) of \(scored)")
        } else {
            status = lang.pick(fr: "Besoin pas entièrement noté : classé en dernier", en: "Need not fully scored: ranked last")
        }
        return Reaction(effects: effects, status: status)
    }
}
