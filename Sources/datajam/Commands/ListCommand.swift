import ArgumentParser
import DataJamCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List findings, one per line: id, team, kind[/category], gender, author, text (tab-separated).")

    @Argument(help: "The session file.")
    var file: String

    @Option(help: "Only this team's findings (\"plenary\" for the plenary).")
    var team: String?

    @Option(help: ArgumentHelp("Only findings of this kind: \(FindingKind.allowedList).", valueName: "kind"))
    var kind: String?

    func run() throws {
        let workshop: Workshop
        do { workshop = try SessionStore().load(file) } catch { throw CommandFailure(error) }
        var findings = workshop.findings.live
        if let kind {
            guard let wanted = FindingKind(argument: kind) else {
                throw CommandFailure("unknown kind \"\(kind)\"; use one of: \(FindingKind.allowedList)")
            }
            findings = findings.filter { $0.kind == wanted }
        }
        if let team {
            if team.lowercased() == FindingLine.plenaryName {
                findings = findings.filter { $0.teamId == nil }
            } else {
                let matches = workshop.teams(matching: team)
                guard matches.count < 2 else { throw CommandFailure(Workshop.ambiguousTeam(team, matches)) }
                guard let found = matches.first else {
                    let names = (workshop.teams.live.map(\.name) + [FindingLine.plenaryName]).joined(separator: ", ")
                    throw CommandFailure("unknown team \"\(team)\"; teams are: \(names)")
                }
                findings = findings.filter { $0.teamId == found.id }
            }
        }
        for finding in findings { printLine(FindingLine.format(finding, in: workshop), layout: .tabSeparated) }
    }
}
