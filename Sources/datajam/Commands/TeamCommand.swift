import ArgumentParser
import DataJamCore

/// `datajam team FILE add NAME | rename OLD NEW | delete NAME [--move-to TEAM|plenary]`.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Add, rename or delete a team (safe while others write to the file).",
        discussion: """
        datajam team FILE add NAME [--scope TEXT] [--rapporteur NAME]
        datajam team FILE rename OLD NEW
        datajam team FILE delete NAME [--move-to TEAM|plenary]
        Names are unique (case and accents aside). Deleting a team that has findings needs --move-to: \
        they go to that team or to the plenary. The deleted team stays in the file, marked deleted, so \
        merging an older copy does not bring it back.
        """)

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case add, rename, delete
    }

    @Argument(help: "The session file.")
    var file: String

    @Argument(help: "add, rename or delete.")
    var action: Action

    @Argument(help: "The team's name (rename: the old name, then the new one).")
    var names: [String] = []

    @Option(help: "add: what the team works on.")
    var scope: String?

    @Option(help: "add: who types for the team.")
    var rapporteur: String?

    @Option(name: .customLong("move-to"), help: "delete: where the team's findings go, another team or plenary.")
    var moveTo: String?

    func run() throws {
        let expected = action == .rename ? 2 : 1
        guard names.count == expected else {
            throw CommandFailure(action == .rename ? "team rename needs the old name and the new one: datajam team FILE rename OLD NEW"
                                                   : "team \(action.rawValue) needs one team name (quote names with spaces)")
        }
        if action != .add, scope != nil || rapporteur != nil { throw CommandFailure("--scope and --rapporteur are for team add") }
        if action != .delete, moveTo != nil { throw CommandFailure("--move-to is for team delete") }
        var line = ""
        do throws(SessionFileError) {
            try SessionStore().update(file) { workshop throws(SessionFileError) in
                do throws(InputError) {
                    switch action {
                    case .add:
                        let team = try workshop.teamAddition(name: names[0], scope: scope ?? "", rapporteur: rapporteur)
                        workshop.apply(.team(team))
                        line = "added team \"\(team.name)\" (\(team.id))"
                    case .rename:
                        let team = try workshop.teamForEditing(names[0])
                        let renamed = try workshop.teamRenaming(team.id, to: names[1])
                        guard renamed.name != team.name else { line = "\"\(team.name)\" already has this name; nothing changed"; return }
                        workshop.apply(.team(renamed))
                        line = "renamed team \"\(team.name)\" to \"\(renamed.name)\""
                    case .delete:
                        let team = try workshop.teamForEditing(names[0])
                        let count = workshop.findings.lazy.filter { $0.teamId == team.id && !$0.isDeleted }.count
                        var destination: String?
                        var destinationName = FindingLine.plenaryName
                        if let moveTo {
                            if moveTo.lowercased() != FindingLine.plenaryName {
                                let target = try Self.destination(moveTo, in: workshop)
                                destination = target.id
                                destinationName = target.name
                            }
                        } else if count > 0 {
                            let others = workshop.teams.live.filter { $0.id != team.id }.map(\.name) + [FindingLine.plenaryName]
                            throw InputError("team \"\(team.name)\" has \(count) finding(s); say where they go with --move-to, one of: \(others.joined(separator: ", "))")
                        }
                        let changes = try workshop.teamDeletion(team.id, movingFindingsTo: destination)
                        let now = Timestamp.now()
                        for change in changes { workshop.apply(change, now: now) }
                        line = "deleted team \"\(team.name)\"" + (count > 0 ? "; \(count) finding(s) moved to \(destinationName)" : "")
                    }
                } catch {
                    throw SessionFileError(file: file, message: error.description)
                }
            }
        } catch {
            throw CommandFailure(error)
        }
        printLine(line)
    }

    /// The team findings move to: any way `--team` names one (name, id or unique prefix).
    static func destination(_ name: String, in workshop: Workshop) throws(InputError) -> Team {
        let matches = workshop.teams(matching: name)
        guard matches.count < 2 else { throw InputError(Workshop.ambiguousTeam(name, matches)) }
        guard let team = matches.first else {
            let names = (workshop.teams.live.map(\.name) + [FindingLine.plenaryName]).joined(separator: ", ")
            throw InputError("--move-to: unknown team \"\(name)\"; use one of: \(names)")
        }
        return team
    }
}
