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

    /// A folder rather than one file (cannot go to standard output).
    public var isFolder: Bool { self == .datapackage }

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .csv: "csv"
        case .datapackage: "datapackage"
        case .ckan: "ckan.json"
        case .json: "json"
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
        let output = try rawText(format, workshops, consolidated: consolidated, language: language, anonymize: anonymize)
        return DirectionalNeutralising.neutralised(output, json: format == .json || format == .ckan)
    }

    private static func rawText(_ format: ExportFormat, _ workshops: [Workshop], consolidated: Bool,
                                language: ReportLanguage, anonymize: Bool) throws(ExportError) -> String {
        let workshops = anonymize ? Anonymizer.anonymize(workshops) : workshops
        let single = workshops.count == 1 && !consolidated
        switch format {
        case .markdown:
            return single ? MarkdownReport.workshop(workshops[0], language: language) : MarkdownReport.consolidated(workshops, language: language)
        case .html:
            return single ? HTMLReport.workshop(workshops[0], language: language) : HTMLReport.consolidated(workshops, language: language)
        case .csv:
            return FindingsCSV.render(workshops, language: language)
        case .ckan:
            return CKANDataRequests.render(workshops, language: language)
        case .json:
            if single {
                do { return try JSONExport.render(workshops[0]) } catch { throw ExportError("cannot write JSON: \(error)") }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                return String(decoding: try encoder.encode(ConsolidatedReport.build(workshops)), as: UTF8.self) + "\n"
            } catch {
                throw ExportError("cannot write JSON: \(error)")
            }
        case .datapackage:
            throw ExportError("a Data Package is a folder: give its path with -o DIR")
        }
    }

    /// Writes the export to `path`: a Data Package as a folder (see `PackageFolder`), the other
    /// formats through `OutputTarget` (a file atomically, a device or pipe streamed into, `-` to
    /// standard output, a symbolic link's target rather than the link).
    public static func write(_ format: ExportFormat, _ workshops: [Workshop], consolidated: Bool,
                             language: ReportLanguage, anonymize: Bool, to path: String,
                             waitingForReader: Bool = true) throws(ExportError) {
        if format.isFolder {
            guard path != "-" else {
                throw ExportError("a Data Package is a folder and cannot go to standard output; give a folder with -o DIR")
            }
            let workshops = anonymize ? Anonymizer.anonymize(workshops) : workshops
            do {
                try DataPackageExport.write(workshops, to: path, language: language)
            } catch {
                throw ExportError("\(error)")
            }
            return
        }
        let target: OutputTarget
        do { target = try OutputTarget.resolve(path) } catch { throw ExportError("\(path): \(error.description)") }
        let output = try text(format, workshops, consolidated: consolidated, language: language, anonymize: anonymize)
        do {
            try target.write(Data(output.utf8), waitingForReader: waitingForReader)
        } catch {
            throw ExportError("\(path): \(error.description)")
        }
    }
}
