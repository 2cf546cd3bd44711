import DataJamCore
import DataJamServe
import DataJamUI
import Foundation

/// Tells the facilitator's view, twice a second, how to join and who is connected (only when
/// something changed: an unchanged list costs no redraw).
final class StatusReporter: @unchecked Sendable {
    private let server: SSHServer
    private let inbox: MessageInbox
    private let listen: String
    private let port: Int
    private let fingerprint: String
    private let lock = NSLock()
    private var running = true
    private var last: ServingStatus?
    private var teams: (modified: Date?, names: [String]) = (nil, [])

    init(server: SSHServer, inbox: MessageInbox, listen: String, port: Int, fingerprint: String) {
        self.server = server
        self.inbox = inbox
        self.listen = listen
        self.port = port
        self.fingerprint = fingerprint
    }

    /// The status now: teams are read from the file, so a team added during the day gets its line.
    func status() -> ServingStatus {
        var lines: [String] = []
        for address in JoinInstructions.addresses(listen: listen) {
            for name in teamNames() {
                lines.append(JoinInstructions.command(user: TeamLogin.slug(name), address: address, port: port) + "   " + name)
            }
        }
        let connections = server.registry.snapshot.map { info in
            ServedConnection(id: info.id, who: info.team ?? (info.authenticated ? info.user : "(\(info.user.isEmpty ? "…" : info.user))"),
                             address: info.address,
                             since: Timestamp(milliseconds: Int64(info.since.timeIntervalSince1970 * 1000)),
                             lastActivity: Timestamp(milliseconds: Int64(info.lastActivity.timeIntervalSince1970 * 1000)))
        }
        return ServingStatus(joinLines: lines, code: server.configuration.codes.rapporteurCode, fingerprint: fingerprint, connections: connections)
    }

    /// The live teams' names, read again only when the file changed (a large file takes a while to load).
    private func teamNames() -> [String] {
        let file = server.configuration.file
        let modified = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date
        return lock.withLock {
            if teams.modified == nil || modified != teams.modified {
                // Not remembered: the facilitator's view must still see this version as new.
                if let loaded = try? SessionStore().load(file, remembering: false) { teams = (modified, loaded.teams.live.map(\.name)) }
            }
            return teams.names
        }
    }

    func start() {
        let thread = Thread { [self] in
            while lock.withLock({ running }) {
                let current = status()
                if current != last {
                    last = current
                    inbox.post(.serving(current))
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
        thread.name = "datajam-serve-status"
        thread.start()
    }

    func stop() { lock.withLock { running = false } }
}
