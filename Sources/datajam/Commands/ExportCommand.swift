import ArgumentParser
import DataJamCore
import DataJamExport
import Foundation

/// Options shared by `export` and `report`.
struct ExportOptions: ParsableArguments {
    // A plain string, checked below, so an unknown format gets one line that lists the allowed ones.
    @Option(help: ArgumentHelp("Output format: \(ExportFormat.allowedList).", valueName: "format"))
    var format: String

    @Option(help: "Language of headings and labels: fr or en (default: from the locale, else French).")
    var lang: String?

    @Flag(help: "Leave out every person's name (rapporteurs, authors, named participants).")
    var anonymize = false

    @Option(name: .shortAndLong, help: "Where to write (a file, a device or pipe, - for standard output, a folder for datapackage, a file for docx and odt); standard output when absent.")
    var output: String?

    @Flag(help: "Keep the facilitator's private notes (left out of every export unless asked).")
    var includeNotes = false

    @Option(help: ArgumentHelp("Who publishes, on the report's cover and in the Data Package (e.g. a ministry; default: the programme file's issuer).", valueName: "name"))
    var issuer: String?

    @Option(help: ArgumentHelp("The programme's name on the report's cover (default: the programme file's name).", valueName: "name"))
    var programme: String?

    @Option(name: .customLong("edition"), help: ArgumentHelp("The publication's version, on the cover and in the Data Package.", valueName: "version"))
    var edition = "1.0"

    @Option(help: ArgumentHelp("Licence of the report and data: \(License.knownList).", valueName: "id"))
    var license = License.ccBy4.id

    func settings(_ language: ReportLanguage, programme programmeFile: Programme? = nil) throws -> ExportSettings {
        guard let licence = License.named(license) else {
            throw CommandFailure("unknown licence \"\(license)\"; use one of: \(License.knownList)")
        }
        let publication = Publication(issuer: issuer, programme: programme, version: edition, date: Self.buildTime(),
                                      license: licence)
        return ExportSettings(language: language, anonymize: anonymize, includeNotes: includeNotes, publication: publication,
                              programme: programmeFile)
    }

    func language() throws -> ReportLanguage {
        if let lang {
            guard let language = ReportLanguage(rawValue: lang.lowercased()) else {
                throw CommandFailure("--lang must be fr or en, not \"\(lang)\"")
            }
            return language
        }
        let env = ProcessInfo.processInfo.environment
        let locale = (env["LC_ALL"] ?? env["LC_MESSAGES"] ?? env["LANG"] ?? "").lowercased()
        return locale.hasPrefix("en") ? .en : .fr
    }

    /// The moment of publication: now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when set, as
    /// reproducible builds do, so that the same files can give byte-identical outputs.
    static func buildTime() -> Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int64(epoch) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    func run(_ files: [String], consolidated: Bool) throws {
        var workshops: [Workshop] = []
        for file in files {
            do { workshops.append(try SessionStore().load(file)) } catch { throw CommandFailure(error) }
        }
        try run(ProgrammeLocation.Workshops(workshops: workshops, programme: nil), consolidated: consolidated)
    }

    func run(_ input: ProgrammeLocation.Workshops, consolidated: Bool) throws {
        guard let format = ExportFormat(rawValue: format.lowercased()) else {
            throw CommandFailure("unknown format \"\(format)\"; use one of: \(ExportFormat.allowedList)")
        }
        let language = try language()
        let settings = try settings(language, programme: input.programme)
        let workshops = input.workshops
        do {
            // `-o -` is standard output, as without -o (escaped on a terminal, like every text we print).
            if let output, output != "-" || format.isFolder {
                try Exporter.write(format, workshops, consolidated: consolidated, settings: settings, to: output)
            } else {
                guard !format.isFolder else {
                    throw CommandFailure("--format \(format.rawValue) writes a folder: give it with -o DIR")
                }
                guard !format.isBinary else {
                    throw CommandFailure("--format \(format.rawValue) writes a binary document: give a file with -o FILE.\(format.fileExtension)")
                }
                let text = try Exporter.text(format, workshops, consolidated: consolidated, settings: settings)
                // Piped or redirected, the export is data and goes out byte for byte. On a terminal a
                // person reads it, and a control character in a finding would be obeyed: escape them.
                print(isatty(STDOUT_FILENO) == 1 ? text.escapedForTerminal(.multiLine) : text, terminator: "")
            }
        } catch let error as ExportError {
            throw CommandFailure(error.description)
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export one workshop: a report (markdown, html, docx, odt) or open data (csv, datapackage, ckan, json).")

    @Argument(help: "The session file.")
    var file: String

    @OptionGroup var options: ExportOptions

    func run() throws { try options.run([file], consolidated: false) }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Consolidate several workshops into one publishable report or dataset.",
        discussion: """
        The report (markdown, html, docx, odt) has a cover, a table of contents, a page of key figures, \
        a chapter per workshop (participants and organisations, sessions, teams, every finding), the \
        synthesis across workshops (recurring barriers, data needs merged and ranked, numbered \
        recommendations), annexes and a licence notice. The programme file (programme.json beside the \
        session files, or --programme-file) adds the programme's own results, difficulties, ideas and \
        recommendations (with owner and deadline), and the links that count a barrier's recurrence across \
        workshops (datajam programme link). The data formats (csv, datapackage, ckan, json) hold the same \
        workshops as open data.
        """)

    @Argument(help: "The session files (the programme file among them, or beside them, is taken as the programme).")
    var files: [String]

    @OptionGroup var options: ExportOptions

    @Option(name: .customLong("programme-file"), help: ArgumentHelp("The programme file (results, difficulties, ideas, recommendations, links across workshops); default: programme.json beside the session files, when there is one.", valueName: "path"))
    var programmeFile: String?

    @Flag(name: .customLong("no-programme-file"), help: "Leave out the programme file, beside the session files or among them.")
    var noProgrammeFile = false

    @Flag(help: "Instead of a report, list the findings of different workshops that likely make the same point, for the facilitator to confirm with `datajam programme link REF`: one tab-separated line each (reference, score, kind, workshop, finding id, text, workshop, finding id, text); pairs the programme file links already are left out.")
    var suggestLinks = false

    func run() throws {
        guard !(noProgrammeFile && programmeFile != nil) else {
            throw CommandFailure("--programme-file and --no-programme-file contradict each other; give one")
        }
        let input = try ProgrammeLocation.workshops(files, programmeFile: programmeFile, besides: !noProgrammeFile)
        guard suggestLinks else { return try options.run(input, consolidated: true) }
        let lines = SuggestionLines.lines(input.workshops, programme: input.programme).map { $0 + "\n" }.joined()
        print(isatty(STDOUT_FILENO) == 1 ? lines.escapedForTerminal(.multiLine) : lines, terminator: "")
    }
}
