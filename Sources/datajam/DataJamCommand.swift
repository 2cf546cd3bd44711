import ArgumentParser
import DataJamCore
import Foundation

@main
struct DataJamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datajam",
        abstract: "Run an open-data data jam workshop and capture its findings live.",
        discussion: "Session files (one workshop each, JSON) live in Sessions/ unless --sessions or $DATAJAM_SESSIONS says otherwise.",
        version: "datajam \(DataJamVersion.current)",
        subcommands: [
            HomeCommand.self, OpenCommand.self, ServeCommand.self,
            NewCommand.self, AddCommand.self, ListCommand.self, ValidateCommand.self,
            ExportCommand.self, ReportCommand.self, SchemaCommand.self, MergeCommand.self, EditCommand.self, DeleteCommand.self,
            SetCommand.self, TeamCommand.self, CategoryCommand.self, RestoreCommand.self, ProgrammeCommand.self,
        ],
        defaultSubcommand: HomeCommand.self
    )

    /// ArgumentParser's own `main`, except that what it prints (errors quoting arguments, which
    /// can hold control characters) is escaped before it reaches the terminal.
    static func main() {
        OpeningAhead.start(CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // An error's own line quotes arguments (tabs, newlines and all): one escaped line. The
            // usage around it, and help (a success), are laid out on several lines.
            var message = fullMessage(for: error)
            let line = Self.message(for: error)
            if code != .success, !line.isEmpty, let range = message.range(of: line) {
                message.replaceSubrange(range, with: line.escapedForTerminal())
            }
            message = message.escapedForTerminal(.multiLine)
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// A failure the user can act on, printed by ArgumentParser as one line on stderr (exit 1).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description.escapedForTerminal() }
    init(_ error: SessionFileError) { self.init(error.description) }
    init(_ error: InputError) { self.init(error.description) }
}
