import ArgumentParser
import DataJamCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a session file for a new workshop (never overwrites).")

    @Argument(help: "The session file to create, e.g. Sessions/2024-03-12-sante.json (- for standard output).")
    var file: String

    @Option(help: "The workshop's theme, e.g. \"Économie numérique\".")
    var theme: String

    @Option(help: "The workshop's date, YYYY-MM-DD.")
    var date: String?

    @Option(help: "The city where it takes place.")
    var city: String = ""

    @Option(name: .customLong("time-zone"), help: "The IANA time zone where it takes place, e.g. Africa/Tunis (default: this machine's).")
    var timeZone: String?

    @Option(name: .customLong("team"), help: "A team's name (repeat for each team); replaces the preset's teams.")
    var teams: [String] = []

    @Option(help: ArgumentHelp("The set-up to start from: \(WorkshopPreset.allowedList).", valueName: "name"))
    var preset: String = "blank"

    @Option(help: "Language of the preset's labels: fr or en.")
    var lang: String = "fr"

    func run() throws {
        guard let preset = WorkshopPreset.named(preset) else {
            throw CommandFailure("unknown preset \"\(preset)\"; use one of: \(WorkshopPreset.allowedList)")
        }
        var workshopDate: WorkshopDate?
        if let date {
            guard let parsed = WorkshopDate(date) else {
                throw CommandFailure("--date \"\(date)\" is not a date; write it YYYY-MM-DD, e.g. 2023-11-27")
            }
            workshopDate = parsed
        }
        let zone = timeZone ?? WorkshopTimeZone.machine()
        if let zone, let problem = WorkshopTimeZone.problem(with: zone) { throw CommandFailure("--time-zone: \(problem)") }
        guard lang == "fr" || lang == "en" else { throw CommandFailure("--lang must be fr or en, not \"\(lang)\"") }
        let theme = theme.trimmingCharacters(in: .whitespaces)
        guard !theme.isEmpty else { throw CommandFailure("--theme is empty; give the workshop's theme") }
        let names = teams.map { $0.trimmingCharacters(in: .whitespaces) }
        if let empty = names.firstIndex(where: \.isEmpty) {
            throw CommandFailure("--team number \(empty + 1) is empty; give each team a name")
        }
        if let clash = NameClash.firstRepeat(in: names, kind: .team) {
            throw CommandFailure("--team \"\(clash.existing)\" and --team \"\(clash.name)\" are the same name (case and accents do not count); give each team its own name")
        }
        let workshop = preset.makeWorkshop(theme: theme, date: workshopDate, city: city,
                                           teamNames: names.isEmpty ? nil : names, french: lang == "fr",
                                           timeZone: zone)
        do {
            try SessionStore().create(workshop, at: file)
        } catch {
            throw CommandFailure(error)
        }
        let line = "created \(file): \(WorkshopSummary(workshop).line)"
        // `new - …` writes the session file itself on standard output: the summary goes apart.
        if (try? OutputTarget.resolve(file))?.isStandardOutput == true { printError(line) } else { printLine(line) }
    }
}
