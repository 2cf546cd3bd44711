import ArgumentParser
import DataJamCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check session files and the programme file: one line per valid file; errors on stderr and exit 1. Never changes a file.")

    @Argument(help: "Session files (and the programme file, programme.json) to check.")
    var files: [String]

    func run() throws {
        var failures = 0
        for file in files {
            do {
                if ProgrammeLocation.isProgrammeFile(file) {
                    let programme = try ProgrammeStore().load(file)
                    printLine("\(file): ok: programme \"\(programme.details.name)\", \(programme.results.live.count) results, \(programme.difficulties.live.count) difficulties, \(programme.improvements.live.count) ideas, \(programme.recommendations.live.count) recommendations, \(programme.links.live.count) links")
                    continue
                }
                let workshop = try SessionStore().load(file)
                printLine("\(file): ok: \(WorkshopSummary(workshop).line)")
            } catch {
                failures += 1
                printError(error.description)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
