import DataJamCore
import DataJamExport
import Foundation
import TestSupport
import XCTest

/// The HTML reports as a browser lays them out (headless Chromium): wide tables scroll or wrap
/// and never clip, charts stay legible on a phone, dark mode keeps chart text readable, tables
/// say what they are. Chromium is required: without it these tests fail and say how to install it.
final class BrowserLayoutTests: XCTestCase {
    private func samples() throws -> [Workshop] {
        try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) }
    }

    private func report(_ language: ReportLanguage) throws -> String {
        HTMLReport.consolidated(try samples(), language: language)
    }

    private func measure(_ html: String, width: Int, flags: [String] = [], _ script: String) throws -> [String: Any] {
        let json = try HeadlessChromium.measure(html, width: width, flags: flags, script: script)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
    }

    /// Per table: its caption, whether its content is wider than its box, whether the box then
    /// scrolls, and the cells whose own content overflows them (clipped text).
    private let tableScript = """
    const tables = [...document.querySelectorAll('table')].map(t => ({
      caption: t.caption ? t.caption.textContent : '',
      overflows: t.scrollWidth > t.clientWidth + 1,
      scrolls: ['auto', 'scroll'].includes(getComputedStyle(t).overflowX),
      fitsPage: t.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
      clipped: [...t.querySelectorAll('th, td')].filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.slice(0, 40)),
      unscoped: [...t.querySelectorAll('th')].filter(h => h.getAttribute('scope') !== 'col').length,
    }));
    const page = document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;
    window.measure = JSON.stringify({ tables, pageScrollsSideways: page });
    """

    func testWideTablesScrollOrWrapAndNeverClipAt1280AndOnAPhone() throws {
        for width in [1280, 390] {
            let result = try measure(try report(.fr), width: width, tableScript)
            XCTAssertEqual(result["pageScrollsSideways"] as? Bool, false, "\(width) px: the page itself never scrolls sideways")
            let tables = try XCTUnwrap(result["tables"] as? [[String: Any]])
            XCTAssertGreaterThan(tables.count, 10)
            for table in tables {
                let caption = table["caption"] as? String ?? ""
                XCTAssertEqual(table["clipped"] as? [String], [], "\(width) px, table “\(caption)”: clipped cells")
                XCTAssertEqual(table["fitsPage"] as? Bool, true, "\(width) px, table “\(caption)” goes past the page")
                if table["overflows"] as? Bool == true {
                    XCTAssertEqual(table["scrolls"] as? Bool, true, "\(width) px, table “\(caption)” is wider than its box and does not scroll")
                }
                XCTAssertFalse(caption.isEmpty, "every table has a caption")
                XCTAssertEqual(table["unscoped"] as? Int, 0, "every header cell has scope")
            }
            if width == 1280 {
                let needs = try XCTUnwrap(tables.first { ($0["caption"] as? String ?? "").contains("Besoins en données de tous les ateliers") })
                XCTAssertEqual(needs["overflows"] as? Bool, false, "at 1280 px the data-needs table fits: it wraps, it does not scroll")
            }
        }
    }

    func testChartTextStaysLegibleOnAPhone() throws {
        let script = """
        const charts = [...document.querySelectorAll('svg.chart')].map(svg => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const box = svg.parentElement;
          return { font: 12 * scale, scrolls: box.scrollWidth <= box.clientWidth + 1 || getComputedStyle(box).overflowX === 'auto' };
        });
        window.measure = JSON.stringify({ charts });
        """
        let result = try measure(try report(.fr), width: 390, script)
        let charts = try XCTUnwrap(result["charts"] as? [[String: Any]])
        XCTAssertEqual(charts.count, 8)
        for (i, chart) in charts.enumerated() {
            let font = try XCTUnwrap(chart["font"] as? Double)
            XCTAssertGreaterThanOrEqual(font, 9.5, "chart \(i + 1): letters of \(font) px on a 390 px phone")
            XCTAssertEqual(chart["scrolls"] as? Bool, true, "chart \(i + 1) is cut rather than scrolled")
        }
    }

    func testDarkModeKeepsChartAndTableTextReadable() throws {
        let script = """
        function rgb(s) { return (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number); }
        function lum(c) { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
        function contrast(a, b) { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }
        const page = getComputedStyle(document.body).backgroundColor;
        const texts = [...document.querySelectorAll('svg.chart text')];
        const worstChart = Math.min(...texts.map(t => contrast(getComputedStyle(t).fill, page)));
        const th = document.querySelector('th');
        const header = contrast(getComputedStyle(th).color, getComputedStyle(th).backgroundColor);
        const body = contrast(getComputedStyle(document.body).color, page);
        window.measure = JSON.stringify({ dark: matchMedia('(prefers-color-scheme: dark)').matches, worstChart, header, body });
        """
        for flags in [[], ["--force-dark-mode"]] {
            let result = try measure(try report(.fr), width: 1280, flags: flags, script)
            XCTAssertEqual(result["dark"] as? Bool, !flags.isEmpty, "\(flags)")
            for key in ["worstChart", "header", "body"] {
                let ratio = try XCTUnwrap(result[key] as? Double, key)
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(flags): \(key) contrast \(ratio)")
            }
        }
        XCTAssertTrue(try report(.fr).contains("<meta name=\"color-scheme\" content=\"light dark\">"),
                      "the page says it has a dark scheme, so a browser forcing dark mode uses it rather than inverting colours")
    }

    func testFrenchTypographyAndFrenchContentInAnEnglishReport() throws {
        let french = try report(.fr)
        let script = """
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const bad = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement.closest('svg, style, script, pre')) continue;
          const m = n.textContent.match(/.{0,20}( [:;!?»]|« ).{0,10}/);
          if (m) bad.push(m[0]);
        }
        window.measure = JSON.stringify({ bad: bad.slice(0, 10), count: bad.length });
        """
        let result = try measure(french, width: 1280, script)
        XCTAssertEqual(result["count"] as? Int, 0, "breakable spaces before : ; ! ? » or after «: \(result["bad"] ?? "")")

        let english = try report(.en)
        let langScript = """
        const items = [...document.querySelectorAll('li, td, p')];
        const fr = items.filter(e => e.closest('[lang]').getAttribute('lang') === 'fr').map(e => e.textContent.slice(0, 60));
        const en = items.filter(e => e.closest('[lang]').getAttribute('lang') === 'en').map(e => e.textContent.slice(0, 60));
        window.measure = JSON.stringify({ fr, en });
        """
        let marks = try measure(english, width: 1280, langScript)
        let fr = try XCTUnwrap(marks["fr"] as? [String]), en = try XCTUnwrap(marks["en"] as? [String])
        XCTAssertTrue(fr.contains { $0.hasPrefix("Le manque de personnels formés") }, "French findings are marked lang=fr")
        XCTAssertTrue(fr.contains { $0.hasPrefix("Ministère de l’agriculture") } || fr.contains { $0.hasPrefix("Sensibiliser") })
        XCTAssertTrue(en.contains { $0.hasPrefix("Findings were recorded during the workshops") }, "English text stays English")
        XCTAssertFalse(fr.contains { $0.hasPrefix("Findings were recorded") })
    }

    /// A browser forcing dark mode on the page (Chromium's auto dark mode) darkens backgrounds but
    /// not SVG fills: the chart's labels must still stand out from what is behind them.
    func testForcedDarkModeKeepsChartLabelsReadable() throws {
        let html = try report(.fr)
        // The page with only its first chart (participants by group): labels at the left of the bars.
        let main = try XCTUnwrap(html.range(of: "<main>")), end = try XCTUnwrap(html.range(of: "</main>"))
        let figure = try XCTUnwrap(html.range(of: "<figure")), figureEnd = try XCTUnwrap(html.range(of: "</figure>"))
        let page = String(html[..<main.upperBound]) + html[figure.lowerBound..<figureEnd.upperBound] + html[end.lowerBound...]
        for flags in [[], ["--force-dark-mode"], ["--enable-features=WebContentsForceDark"]] {
            let ratio = try HeadlessChromium.contrastInScreenshot(page, width: 800, height: 300, flags: flags,
                                                                  region: (x0: 40, y0: 84, x1: 232, y1: 128))
            XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(flags): chart labels at contrast \(ratio)")
        }
    }
}
