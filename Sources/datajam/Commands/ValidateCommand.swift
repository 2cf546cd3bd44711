import ArgumentParser
import DataJamCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check session files: one line per valid file; errors on stderr and exit 1. Never changes a file.")

    @Argument(help: "Session files to check.")
    var files: [String]

    func run() throws {
        var failures = 0
        for file in files {
            do {
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
