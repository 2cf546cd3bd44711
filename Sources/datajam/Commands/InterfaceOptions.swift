import ArgumentParser
import DataJamCore
import DataJamTerminal
import DataJamUI
import Foundation

/// Options shared by the commands that open the full-screen interface.
struct InterfaceOptions: ParsableArguments {
    @Option(help: "Interface language: fr or en (default: from the locale, else French).")
    var lang: String?

    @Option(help: "Who lays out right-to-left text (Arabic): app (default) or terminal, for a terminal that reorders it itself and shows it reversed otherwise (also DATAJAM_BIDI).")
    var bidi: String?

    func resolvedBidi() throws -> BidiPlacement {
        guard let placement = BidiPlacement.resolve(argument: bidi, environment: ProcessInfo.processInfo.environment) else {
            throw CommandFailure("--bidi must be app or terminal, not \"\(bidi ?? ProcessInfo.processInfo.environment["DATAJAM_BIDI"] ?? "")\"")
        }
        return placement
    }

    func resolvedLang() throws -> Lang {
        guard let lang = Lang.resolve(argument: lang, environment: ProcessInfo.processInfo.environment) else {
            throw CommandFailure("--lang must be fr or en, not \"\(lang ?? "")\"")
        }
        return lang
    }
}

/// Starts the terminal, runs the interface until the user quits, and restores the terminal.
enum Interface {
    /// The terminal taken over, or the one line that says why it cannot be.
    static func startTerminal(bidi: BidiPlacement) throws -> NcursesTerminal {
        let terminal = NcursesTerminal(laysOutRightToLeft: bidi.laysOutRightToLeft)
        do {
            try terminal.start()
        } catch {
            throw CommandFailure("\(error)")
        }
        return terminal
    }

    /// `started`: a terminal the caller took over already (see `OpenCommand`), else one is started here.
    static func run(lang: Lang, bidi: BidiPlacement, sessionsFolder: String, route: AppState.Route,
                    initialEffects: [Effect], initialMessages: [Message] = [], initialPopup: Popup? = nil,
                    inbox: MessageInbox = MessageInbox(), serve: (@Sendable (Effect) -> Void)? = nil,
                    started: NcursesTerminal? = nil) throws {
        let terminal = try started ?? startTerminal(bidi: bidi)
        var state = AppState(lang: lang, width: terminal.size.width, height: terminal.size.height, now: .now(),
                             sessionsFolder: sessionsFolder, route: route)
        state.utcOffsetSeconds = Int64(TimeZone.current.secondsFromGMT())
        state.machineTimeZone = WorkshopTimeZone.machine()
        state.popup = initialPopup
        state.laysOutRightToLeft = bidi.laysOutRightToLeft
        let runtime = AppRuntime(state: state, backend: terminal, effects: EffectRunner(inbox: inbox, serve: serve))
        for message in initialMessages { runtime.send(message) }
        runtime.run(initialEffects: initialEffects)
        if let signal = runtime.stoppedBySignal {
            // Killed, hung up or interrupted: what was typed is saved; say how it ended, as a shell expects.
            exit(128 + signal)
        }
    }

    /// The sessions folder: --sessions, else $DATAJAM_SESSIONS, else ./Sessions; it must exist.
    static func sessionsFolder(_ option: String?) throws -> String {
        let folder = option ?? ProcessInfo.processInfo.environment["DATAJAM_SESSIONS"].flatMap { $0.isEmpty ? nil : $0 } ?? "Sessions"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure("no sessions folder \"\(folder)\": create it (mkdir \(folder)) or choose one with --sessions DIR")
        }
        return folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }
}
