import ArgumentParser
import DataJamCore

@main
struct DataJamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datajam",
        abstract: "Run an open-data data jam workshop and capture its findings live.",
        discussion: "Session files (one workshop each, JSON) live in Sessions/ unless --sessions or $DATAJAM_SESSIONS says otherwise.",
        subcommands: [
            HomeCommand.self, OpenCommand.self,
            NewCommand.self, AddCommand.self, ListCommand.self, ValidateCommand.self,
            ExportCommand.self, ReportCommand.self, SchemaCommand.self, MergeCommand.self, EditCommand.self, DeleteCommand.self,
        ],
        defaultSubcommand: HomeCommand.self
    )
}

/// A failure the user can act on, printed by ArgumentParser as one line on stderr (exit 1).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
    init(_ error: SessionFileError) { description = error.description }
    init(_ error: InputError) { description = error.description }
}
