import ArgumentParser
import DataJamCore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one finding to a session file (safe while others write to it).",
        discussion: "Without --team the finding goes to the plenary. Prints the new finding's id.")

    @Argument(help: "The session file.")
    var file: String

    @Option(help: "The team's name (or id); leave out for the plenary.")
    var team: String?

    @Option(help: ArgumentHelp("What the finding is: \(FindingKind.allowedList).", valueName: "kind"))
    var kind: String

    @Option(help: "A constraint's category (id or label).")
    var category: String?

    @Flag(help: "The finding concerns gender.")
    var gender = false

    @Option(help: "Who typed it.")
    var author: String?

    @Option(help: "Data need: the likely producer.")
    var producer: String?

    @Option(help: "Data need: available, missing or unusable-format.")
    var availability: String?

    @Option(name: .customLong("format"), help: "Data need: the wanted format.")
    var wantedFormat: String?

    @Flag(name: .customLong("sex-disaggregated"), help: "Data need: must be disaggregated by sex.")
    var sexDisaggregated = false

    @Option(help: "Data need: relevance, 1 to 5.")
    var relevance: Int?

    @Option(help: "Data need: impact, 1 to 5.")
    var impact: Int?

    @Option(help: "Actor: producer or re-user.")
    var role: String?

    @Argument(help: "The finding's text (several words are joined).")
    var text: [String]

    func run() throws {
        var request = FindingRequest(team: team, kind: kind, category: category, text: text.joined(separator: " "))
        request.gender = gender
        request.author = author
        request.producer = producer
        request.availability = availability
        request.wantedFormat = wantedFormat
        request.sexDisaggregation = sexDisaggregated
        request.relevance = relevance
        request.impact = impact
        request.role = role
        var added: Finding?
        do throws(SessionFileError) {
            try SessionStore().update(file) { workshop throws(SessionFileError) in
                do throws(InputError) {
                    let finding = try request.resolve(in: workshop)
                    workshop.findings.append(finding)
                    added = finding
                } catch {
                    throw SessionFileError(file: file, message: error.description)
                }
            }
        } catch {
            throw CommandFailure(error)
        }
        if let added { printLine(added.id) }
    }
}
