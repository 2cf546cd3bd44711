import ArgumentParser
import DataJamCore
import DataJamUI

/// `datajam [--sessions DIR] [--lang fr|en]`: the home screen listing the workshops.
struct HomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "Open the full-screen interface on the list of workshops (the default command).")

    @Option(help: "The folder of session files (default: $DATAJAM_SESSIONS, else ./Sessions).")
    var sessions: String?

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        let folder = try Interface.sessionsFolder(sessions)
        try Interface.run(lang: try interface.resolvedLang(), bidi: try interface.resolvedBidi(), sessionsFolder: folder, route: .home(HomeState()),
                          initialEffects: [.listSessions(folder: folder)])
    }
}
