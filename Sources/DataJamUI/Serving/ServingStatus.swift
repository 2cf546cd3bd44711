import DataJamCore

/// What `datajam serve` tells the facilitator's view: how to join, and who is connected. Posted
/// by the server (a `.serving` message) whenever it changes; nil when the view is not serving.
public struct ServingStatus: Sendable, Equatable {
    /// One `ssh -p 2222 team@address` line per team and address, with the team's name.
    public var joinLines: [String]
    public var code: String
    public var fingerprint: String
    public var connections: [ServedConnection]

    public init(joinLines: [String], code: String, fingerprint: String, connections: [ServedConnection]) {
        self.joinLines = joinLines
        self.code = code
        self.fingerprint = fingerprint
        self.connections = connections
    }
}

/// One SSH connection in the facilitator's list.
public struct ServedConnection: Sendable, Equatable {
    public var id: Int
    /// The team whose view runs, "full view", or the user name typed while still logging in.
    public var who: String
    public var address: String
    public var since: Timestamp
    public var lastActivity: Timestamp

    public init(id: Int, who: String, address: String, since: Timestamp, lastActivity: Timestamp) {
        self.id = id
        self.who = who
        self.address = address
        self.since = since
        self.lastActivity = lastActivity
    }
}

/// What the connections popup's answer is for.
public enum ServingPurpose: Sendable, Equatable {
    case connections
    case changeCode
}
