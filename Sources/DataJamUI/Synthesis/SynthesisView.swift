import DataJamCore

/// Session 3 on screen: the sub-view tabs, then the sub-view shown.
enum SynthesisView {
    static func render(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        let state = open.synthesis
        let data = state.data(for: open.workshop, contentVersion: open.contentVersion)
        let layout = SynthesisLayout(area: context.area)
        renderTabs(state.tab, data, in: layout.tabs, into: &buffer, lang: context.lang)
        switch state.tab {
        case .matrix: MatrixView.render(open, data, layout, into: &buffer, context)
        case .consolidated: ConsolidatedView.render(open, data, layout, into: &buffer, context)
        case .needs: NeedsView.render(open, data, layout, into: &buffer, context)
        case .conclusions: ConclusionsView.render(open, data, layout, into: &buffer, context)
        }
        return nil
    }

    /// ` Matrice (2)  Consolidé (8)  Besoins (1)  Conclusions (5) `, the current one highlighted;
    /// the counts go when they do not fit.
    static func renderTabs(_ current: SynthesisTab, _ data: SynthesisData, in area: Rect, into buffer: inout ScreenBuffer, lang: Lang) {
        guard area.height > 0 else { return }
        func count(_ tab: SynthesisTab) -> Int {
            switch tab {
            case .matrix: data.matrix.total
            case .consolidated: data.findingCount
            case .needs: data.needs.count
            case .conclusions: data.conclusionItems
            }
        }
        var labels = SynthesisTab.allCases.map { " \($0.title(lang)) (\(count($0))) " }
        if labels.reduce(0, { $0 + DisplayWidth.of($1) + 1 }) - 1 > area.width {
            labels = SynthesisTab.allCases.map { " \($0.title(lang)) " }
        }
        var x = area.x
        for (tab, label) in zip(SynthesisTab.allCases, labels) {
            guard x < area.maxX else { break }
            x += buffer.put(label, x: x, y: area.y, style: tab == current ? Theme.activeTab : Style.bold, maxWidth: area.maxX - x) + 1
        }
    }

    /// "1 trouvaille", "8 trouvailles", "0 trouvaille"; "0 findings" in English.
    static func count(_ n: Int, fr: (String, String), en: (String, String), _ lang: Lang) -> String {
        lang == .fr ? "\(n) \(n > 1 ? fr.1 : fr.0)" : "\(n) \(n == 1 ? en.0 : en.1)"
    }
}
