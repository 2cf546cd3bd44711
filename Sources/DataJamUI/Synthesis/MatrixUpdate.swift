import DataJamCore

/// The matrix's keys: they only scroll (team columns sideways, categories up and down).
enum MatrixUpdate {
    static func perform(_ action: SynthesisAction, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let data = open.synthesis.data
        let layout = layout(open.synthesis, data, open.workshop, context)
        var column = layout.firstColumn
        var row = layout.firstRow
        switch action {
        case .left: column -= 1
        case .right: column += 1
        case .up: row -= 1
        case .down: row += 1
        case .pageUp: row -= max(1, layout.visibleRows - 1)
        case .pageDown: row += max(1, layout.visibleRows - 1)
        case .top: (row, column) = (0, 0)
        case .bottom: row = layout.rowCount
        default: return .ignored
        }
        open.synthesis.matrixColumn = min(max(0, column), max(0, layout.columnCount - layout.visibleColumns))
        open.synthesis.matrixRow = min(max(0, row), max(0, layout.rowCount - layout.visibleRows))
        return .handled
    }

    static func layout(_ state: SynthesisState, _ data: SynthesisData, _ workshop: Workshop, _ context: ScreenContext) -> MatrixLayout {
        MatrixLayout(area: SynthesisLayout(area: context.area).body, matrix: data.matrix, workshop: workshop, tags: data.tags,
                     lang: context.lang, columnScroll: state.matrixColumn, rowScroll: state.matrixRow)
    }
}
