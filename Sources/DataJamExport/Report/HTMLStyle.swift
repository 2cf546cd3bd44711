/// The report's stylesheet, inline in the page: system fonts only, readable on screen, and a
/// print layout (A4, no page breaks inside tables rows, figures or right after headings).
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light; --ink: #1d1d1f; --muted: #5a5a60; --rule: #d9d9de; --accent: #0b5394; --zebra: #f5f6f8; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: #fff; color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
    header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
    h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 1rem; color: var(--accent); }
    h2 { font-size: 1.45rem; margin: 2.5rem 0 0.8rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); color: var(--accent); }
    h3 { font-size: 1.2rem; margin: 1.8rem 0 0.6rem; }
    h4 { font-size: 1.05rem; margin: 1.4rem 0 0.5rem; color: var(--muted); }
    p, ul, ol { margin: 0.5rem 0 0.9rem; }
    li { margin: 0.2rem 0; }
    li > ul { margin: 0.2rem 0; }
    table { border-collapse: collapse; margin: 0.8rem 0 1.2rem; font-size: 0.9rem; display: block; overflow-x: auto; max-width: 100%; }
    th, td { border: 1px solid var(--rule); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
    th { background: #eef2f7; font-weight: 600; }
    tbody tr:nth-child(even) td { background: var(--zebra); }
    td { font-variant-numeric: tabular-nums; }
    figure.chart { margin: 1.2rem 0 1.8rem; }
    figure.chart svg { display: block; max-width: 100%; height: auto; }
    figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.4rem; }
    /* The chart's figures as text: read by screen readers and text browsers, not shown (the tables give them). */
    figcaption .fallback { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    /* Arabic names and notes take their own direction. */
    p, li, td, th, h1, h2, h3, h4 { unicode-bidi: plaintext; }
    @media print {
      @page { size: A4; margin: 18mm 16mm; }
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 20pt; }
      h2 { font-size: 15pt; }
      h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      table { display: table; overflow: visible; font-size: 9pt; }
      tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
      figure.chart svg { width: 100%; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
