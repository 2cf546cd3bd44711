import DataJamCore
import DataJamExport

/// Exporting from session 3, at any moment of the day: pick a format, and the file goes to an
/// `exports/` folder beside the session file, named after it.
enum ExportChoice {
    static func label(_ format: ExportFormat, _ lang: Lang) -> String {
        switch format {
        case .markdown: lang.pick(fr: "Rapport Markdown (.md)", en: "Markdown report (.md)")
        case .html: lang.pick(fr: "Rapport HTML avec graphiques (.html)", en: "HTML report with charts (.html)")
        case .csv: lang.pick(fr: "Trouvailles en CSV (.csv)", en: "Findings as CSV (.csv)")
        case .datapackage: lang.pick(fr: "Data Package Frictionless (dossier)", en: "Frictionless Data Package (folder)")
        case .ckan: lang.pick(fr: "Demandes de données CKAN (.ckan.json)", en: "CKAN data requests (.ckan.json)")
        case .json: lang.pick(fr: "Fichier de session sans suppressions (.json)", en: "Session file without deletions (.json)")
        case .docx: lang.pick(fr: "Rapport Word, avec pandoc (.docx)", en: "Word report, with pandoc (.docx)")
        case .odt: lang.pick(fr: "Rapport OpenDocument, avec pandoc (.odt)", en: "OpenDocument report, with pandoc (.odt)")
        }
    }

    static func popup(_ lang: Lang) -> Choice {
        Choice(title: lang.pick(fr: "Exporter dans exports/", en: "Export into exports/"),
               options: ExportFormat.allCases.map { Choice.Option(id: $0.rawValue, label: label($0, lang)) },
               purpose: .synthesis(.export))
    }

    /// `Sessions/exports/2023-11-27-economie-numerique.md` for `Sessions/2023-11-27-economie-numerique.json`.
    static func outputPath(for sessionPath: String, format: ExportFormat) -> String {
        let parts = sessionPath.split(separator: "/", omittingEmptySubsequences: false)
        let folder = parts.dropLast().joined(separator: "/")
        var stem = String(parts.last ?? "atelier")
        if stem.hasSuffix(".json") { stem.removeLast(5) }
        return (folder.isEmpty ? "" : folder + "/") + "exports/\(stem).\(format.fileExtension)"
    }

    static func resolve(_ result: PopupResult, _ open: OpenWorkshop, _ context: ScreenContext) -> Reaction {
        guard case .choice(let id) = result, let format = ExportFormat(rawValue: id) else { return .ignored }
        let path = outputPath(for: open.path, format: format)
        return Reaction(effects: [.export(format: format, workshop: open.workshop, path: path,
                                          language: context.lang == .fr ? .fr : .en)],
                        status: context.lang.pick(fr: "Export en cours : \(path)", en: "Exporting: \(path)"))
    }
}
