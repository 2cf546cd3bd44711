/// A report before it is written out: a title, a cover, and sections of Markdown, each with the
/// charts the HTML version shows after it. `MarkdownReport` joins the sections; `HTMLPage`
/// renders each one with Ink and inserts the charts as SVG.
///
/// Sections are numbered as the seed report numbers them: chapters "4.", sub-chapters "4.1";
/// front matter (the key figures) and annexes carry no number of their own.
struct ReportDocument {
    var language: ReportLanguage
    /// Plain text.
    var title: String
    /// Markdown shown under the title, before the first section: the cover's lines.
    var lead = MarkdownBlocks()
    var sections: [ReportSection] = []
    /// Whether a table of contents follows the cover (a published report has one).
    var hasContents = false
    private var chapterCount = 0
    private var subCount = 0

    init(language: ReportLanguage, title: String) {
        self.language = language
        self.title = title
    }

    /// Adds a numbered chapter unless it has nothing in it: no empty headings.
    mutating func add(_ heading: String, _ body: MarkdownBlocks, charts: [BarChart] = []) {
        guard !body.isEmpty else { return }
        chapterCount += 1
        subCount = 0
        sections.append(ReportSection(heading: heading, body: body, charts: charts, number: "\(chapterCount)."))
    }

    /// Adds a chapter that always has a heading (its sub-chapters follow), numbered.
    mutating func addChapter(_ heading: String, _ body: MarkdownBlocks) {
        chapterCount += 1
        subCount = 0
        sections.append(ReportSection(heading: heading, body: body, charts: [], number: "\(chapterCount)."))
    }

    /// Adds a sub-chapter of the last chapter ("4.1"), unless it has nothing in it.
    mutating func addSub(_ heading: String, _ body: MarkdownBlocks, charts: [BarChart] = []) {
        guard !body.isEmpty else { return }
        subCount += 1
        sections.append(ReportSection(heading: heading, body: body, charts: charts,
                                      number: "\(chapterCount).\(subCount)", level: 3))
    }

    /// Adds an unnumbered section (key figures, annexes, licence), unless it has nothing in it.
    mutating func addUnnumbered(_ heading: String, _ body: MarkdownBlocks, charts: [BarChart] = [],
                                role: ReportSection.Role = .chapter) {
        guard !body.isEmpty else { return }
        sections.append(ReportSection(heading: heading, body: body, charts: charts, number: nil, role: role))
    }

    var titleMarkdown: String { "# " + MarkdownBlocks.headingText(title) }

    /// "4. Heading", "4.1 Heading" or "Heading", as plain text.
    func numberedHeading(_ index: Int) -> String {
        let section = sections[index]
        guard let number = section.number else { return section.heading }
        return "\(number) \(section.heading)"
    }

    /// The Markdown of the section at `index`.
    func sectionMarkdown(_ index: Int) -> String {
        let section = sections[index]
        let hashes = String(repeating: "#", count: section.level)
        let number = section.number.map { $0 + " " } ?? ""
        return "\(hashes) \(number)\(MarkdownBlocks.headingText(section.heading))\n\n\(section.body.markdown)"
    }

    /// The table of contents as Markdown: one line per section, sub-chapters indented.
    func contentsMarkdown(_ heading: String) -> String {
        var lines = ["## " + MarkdownBlocks.headingText(heading), ""]
        for index in sections.indices {
            let indent = sections[index].level > 2 ? "  * " : "- "
            lines.append(indent + MarkdownText.inline(numberedHeading(index)))
        }
        return lines.joined(separator: "\n")
    }

    var markdown: String {
        var parts = [titleMarkdown]
        if !lead.isEmpty { parts.append(lead.markdown) }
        if hasContents, !sections.isEmpty { parts.append(contentsMarkdown(ReportWords(language).contents)) }
        parts += sections.indices.map(sectionMarkdown)
        return typography(parts.joined(separator: "\n\n") + "\n")
    }

    /// French typography in a French report (see `FrenchTypography`); English as it is.
    func typography(_ markdown: String) -> String {
        language == .fr ? FrenchTypography.apply(markdown) : markdown
    }
}

struct ReportSection {
    enum Role {
        case chapter
        /// The one-page key figures: a page of its own in print.
        case summary
        case annex
    }

    /// Plain text.
    var heading: String
    var body: MarkdownBlocks
    var charts: [BarChart]
    /// "4." or "4.1"; nil for an unnumbered section.
    var number: String?
    /// 2 for a chapter, 3 for a sub-chapter.
    var level = 2
    var role = Role.chapter

    /// The HTML id of the section, for the table of contents' links.
    func anchor(_ index: Int) -> String {
        guard let number else { return "section-\(index + 1)" }
        let digits = number.split(separator: ".").joined(separator: "-")
        return "chapter-\(digits)"
    }
}
