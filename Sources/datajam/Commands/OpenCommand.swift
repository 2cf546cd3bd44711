import ArgumentParser
import DataJamCore
import DataJamTerminal
import DataJamUI
import Foundation

/// `datajam open FILE [--team NAME]`: straight into one workshop, optionally as a team's rapporteur.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open one workshop in the full-screen interface.",
        discussion: "With --team, rapporteur mode: the interface shows and edits that team only, and signs each finding with the rapporteur's name (--author, else the team's rapporteur, else asked once and recorded).")

    @Argument(help: "The session file.")
    var file: String

    @Option(help: "Rapporteur mode for this team (name, id or the start of its name).")
    var team: String?

    @Option(help: "Rapporteur mode: the name findings are signed with (default: the team's rapporteur, asked if unknown).")
    var author: String?

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        let lang = try interface.resolvedLang()
        let bidi = try interface.resolvedBidi()
        // While the file loads on another thread, this one would only wait: it takes over the
        // terminal and draws off screen meanwhile (see `DrawingWarmUp`), so that the first frame
        // follows the load at once. Should the file then be refused, the terminal is given back
        // before the one line that says why. A terminal that cannot be taken over yet is tried
        // again after the load, so that a problem with the file is still the one reported first
        // (`open FILE < /dev/null` names the file's problem, not the missing terminal).
        let terminal = OpeningAhead.isLoading(file) ? try? Interface.startTerminal(bidi: bidi) : nil
        do {
            try run(lang: lang, bidi: bidi, terminal: terminal)
        } catch {
            terminal?.shutdown()
            throw error
        }
    }

    private func run(lang: Lang, bidi: BidiPlacement, terminal: NcursesTerminal?) throws {
        let workshop: Workshop
        let journals: SessionStore.JournalReport
        do {
            if OpeningAhead.isLoading(file) { DrawingWarmUp.run(lang: lang) }
            if let ahead = OpeningAhead.take(file) {
                (workshop, journals) = (try ahead.get(), SessionStore.JournalReport())
            } else {
                (workshop, journals) = try SessionStore().loadRecoveringJournals(file)
            }
        } catch {
            throw CommandFailure(error)
        }
        var teamID: String?
        if let team {
            let matches = workshop.teams(matching: team)
            guard matches.count < 2 else { throw CommandFailure(Workshop.ambiguousTeam(team, matches)) }
            guard let found = matches.first else {
                let names = workshop.teams.live.map(\.name).joined(separator: ", ")
                throw CommandFailure("unknown team \"\(team)\"; teams are: \(names.isEmpty ? "(none yet)" : names)")
            }
            teamID = found.id
        }
        guard author == nil || teamID != nil else { throw CommandFailure("--author is for rapporteur mode; give --team too") }
        let author = author?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let author, author.unicodeScalars.count > Limits.shortText {
            throw CommandFailure("--author is \(author.unicodeScalars.count) characters long; at most \(Limits.shortText)")
        }
        var open = OpenWorkshop(path: file, workshop: workshop, rapporteurTeamID: teamID, hasHome: false)
        open.rapporteurAuthor = author.flatMap { $0.isEmpty ? nil : $0 }
        open.refresh()
        let askName = author == nil && BreakoutsRecords.asksRapporteurName(open)
        let folder = (file as NSString).deletingLastPathComponent
        try Interface.run(lang: lang, bidi: bidi, sessionsFolder: folder.isEmpty ? "." : folder,
                          route: .workshop(open), initialEffects: [],
                          initialMessages: journals == SessionStore.JournalReport() ? [] : [.journalsRecovered(path: file, journals)],
                          initialPopup: askName ? BreakoutsRecords.rapporteurNamePrompt(open, lang: lang) : nil,
                          started: terminal)
    }
}
