import ArgumentParser
import DataJamCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of session files, or of the programme file.")

    @Flag(help: "The programme file's schema (programme.json) instead of the session file's.")
    var programme = false

    func run() {
        print(programme ? ProgrammeSchema.text : SessionSchema.text)
    }
}
