/// Writes a `BarChart` as a self-contained SVG element (no fonts, no scripts, no external
/// references) that is also well-formed XML: every text is escaped.
enum SVGBarChart {
    static let width = 760
    private static let fontSize = 12
    /// An estimate of the average width of a character at `fontSize`, for layout.
    private static let charWidth = 6.6
    private static let rowHeight = 26
    private static let barHeight = 17
    private static let maxLabelCharacters = 44

    /// `id` must be unique in the page: it names the title and description for screen readers.
    static func svg(_ chart: BarChart, id: String, language: ReportLanguage) -> String {
        let colon = language.pick(fr: " : ", en: ": ")
        let labels = chart.bars.map { shortened($0.label, to: maxLabelCharacters) }
        let longestLabel = labels.map(\.count).max() ?? 0
        let labelWidth = Int(Double(longestLabel) * charWidth) + 16
        let plotLeft = max(labelWidth, 80)
        let plotRight = width - 48
        let plotWidth = plotRight - plotLeft

        // Legend, wrapped into rows.
        var legendItems: [(x: Int, y: Int, series: BarChart.Series)] = []
        var legendHeight = 0
        if chart.showsLegend, !chart.series.isEmpty {
            var x = 0, y = 0
            for series in chart.series {
                let itemWidth = 18 + Int(Double(series.name.count) * charWidth) + 18
                if x > 0, x + itemWidth > width {
                    x = 0
                    y += 20
                }
                legendItems.append((x, y, series))
                x += itemWidth
            }
            legendHeight = y + 20 + 10
        }

        let maxTotal = chart.bars.map(\.total).max() ?? 0
        let scaleEnd = max(chart.scaleMax ?? 0, maxTotal, 1)
        let step = tickStep(for: scaleEnd)
        let axisEnd = ((scaleEnd + step - 1) / step) * step
        func x(_ value: Int) -> Int { plotLeft + Int((Double(value) / Double(axisEnd) * Double(plotWidth)).rounded()) }

        let barsTop = legendHeight
        let barsHeight = chart.bars.count * rowHeight
        let axisY = barsTop + barsHeight + 4
        let height = axisY + 22

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" "
        out += "width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
        out += "font-family=\"system-ui, sans-serif\" font-size=\"\(fontSize)\">\n"
        out += "<title id=\"\(id)-title\">\(HTMLText.escape(chart.title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(HTMLText.escape(description(chart, language: language)))</desc>\n"
        // A plate under the chart in the page's paper colour: a browser that forces dark mode on a
        // page darkens its backgrounds but not SVG fills, so without it dark text would sit on a
        // dark page. With it the chart stays a light card there; in the page's own dark mode the
        // stylesheet paints the plate dark and the text light.
        out += "<rect class=\"plate\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#fff\"/>\n"

        for item in legendItems {
            out += "<rect x=\"\(item.x)\" y=\"\(item.y + 2)\" width=\"12\" height=\"12\" fill=\"\(item.series.color)\"/>"
            out += "<text x=\"\(item.x + 18)\" y=\"\(item.y + 12)\" fill=\"#222\">\(HTMLText.escape(item.series.name))</text>\n"
        }

        // Grid lines and scale.
        var tick = 0
        while tick <= axisEnd {
            let tx = x(tick)
            out += "<line class=\"grid\" x1=\"\(tx)\" y1=\"\(barsTop)\" x2=\"\(tx)\" y2=\"\(axisY)\" stroke=\"#e2e2e2\" stroke-width=\"1\"/>"
            out += "<text class=\"scale\" x=\"\(tx)\" y=\"\(axisY + 16)\" text-anchor=\"middle\" fill=\"#555\">\(tick)</text>\n"
            tick += step
        }
        out += "<line x1=\"\(plotLeft)\" y1=\"\(barsTop)\" x2=\"\(plotLeft)\" y2=\"\(axisY)\" stroke=\"#888\" stroke-width=\"1\"/>\n"

        for (row, bar) in chart.bars.enumerated() {
            let top = barsTop + row * rowHeight + (rowHeight - barHeight) / 2
            let textY = top + barHeight - 4
            out += "<g>"
            out += "<text x=\"\(plotLeft - 8)\" y=\"\(textY)\" text-anchor=\"end\" fill=\"#222\">"
            out += "<title>\(HTMLText.escape(bar.label))</title>\(HTMLText.escape(labels[row]))</text>"
            var offset = 0
            for (index, value) in bar.values.enumerated() where value > 0 && index < chart.series.count {
                let series = chart.series[index]
                let left = x(offset), right = x(offset + value)
                out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(max(right - left, 1))\" height=\"\(barHeight)\" fill=\"\(series.color)\">"
                out += "<title>\(HTMLText.escape("\(bar.label) — \(series.name)\(colon)\(value)"))</title></rect>"
                offset += value
            }
            out += "<text x=\"\(x(offset) + 6)\" y=\"\(textY)\" fill=\"#222\">\(bar.total)</text>"
            out += "</g>\n"
        }
        out += "</svg>"
        return out
    }

    /// The chart's figures as one sentence, for screen readers and as a text fallback.
    static func description(_ chart: BarChart, language: ReportLanguage) -> String {
        let colon = language.pick(fr: " : ", en: ": ")
        return chart.bars.map { bar in
            let parts = zip(chart.series, bar.values).filter { $0.1 > 0 }.map { "\($0.0.name) \($0.1)" }
            if parts.count <= 1 { return "\(bar.label)\(colon)\(bar.total)" }
            return "\(bar.label)\(colon)\(bar.total) (\(parts.joined(separator: ", ")))"
        }.joined(separator: language.pick(fr: " ; ", en: "; "))
    }

    static func shortened(_ text: String, to limit: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard line.count > limit else { return line }
        return line.prefix(limit - 1).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A round step giving at most about six ticks.
    static func tickStep(for maximum: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where maximum / (factor * magnitude) <= 6 {
                return factor * magnitude
            }
            magnitude *= 10
        }
    }
}
