import DataJamCore
import Foundation

/// The formats a workshop (or several) can be exported to.
public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown
    case html
    case csv
    case datapackage
    case ckan
    case json
    // Last, so that the interface's export menu keeps its numbers.
    case docx
    case odt

    /// A folder rather than one file (cannot go to standard output).
    public var isFolder: Bool { self == .datapackage }

    /// A binary document (zipped XML), written by pandoc.
    public var isBinary: Bool { self == .docx || self == .odt }

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .csv: "csv"
        case .datapackage: "datapackage"
        case .ckan: "ckan.json"
        case .json: "json"
        case .docx: "docx"
        case .odt: "odt"
        }
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Why an export could not be written: one line, and nothing half-written is left behind.
public struct ExportError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// One entry point for every export, shared by `datajam export`, `datajam report` and the UI.
public enum Exporter {
    /// The export as text, for the file formats.
    ///
    /// One workshop gives its own report; several (or `consolidated`) give the consolidated report,
    /// as the seed report consolidates three workshops.
    public static func text(_ format: ExportFormat, _ workshops: [Workshop], consolidated: Bool,
                            language: ReportLanguage, anonymize: Bool) throws(ExportError) -> String {
        try text(format, workshops, consolidated: consolidated,
                 settings: ExportSettings(language: language, anonymize: anonymize))
    }

    public static func text(_ format: ExportFormat, _ workshops: [Workshop], consolidated: Bool,
                            settings: ExportSettings) throws(ExportError) -> String {
        guard !format.isBinary else {
            throw ExportError("--format \(format.rawValue) writes a binary document: give a file with -o FILE.\(format.fileExtension)")
        }
        let settings = prepared(settings, for: workshops)
        let output = try rawText(format, prepared(workshops, settings), consolidated: consolidated, settings: settings)
        return DirectionalNeutralising.neutralised(output, json: format == .json || format == .ckan)
    }

    /// The export as bytes: the binary documents (DOCX, ODT, converted by pandoc from the
    /// Markdown report) or the text formats in UTF-8.
    public static func data(_ format: ExportFormat, _ workshops: [Workshop], consolidated: Bool,
                            settings: ExportSettings) throws(ExportError) -> Data {
        guard format.isBinary else {
            return Data(try text(format, workshops, consolidated: consolidated, settings: settings).utf8)
        }
        let markdown = try text(.markdown, workshops, consolidated: consolidated, settings: settings)
        return try PandocConversion.convert(markdown: markdown, to: format, language: settings.language)
    }

    /// What every format starts from: names removed when asked, the facilitator's private notes
    /// left out unless asked for.
    static func prepared(_ workshops: [Workshop], _ settings: ExportSettings) -> [Workshop] {
        var workshops = workshops
        if !settings.includeNotes {
            for i in workshops.indices { workshops[i].details.facilitatorNotes = "" }
        }
        return settings.anonymize ? Anonymizer.anonymize(workshops) : workshops
    }

    /// The settings every format is written with: the programme file's name and issuer on the
    /// cover when no option named them, and the programme anonymised with the workshops' names
    /// when names are removed.
    static func prepared(_ settings: ExportSettings, for workshops: [Workshop]) -> ExportSettings {
        var settings = settings
        if settings.anonymize, let programme = settings.programme {
            settings.programme = Anonymizer.anonymize(programme, among: workshops)
        }
        settings.publication = settings.completedPublication
        return settings
    }

    private static func rawText(_ format: ExportFormat, _ workshops: [Workshop], consolidated: Bool,
                                settings: ExportSettings) throws(ExportError) -> String {
        let language = settings.language
        let single = workshops.count == 1 && !consolidated
        switch format {
        case .markdown:
            return single ? MarkdownReport.workshop(workshops[0], settings) : MarkdownReport.consolidated(workshops, settings)
        case .html:
            return single ? HTMLReport.workshop(workshops[0], settings) : HTMLReport.consolidated(workshops, settings)
        case .csv:
            return FindingsCSV.render(workshops, language: language)
        case .ckan:
            return CKANDataRequests.render(workshops, language: language, links: settings.programme?.links ?? [])
        case .json:
            if single {
                do { return try JSONExport.render(workshops[0]) } catch { throw ExportError("cannot write JSON: \(error)") }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                return String(decoding: try encoder.encode(ConsolidatedReport.build(workshops, programme: settings.programme)), as: UTF8.self) + "\n"
            } catch {
                throw ExportError("cannot write JSON: \(error)")
            }
        case .datapackage:
            throw ExportError("a Data Package is a folder: give its path with -o DIR")
        case .docx, .odt:
            throw ExportError("--format \(format.rawValue) writes a binary document: give a file with -o FILE")
        }
    }

    /// Writes the export to `path`: a Data Package as a folder (see `PackageFolder`), the other
    /// formats through `OutputTarget` (a file atomically, a device or pipe streamed into, `-` to
    /// standard output, a symbolic link's target rather than the link).
    public static func write(_ format: ExportFormat, _ workshops: [Workshop], consolidated: Bool,
                             language: ReportLanguage, anonymize: Bool, to path: String,
                             waitingForReader: Bool = true) throws(ExportError) {
        try write(format, workshops, consolidated: consolidated,
                  settings: ExportSettings(language: language, anonymize: anonymize), to: path,
                  waitingForReader: waitingForReader)
    }

    public static func write(_ format: ExportFormat, _ workshops: [Workshop], consolidated: Bool,
                             settings: ExportSettings, to path: String,
                             waitingForReader: Bool = true) throws(ExportError) {
        if format.isFolder {
            guard path != "-" else {
                throw ExportError("a Data Package is a folder and cannot go to standard output; give a folder with -o DIR")
            }
            do {
                try DataPackageExport.write(prepared(workshops, settings), to: path, settings: prepared(settings, for: workshops))
            } catch {
                throw ExportError("\(error)")
            }
            return
        }
        let target: OutputTarget
        do { target = try OutputTarget.resolve(path) } catch { throw ExportError("\(path): \(error.description)") }
        let output = try data(format, workshops, consolidated: consolidated, settings: settings)
        do {
            try target.write(output, waitingForReader: waitingForReader)
        } catch {
            throw ExportError("\(path): \(error.description)")
        }
    }
}
