import DataJamCore

/// Where session 2's parts go in its area, shared by the view and by the update (which keeps the
/// selection visible).
struct BreakoutsLayout {
    var tabs: Rect
    var scope: Rect
    var list: Rect
    var editor: Rect

    init(area: Rect, editorOpen: Bool) {
        var rest = area
        (tabs, rest) = rest.splitTop(1)
        (scope, rest) = rest.splitTop(1)
        if editorOpen {
            (rest, editor) = rest.splitBottom(min(3, max(0, rest.height - 1)))
        } else {
            editor = Rect(x: rest.x, y: rest.maxY, width: rest.width, height: 0)
        }
        list = rest
    }

    /// Columns a finding's text starts at (after the selection marker and flags).
    static let textIndent = 4

    /// Lines a row takes at `width`.
    static func height(of row: BreakoutRow, in workshop: Workshop, width: Int, lang: Lang) -> Int {
        switch row {
        case .heading: return 1
        case .finding(_, let index):
            guard workshop.findings.indices.contains(index) else { return 1 }
            let text = FindingText.line(workshop.findings[index], in: workshop, lang: lang)
            return max(1, min(8, TextWrap.wrap(text, width: max(1, width - textIndent)).count))
        }
    }
}

/// How a finding reads in a list: its text, then what its kind adds (data-need details, role).
enum FindingText {
    static func line(_ finding: Finding, in workshop: Workshop, lang: Lang) -> String {
        // Lists show one paragraph per finding; most texts have no line break to replace.
        var text = finding.text.utf8.contains(0x0A) ? finding.text.replacingOccurrences(of: "\n", with: " ") : finding.text
        switch finding.kind {
        case .dataNeed:
            if let need = finding.dataNeed {
                var parts: [String] = []
                if let producer = need.producer { parts.append(producer) }
                if need.availability != nil { parts.append(Vocabulary.availability(need.availability)(lang)) }
                if let r = need.relevance, let i = need.impact {
                    parts.append(lang.pick(fr: "priorité \(r)×\(i)=\(r * i)", en: "priority \(r)×\(i)=\(r * i)"))
                } else if let r = need.relevance {
                    parts.append(lang.pick(fr: "pertinence \(r)", en: "relevance \(r)"))
                } else if let i = need.impact {
                    parts.append("impact \(i)")
                }
                if need.sexDisaggregation { parts.append(lang.pick(fr: "ventilé par sexe", en: "by sex")) }
                if !parts.isEmpty { text += "  [" + parts.joined(separator: " · ") + "]" }
            }
        case .actor:
            if let role = finding.actorRole { text += "  [\(Vocabulary.role(role)(lang))]" }
        default:
            break
        }
        if let author = finding.author, !author.isEmpty { text += "  — \(author)" }
        return text
    }
}

/// Keeps a selected row visible in a list of rows of varying height.
enum ListScroll {
    /// The first row to show so that `selected` is fully visible, moving as little as possible
    /// from `scroll`. Only looks at the rows between the two: cost grows with the screen.
    static func keepVisible(selected: Int, scroll: Int, viewport: Int, count: Int, height: (Int) -> Int) -> Int {
        guard count > 0, viewport > 0 else { return 0 }
        let selected = min(max(0, selected), count - 1)
        var scroll = min(max(0, scroll), count - 1)
        if selected < scroll { return max(0, selected - (selected > 0 ? 1 : 0)) }
        // Walk back from the selection while the rows still fit.
        var used = height(selected)
        var first = selected
        while first > scroll {
            let h = height(first - 1)
            if used + h > viewport { break }
            used += h
            first -= 1
        }
        if first > scroll { scroll = first }
        return scroll
    }
}
