import DataJamCore
import Ink

/// The reports as one self-contained HTML file each: the Markdown report rendered with Ink, in a
/// page with inline CSS (printable) and inline SVG charts (participants by group and gender,
/// constraints by category, data-need priorities). No scripts, fonts or other files are loaded.
public enum HTMLReport {
    public static func workshop(_ workshop: Workshop, language: ReportLanguage) -> String {
        self.workshop(workshop, ExportSettings(language: language))
    }

    public static func consolidated(_ workshops: [Workshop], language: ReportLanguage) -> String {
        consolidated(workshops, ExportSettings(language: language))
    }

    public static func workshop(_ workshop: Workshop, _ settings: ExportSettings) -> String {
        HTMLPage.render(WorkshopReportBuilder.document(workshop, settings))
    }

    public static func consolidated(_ workshops: [Workshop], _ settings: ExportSettings) -> String {
        HTMLPage.render(ConsolidatedReportBuilder.document(workshops, settings))
    }
}
