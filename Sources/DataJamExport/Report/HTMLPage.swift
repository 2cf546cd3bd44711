import Ink

/// Writes a `ReportDocument` as an HTML page: each section's Markdown through Ink, followed by
/// its charts as SVG figures, in a template with the stylesheet inline.
enum HTMLPage {
    static func render(_ document: ReportDocument) -> String {
        let parser = MarkdownParser()
        func html(_ markdown: String) -> String { InkOutput.tidy(parser.html(from: markdown)) }

        var body = "<header>\n" + html(document.titleMarkdown)
        if !document.lead.isEmpty { body += html(document.lead.markdown) }
        body += "</header>\n"
        var chartNumber = 0
        for index in document.sections.indices {
            body += "<section>\n" + html(document.sectionMarkdown(index))
            for chart in document.sections[index].charts where chart.hasData {
                chartNumber += 1
                body += figure(chart, id: "chart-\(chartNumber)", language: document.language)
            }
            body += "</section>\n"
        }

        return """
        <!DOCTYPE html>
        <html lang="\(document.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
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

    static func figure(_ chart: BarChart, id: String, language: ReportLanguage) -> String {
        "<figure class=\"chart\" aria-labelledby=\"\(id)-caption\">\n"
            + SVGBarChart.svg(chart, id: id, language: language) + "\n"
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
