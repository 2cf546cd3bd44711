import Foundation
import NIOCore

/// One SSH connection as the facilitator sees it.
public struct ConnectionInfo: Sendable, Equatable {
    public var id: Int
    public var address: String
    /// The SSH user name the client gave (escaped before it is shown).
    public var user: String
    /// The team whose rapporteur view runs, "(full view)" for a co-facilitator, nil before it starts.
    public var team: String?
    public var since: Date
    public var lastActivity: Date
    public var authenticated: Bool
}

/// A connection's mutable state, shared between its event loop, its pty reader thread and the
/// facilitator's view (hence the lock).
public final class Connection: @unchecked Sendable {
    public let id: Int
    public let address: String
    let channel: Channel
    private let lock = NSLock()
    private var info: ConnectionInfo
    private(set) var role: AccessCodes.Role?
    private var children: [PseudoTerminal] = []
    private var sessions = 0

    init(id: Int, address: String, channel: Channel, now: Date) {
        self.id = id
        self.address = address
        self.channel = channel
        info = ConnectionInfo(id: id, address: address, user: "", team: nil, since: now, lastActivity: now, authenticated: false)
    }

    public var snapshot: ConnectionInfo { lock.withLock { info } }
    var currentRole: AccessCodes.Role? { lock.withLock { role } }
    var user: String { lock.withLock { info.user } }

    func authenticated(user: String, role: AccessCodes.Role, now: Date = Date()) {
        lock.withLock {
            info.user = user
            info.authenticated = true
            info.lastActivity = now
            self.role = role
        }
    }

    func attempted(user: String) { lock.withLock { info.user = user } }
    func touch(_ now: Date = Date()) { lock.withLock { info.lastActivity = now } }
    func showing(team: String) { lock.withLock { info.team = team } }

    /// One session channel per connection: a second `ssh` channel would be a second child.
    func openSession() -> Bool {
        lock.withLock {
            guard sessions == 0 else { return false }
            sessions += 1
            return true
        }
    }

    func attach(_ child: PseudoTerminal) { lock.withLock { children.append(child) } }
    var liveChildren: [PseudoTerminal] { lock.withLock { children.filter { !$0.hasEnded } } }

}

/// Every open connection: bounded in number, swept for idleness, listed in the facilitator's view.
public final class ConnectionRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var connections: [Int: Connection] = [:]
    private var nextID = 1

    public init() {}

    func add(address: String, channel: Channel, limit: Int) -> Connection? {
        lock.withLock {
            guard connections.count < limit else { return nil }
            let connection = Connection(id: nextID, address: address, channel: channel, now: Date())
            connections[nextID] = connection
            nextID += 1
            return connection
        }
    }

    func remove(_ id: Int) { lock.withLock { connections[id] = nil } }

    var all: [Connection] { lock.withLock { connections.values.sorted { $0.id < $1.id } } }

    public var snapshot: [ConnectionInfo] { all.map(\.snapshot) }

    func connection(_ id: Int) -> Connection? { lock.withLock { connections[id] } }
}
