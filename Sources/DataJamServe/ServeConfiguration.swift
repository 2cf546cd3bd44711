import Foundation

/// Everything `datajam serve` decides before it listens.
public struct ServeConfiguration: Sendable {
    /// The session file every rapporteur's view opens.
    public var file: String
    /// The `datajam` executable the rapporteurs' views run (the running one).
    public var executable: String
    public var listen: String = "127.0.0.1"
    public var port: Int = 2222
    public var hostKey: HostKey
    public var codes: AccessCodes
    public var log: ServeLog
    /// Connections left without typing this long are closed (the rapporteur reconnects).
    public var idleTimeout: TimeInterval = 60 * 60
    /// Time to log in, as OpenSSH's LoginGraceTime.
    public var loginGrace: TimeInterval = 60
    /// Rapporteur views running at once.
    public var maximumSessions: Int = 40
    /// The interface language for a client's environment requests (LANG, LC_ALL, LC_MESSAGES), "fr" or "en".
    public var language: @Sendable ([String: String]) -> String
    /// The environment every view starts with (PATH, HOME, TZ, a UTF-8 locale), before TERM.
    public var childEnvironment: [String: String]
    public var throttle = LoginThrottle()
    /// Every view started, until it ended and its output was pumped.
    public let children = ChildTracker()

    public init(file: String, executable: String, hostKey: HostKey, codes: AccessCodes, log: ServeLog,
                childEnvironment: [String: String], language: @escaping @Sendable ([String: String]) -> String) {
        self.file = file
        self.executable = executable
        self.hostKey = hostKey
        self.codes = codes
        self.log = log
        self.childEnvironment = childEnvironment
        self.language = language
    }

    /// Client variables that may choose the language; nothing else from the client's environment reaches the view.
    public static let languageVariables: Set<String> = ["LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"]

    /// Connections at once, logged-in or not: a few more than sessions, for people still typing the code.
    var maximumConnections: Int { maximumSessions + 16 }
}
