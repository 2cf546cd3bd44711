import ArgumentParser
import DataJamCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of session files.")

    func run() {
        print(SessionSchema.text)
    }
}
