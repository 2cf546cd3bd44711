/// The report's stylesheet, inline in the page: system fonts only, readable on screen in light
/// and dark mode, on a phone (wide tables and charts scroll sideways rather than shrink or clip),
/// and a print layout (A4, page numbers, the key figures on a page of their own, no page breaks
/// inside table rows, figures or right after headings).
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5a5a60; --rule: #d9d9de; --accent: #0b5394; --zebra: #f5f6f8; --paper: #fff; --head: #eef2f7; --grid: #e2e2e2; }
    /* Dark mode: every colour, chart texts included, comes from these variables. */
    @media (prefers-color-scheme: dark) {
      :root { --ink: #ececf0; --muted: #b4b4bc; --rule: #4a4a52; --accent: #8ab8f0; --zebra: #24252a; --paper: #17181c; --head: #2a3340; --grid: #3a3a42; }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
    header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
    h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 1rem; color: var(--accent); }
    h2 { font-size: 1.45rem; margin: 2.5rem 0 0.8rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); color: var(--accent); }
    h3 { font-size: 1.2rem; margin: 1.8rem 0 0.6rem; }
    h4 { font-size: 1.05rem; margin: 1.4rem 0 0.5rem; color: var(--muted); }
    p, ul, ol { margin: 0.5rem 0 0.9rem; }
    li { margin: 0.2rem 0; }
    li > ul { margin: 0.2rem 0; }
    /* A wide table scrolls inside its own box; long words wrap rather than push a column out. */
    table { border-collapse: collapse; margin: 0.8rem 0 1.2rem; font-size: 0.9rem; display: block; overflow-x: auto; max-width: 100%; }
    th, td { border: 1px solid var(--rule); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
    td:first-child, th:first-child { min-width: 3.2em; }
    td { min-width: 4em; }
    th { background: var(--head); font-weight: 600; overflow-wrap: normal; }
    caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.3rem 0; color: var(--muted); }
    tbody tr:nth-child(even) td { background: var(--zebra); }
    td { font-variant-numeric: tabular-nums; }
    figure.chart { margin: 1.2rem 0 1.8rem; }
    figure.chart svg { display: block; max-width: 100%; height: auto; }
    .chart-scroll { overflow-x: auto; }
    svg.chart text { fill: var(--ink); }
    svg.chart rect.plate { fill: var(--paper); }
    svg.chart text.scale { fill: var(--muted); }
    svg.chart line.grid { stroke: var(--grid); }
    /* On a phone a chart keeps a readable size (about 10 px letters) and scrolls sideways. */
    @media (max-width: 640px) { figure.chart svg { max-width: none; width: 640px; } }
    nav.contents ul { list-style: none; padding-left: 0; }
    nav.contents ul ul { padding-left: 1.5rem; }
    header ul { list-style: none; padding-left: 0; }
    figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.4rem; }
    /* The chart's figures as text: read by screen readers and text browsers, not shown (the tables give them). */
    figcaption .fallback { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    /* Arabic names and notes take their own direction. */
    p, li, td, th, h1, h2, h3, h4 { unicode-bidi: plaintext; }
    @media print {
      @page { size: A4; margin: 18mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #5a5a60; } }
      :root { --ink: #1d1d1f; --muted: #5a5a60; --rule: #d9d9de; --accent: #0b5394; --zebra: #f5f6f8; --paper: #fff; --head: #eef2f7; --grid: #e2e2e2; }
      section.summary { break-before: page; break-after: page; }
      .chart-scroll { overflow: visible; }
      figure.chart svg { max-width: 100%; }
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
