import DataJamCore

/// The reports as Markdown: one workshop, or several consolidated. Headings and labels follow
/// `language`; what people typed stays as typed, escaped so that it cannot break the layout.
/// Sections with nothing in them are left out. The output depends only on the workshops (no
/// current date or time), so the same files always give the same report.
public enum MarkdownReport {
    public static func workshop(_ workshop: Workshop, language: ReportLanguage) -> String {
        self.workshop(workshop, ExportSettings(language: language))
    }

    public static func consolidated(_ workshops: [Workshop], language: ReportLanguage) -> String {
        consolidated(workshops, ExportSettings(language: language))
    }

    public static func workshop(_ workshop: Workshop, _ settings: ExportSettings) -> String {
        WorkshopReportBuilder.document(workshop, settings).markdown
    }

    public static func consolidated(_ workshops: [Workshop], _ settings: ExportSettings) -> String {
        ConsolidatedReportBuilder.document(workshops, settings).markdown
    }
}
