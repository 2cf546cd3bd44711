/// Markdown written block by block, with one blank line between blocks. Texts given as `plain`
/// are escaped here; texts given as `markdown` are already escaped by the caller.
struct MarkdownBlocks {
    private(set) var blocks: [String] = []
    /// The level of each block that is a heading (by index), so that a report can be nested in
    /// another one (a workshop's report as a chapter of the consolidated report) one level down.
    private var headingLevels: [Int: Int] = [:]

    var isEmpty: Bool { blocks.isEmpty }

    var markdown: String { blocks.joined(separator: "\n\n") }

    mutating func heading(_ level: Int, plain text: String) {
        headingLevels[blocks.count] = level
        blocks.append(String(repeating: "#", count: level) + " " + Self.headingText(text))
    }

    /// The same blocks with every heading `by` levels deeper (at most level 6, Markdown's last).
    func shiftingHeadings(by shift: Int) -> MarkdownBlocks {
        var shifted = self
        for (index, level) in headingLevels {
            let deeper = min(6, level + shift)
            shifted.headingLevels[index] = deeper
            shifted.blocks[index] = String(repeating: "#", count: deeper) + blocks[index].dropFirst(level)
        }
        return shifted
    }

    /// A paragraph of Markdown.
    mutating func paragraph(_ markdown: String) {
        guard !markdown.isEmpty else { return }
        blocks.append(markdown)
    }

    /// Typed text of several paragraphs, escaped.
    mutating func text(plain: String) {
        let markdown = MarkdownText.block(plain)
        if !markdown.isEmpty { blocks.append(markdown) }
    }

    /// A bulleted list; each item is Markdown on one line.
    mutating func list(_ items: [String]) {
        guard !items.isEmpty else { return }
        blocks.append(items.map { "- " + $0 }.joined(separator: "\n"))
    }

    /// A bulleted list whose items have sub-items (written with `*` so that Ink, which otherwise
    /// keeps adding the following items to the sub-list, parses it as CommonMark does).
    mutating func nestedList(_ items: [(item: String, subItems: [String])]) {
        guard !items.isEmpty else { return }
        var lines: [String] = []
        for entry in items {
            lines.append("- " + entry.item)
            lines += entry.subItems.map { "  * " + $0 }
        }
        blocks.append(lines.joined(separator: "\n"))
    }

    /// A numbered list; each item is Markdown on one line.
    mutating func numberedList(_ items: [String]) {
        guard !items.isEmpty else { return }
        blocks.append(items.enumerated().map { "\($0.offset + 1). " + $0.element }.joined(separator: "\n"))
    }

    /// A table; cells are Markdown (escaped with `MarkdownText.cell`).
    mutating func table(header: [String], rows: [[String]]) {
        guard !rows.isEmpty else { return }
        var lines = ["| " + header.joined(separator: " | ") + " |",
                     "|" + Array(repeating: " --- |", count: header.count).joined()]
        lines += rows.map { "| " + $0.joined(separator: " | ") + " |" }
        blocks.append(lines.joined(separator: "\n"))
    }

    mutating func append(_ other: MarkdownBlocks) {
        for (index, level) in other.headingLevels { headingLevels[blocks.count + index] = level }
        blocks += other.blocks
    }

    /// Heading text: inline-escaped, and `#` escaped everywhere (a trailing one would close it).
    static func headingText(_ text: String) -> String {
        MarkdownText.inline(text).replacingOccurrences(of: "#", with: "\\#")
    }
}
