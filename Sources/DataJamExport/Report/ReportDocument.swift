/// A report before it is written out: a title and numbered sections of Markdown, each with the
/// charts the HTML version shows after it. `MarkdownReport` joins the sections; `HTMLReport`
/// renders each one with Ink and inserts the charts as SVG.
struct ReportDocument {
    var language: ReportLanguage
    /// Plain text.
    var title: String
    /// Markdown shown under the title, before the first section.
    var lead = MarkdownBlocks()
    var sections: [ReportSection] = []

    init(language: ReportLanguage, title: String) {
        self.language = language
        self.title = title
    }

    /// Adds a section unless it has nothing in it: no empty headings.
    mutating func add(_ heading: String, _ body: MarkdownBlocks, charts: [BarChart] = []) {
        guard !body.isEmpty else { return }
        sections.append(ReportSection(heading: heading, body: body, charts: charts))
    }

    var titleMarkdown: String { "# " + MarkdownBlocks.headingText(title) }

    /// The Markdown of the section at `index`, numbered from 1.
    func sectionMarkdown(_ index: Int) -> String {
        let section = sections[index]
        return "## \(index + 1). \(MarkdownBlocks.headingText(section.heading))\n\n\(section.body.markdown)"
    }

    var markdown: String {
        var parts = [titleMarkdown]
        if !lead.isEmpty { parts.append(lead.markdown) }
        parts += sections.indices.map(sectionMarkdown)
        return parts.joined(separator: "\n\n") + "\n"
    }
}

struct ReportSection {
    /// Plain text.
    var heading: String
    var body: MarkdownBlocks
    var charts: [BarChart]
}
