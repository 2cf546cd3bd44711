import ArgumentParser
import DataJamCore
import DataJamServe
import DataJamUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `datajam serve FILE`: DataJam is the SSH server; each rapporteur runs `ssh -p 2222 TEAM@HOST`
/// from their own laptop, types the access code, and is in their team's view.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Let every team's rapporteur join over SSH from their own laptop.",
        discussion: """
            Rapporteurs type `ssh -p PORT TEAM@ADDRESS` and the access code; each gets the view of \
            `datajam open FILE --team TEAM` at their terminal's size. Only this machine can connect unless \
            --listen 0.0.0.0 (or an address) opens the server to the room. Connections are logged in FILE.serve.log.
            """)

    @Argument(help: "The session file.")
    var file: String

    @Option(help: "The address to listen on: 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every network of this machine).")
    var listen: String = "127.0.0.1"

    @Option(help: "The TCP port.")
    var port: Int = 2222

    @Option(help: "The rapporteurs' access code, at least 6 characters (default: 6 random digits).")
    var code: String?

    @Option(name: .customLong("facilitator-code"), help: "A second code that gives the full view (for a co-facilitator).")
    var facilitatorCode: String?

    @Option(name: .customLong("idle-minutes"), help: "Close a connection left without typing this long.")
    var idleMinutes: Int = 60

    @Option(name: .customLong("max-sessions"), help: "Rapporteur views running at once.")
    var maxSessions: Int = 40

    @Option(help: "The log of connections and refusals (default: FILE.serve.log).")
    var log: String?

    @Option(name: .customLong("host-key"), help: "The Ed25519 host key file (default: $XDG_CONFIG_HOME/datajam/ssh_host_ed25519_key).")
    var hostKey: String?

    @Flag(name: .customLong("no-view"), help: "Serve without opening the facilitator's view; stop with Ctrl-C.")
    var noView = false

    @OptionGroup var interface: InterfaceOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        if let code, let problem = AccessCode.problem(with: code) { throw ValidationError("--code: \(problem)") }
        if let facilitatorCode, let problem = AccessCode.problem(with: facilitatorCode) { throw ValidationError("--facilitator-code: \(problem)") }
        if let code, let facilitatorCode, code == facilitatorCode { throw ValidationError("--code and --facilitator-code must differ") }
        guard idleMinutes > 0 else { throw ValidationError("--idle-minutes must be at least 1") }
        guard maxSessions > 0 else { throw ValidationError("--max-sessions must be at least 1") }
    }

    func run() throws {
        let lang = try interface.resolvedLang()
        let path = Self.absolute(file)
        let workshop: Workshop
        let journals: SessionStore.JournalReport
        do { (workshop, journals) = try SessionStore().loadRecoveringJournals(path) } catch { throw CommandFailure(error) }

        let key: HostKey
        do { key = try HostKey.loadOrCreate(at: hostKey ?? HostKey.defaultPath()) } catch { throw CommandFailure("\(error)") }
        let logPath = log.map(Self.absolute) ?? path + ".serve.log"
        let serveLog: ServeLog
        do { serveLog = try ServeLog(path: logPath) } catch { throw CommandFailure("\(error)") }
        let codes = AccessCodes(rapporteur: code ?? AccessCode.random(), facilitator: facilitatorCode)

        let fallback = lang.rawValue
        var configuration = ServeConfiguration(
            file: path, executable: Self.runningExecutable(), hostKey: key, codes: codes, log: serveLog,
            childEnvironment: Self.childEnvironment(),
            language: { environment in
                // C, POSIX and C.UTF-8 name no language (Windows' ssh sends nothing, Linux often C.UTF-8): --lang then.
                let chosen = environment.filter { name, value in
                    let lower = value.lowercased()
                    return ServeConfiguration.languageVariables.contains(name) && !lower.isEmpty && lower != "c" && lower != "posix" && !lower.hasPrefix("c.")
                }
                return chosen.isEmpty ? fallback : (Lang.resolve(argument: nil, environment: chosen) ?? lang).rawValue
            })
        configuration.listen = listen
        configuration.port = port
        configuration.idleTimeout = TimeInterval(idleMinutes * 60)
        configuration.maximumSessions = maxSessions

        // Signals wait for the main thread (sigwait, or the view's own handlers): NIO's threads,
        // created below, inherit the blocked mask and never take them.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, signal) }
        if noView { pthread_sigmask(SIG_BLOCK, &blocked, nil) }

        let server = SSHServer(configuration: configuration)
        let boundPort: Int
        do { boundPort = try server.start() } catch { throw CommandFailure("\(error)") }
        let join = JoinInstructions.text(teams: workshop.teams, listen: listen, port: boundPort, code: codes.rapporteurCode,
                                         facilitatorCode: codes.facilitatorCode, fingerprint: key.fingerprint, logPath: logPath,
                                         english: lang == .en)
        print(join.joined(separator: "\n"))
        fflush(nil)

        if noView {
            var received: Int32 = 0
            sigwait(&blocked, &received)
            print(lang == .en ? "Stopping: hanging up every rapporteur's view…" : "Arrêt : fermeture des vues des rapporteurs…")
            server.stop()
            return
        }
        var open = OpenWorkshop(path: path, workshop: workshop, rapporteurTeamID: nil, hasHome: false)
        open.refresh()
        let folder = (path as NSString).deletingLastPathComponent
        let inbox = MessageInbox()
        let reporter = StatusReporter(server: server, inbox: inbox, listen: listen, port: boundPort, fingerprint: key.fingerprint)
        reporter.start()
        do {
            try Interface.run(lang: lang, bidi: BidiPlacement.resolve(argument: nil, environment: ProcessInfo.processInfo.environment) ?? .app,
                              sessionsFolder: folder.isEmpty ? "." : folder, route: .workshop(open), initialEffects: [],
                              initialMessages: (journals == SessionStore.JournalReport() ? [] : [.journalsRecovered(path: path, journals)])
                                  + [.serving(reporter.status())],
                              inbox: inbox,
                              serve: { effect in
                                  switch effect {
                                  case .disconnect(let id): server.disconnect(id)
                                  case .changeAccessCode(let code):
                                      codes.change(rapporteur: code)
                                      serveLog.write("code-changed")
                                  default: break
                                  }
                              })
        } catch {
            reporter.stop()
            server.stop()
            throw error
        }
        reporter.stop()
        server.stop()
        print(lang == .en ? "Stopped serving; every rapporteur's view was closed (what they typed is saved)."
                          : "Service arrêté ; les vues des rapporteurs sont fermées (ce qu'ils ont tapé est enregistré).")
    }

    /// The children open the file from their own working folder: an absolute path.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// This very binary, for the rapporteurs' views (not whatever `datajam` is first on PATH).
    static func runningExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Self.absolute(CommandLine.arguments[0])
    }

    /// A clean environment for the views: nothing of the facilitator's beyond what a program
    /// needs, and a UTF-8 character type that surely exists (the client's locale may not here).
    static func childEnvironment() -> [String: String] {
        let own = ProcessInfo.processInfo.environment
        var environment: [String: String] = ["PATH": own["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        for name in ["HOME", "TZ", "USER", "LOGNAME"] { environment[name] = own[name] }
        let ctype = own["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? own["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? own["LANG"] ?? ""
        environment["LC_CTYPE"] = ctype.lowercased().contains("utf-8") || ctype.lowercased().contains("utf8") ? ctype : "C.UTF-8"
        return environment
    }
}
