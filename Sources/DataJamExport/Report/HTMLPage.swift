import Ink

/// Writes a `ReportDocument` as an HTML page: each section's Markdown through Ink, followed by
/// its charts as SVG figures, in a template with the stylesheet inline.
enum HTMLPage {
    static func render(_ document: ReportDocument) -> String {
        let parser = MarkdownParser()
        func html(_ markdown: String) -> String {
            let html = TableAccessibility.apply(InkOutput.tidy(parser.html(from: document.typography(markdown))))
            return TextDirectionMarking.apply(LanguageMarking.apply(html, reportLanguage: document.language))
        }

        var body = "<header>\n" + html(document.titleMarkdown)
        if !document.lead.isEmpty { body += html(document.lead.markdown) }
        body += "</header>\n"
        if document.hasContents, !document.sections.isEmpty { body += contents(document) }
        var chartNumber = 0
        for index in document.sections.indices {
            let section = document.sections[index]
            let role = switch section.role {
            case .chapter: ""
            case .summary: " class=\"summary\""
            case .annex: " class=\"annex\""
            }
            body += "<section id=\"\(section.anchor(index))\"\(role)>\n" + html(document.sectionMarkdown(index))
            for chart in section.charts where chart.hasData {
                chartNumber += 1
                body += document.typography(figure(chart, id: "chart-\(chartNumber)", language: document.language))
            }
            body += "</section>\n"
        }

        return """
        <!DOCTYPE html>
        <html lang="\(document.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="DataJam">
        <title>\(HTMLText.escape(document.title))</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// The table of contents: a link to every section, sub-chapters nested under their chapter.
    static func contents(_ document: ReportDocument) -> String {
        let heading = ReportWords(document.language).contents
        var out = "<nav class=\"contents\" aria-labelledby=\"contents-title\">\n"
            + "<h2 id=\"contents-title\">\(HTMLText.escape(heading))</h2>\n<ul>\n"
        var inSub = false
        for index in document.sections.indices {
            let section = document.sections[index]
            let title = document.typography(HTMLText.escape(document.numberedHeading(index)))
            let link = "<a href=\"#\(section.anchor(index))\">\(title)</a>"
            if section.level > 2 {
                if !inSub { out += "<ul>\n"; inSub = true }
                out += "<li>\(link)</li>\n"
            } else {
                if inSub { out += "</ul></li>\n"; inSub = false } else if index > 0 { out += "</li>\n" }
                out += "<li>\(link)"
                if index + 1 < document.sections.count, document.sections[index + 1].level > 2 { out += "\n" }
            }
        }
        out += inSub ? "</ul></li>\n" : "</li>\n"
        return out + "</ul>\n</nav>\n"
    }

    static func figure(_ chart: BarChart, id: String, language: ReportLanguage) -> String {
        "<figure class=\"chart\" aria-labelledby=\"\(id)-caption\">\n"
            + "<div class=\"chart-scroll\">" + SVGBarChart.svg(chart, id: id, language: language) + "</div>\n"
            + "<figcaption id=\"\(id)-caption\"><strong>\(HTMLText.escape(chart.title))</strong> — "
            + "\(HTMLText.escape(chart.caption))<span class=\"fallback\"> \(HTMLText.escape(SVGBarChart.description(chart, language: language)))</span></figcaption>\n"
            + "</figure>\n"
    }
}

/// Ink's HTML, finished: double quotes in text are written as entities (Ink leaves them), and block
/// elements end their line so the file reads well.
enum InkOutput {
    private static let blockEnds: Set<String> = ["/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/p", "/ul", "/ol", "/table",
                                                 "/blockquote", "/li", "/tr", "/thead", "/tbody"]

    static func tidy(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var inTag = false
        var tagName = ""
        var nameDone = false
        for c in html {
            if inTag {
                out.append(c)
                if c == ">" {
                    inTag = false
                    if blockEnds.contains(tagName.lowercased()) { out.append("\n") }
                } else if c.isWhitespace || c == "/" && !tagName.isEmpty {
                    nameDone = true
                } else if !nameDone {
                    tagName.append(c)
                }
                continue
            }
            switch c {
            case "<":
                inTag = true
                tagName = ""
                nameDone = false
                out.append(c)
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
