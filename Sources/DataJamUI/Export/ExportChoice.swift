import DataJamCore
import DataJamExport

/// Exporting at any moment of the day, from any session (E or F9): the choices `datajam export`
/// has (format, language, with or without people's names), into an `exports/` folder beside the
/// session file. Files are named after the session, the language and the anonymisation, so a
/// French and an English export do not overwrite each other; replacing an earlier export of the
/// same kind asks first.
public struct ExportRequest: Sendable, Equatable {
    public var format: ExportFormat
    public var language: ReportLanguage
    public var anonymize: Bool
    public var path: String

    public init(format: ExportFormat, language: ReportLanguage, anonymize: Bool, path: String) {
        self.format = format
        self.language = language
        self.anonymize = anonymize
        self.path = path
    }
}

/// The steps of an export that need the user: choosing, and agreeing to replace a file.
public enum ExportStep: Sendable, Equatable {
    case choose
    case replace(ExportRequest)
}

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

    /// The form: format, language (the interface's by default), names kept or left out.
    static func form(_ lang: Lang) -> Form {
        Form(title: lang.pick(fr: "Exporter dans exports/", en: "Export into exports/"), fields: [
            FormField(lang.pick(fr: "Format", en: "Format"),
                      .options(ExportFormat.allCases.map { Choice.Option(id: $0.rawValue, label: label($0, lang)) }, selected: 0)),
            FormField(lang.pick(fr: "Langue", en: "Language"),
                      .options([Choice.Option(id: "fr", label: "Français"), Choice.Option(id: "en", label: "English")],
                               selected: lang == .fr ? 0 : 1)),
            FormField(lang.pick(fr: "Anonymiser (sans les noms)", en: "Anonymise (no names)"), .toggle(false)),
        ], purpose: .export(.choose))
    }

    /// `Sessions/exports/2023-11-27-economie-numerique.fr.md` for `Sessions/2023-11-27-economie-numerique.json`;
    /// `….en.anonymised.html` in English without names. The JSON copy of the session has no language.
    static func outputPath(for sessionPath: String, format: ExportFormat, language: ReportLanguage, anonymize: Bool) -> String {
        let parts = sessionPath.split(separator: "/", omittingEmptySubsequences: false)
        let folder = parts.dropLast().joined(separator: "/")
        var stem = String(parts.last ?? "atelier")
        if stem.hasSuffix(".json") { stem.removeLast(5) }
        if format != .json { stem += ".\(language.rawValue)" }
        if anonymize { stem += language == .fr ? ".anonyme" : ".anonymised" }
        return (folder.isEmpty ? "" : folder + "/") + "exports/\(stem).\(format.fileExtension)"
    }

    static func request(_ values: [FormValue], sessionPath: String) -> ExportRequest? {
        guard values.count == 3, let format = ExportFormat(rawValue: values[0].option),
              let language = ReportLanguage(rawValue: values[1].option) else { return nil }
        let anonymize = values[2].toggle
        return ExportRequest(format: format, language: language, anonymize: anonymize,
                             path: outputPath(for: sessionPath, format: format, language: language, anonymize: anonymize))
    }

    /// The effect that writes `request` from `workshop`, replacing an existing file only when told.
    static func effect(_ request: ExportRequest, _ workshop: Workshop, replacing: Bool) -> Effect {
        .export(format: request.format, workshop: workshop, path: request.path, language: request.language,
                anonymize: request.anonymize, replacing: replacing)
    }

    /// The form or the replace question answered.
    static func resolve(_ step: ExportStep, _ result: PopupResult, _ state: inout AppState) -> [Effect] {
        let lang = state.lang
        guard let open = state.openWorkshop else { return [] }
        switch (step, result) {
        case (.choose, .form(let values)):
            guard let request = request(values, sessionPath: open.path) else { return [] }
            state.inform(lang.pick(fr: "Export en cours : \(request.path)", en: "Exporting: \(request.path)"))
            return [effect(request, open.workshop, replacing: false)]
        case (.replace(let request), .confirmed):
            state.inform(lang.pick(fr: "Export en cours : \(request.path)", en: "Exporting: \(request.path)"))
            return [effect(request, open.workshop, replacing: true)]
        default:
            return []
        }
    }

    /// The runner found an earlier export at the path: ask before replacing it.
    static func askToReplace(_ request: ExportRequest, _ state: inout AppState) {
        let lang = state.lang
        let name = request.path.split(separator: "/").suffix(2).joined(separator: "/")
        guard state.popup == nil else {
            state.warn(lang.pick(fr: "« \(name) » existe déjà : rien n’a été remplacé, exportez à nouveau pour choisir",
                                 en: "“\(name)” already exists: nothing was replaced, export again to choose"))
            return
        }
        state.popup = .confirm(Confirm(
            message: lang.pick(fr: "« \(name) » existe déjà (un export précédent). Le remplacer ? (o/n)",
                               en: "“\(name)” already exists (an earlier export). Replace it? (y/n)"),
            purpose: .export(.replace(request))))
    }
}
