import DataJamCore

/// The whole state of the interface: one value, changed only by `AppUpdate.update`.
public struct AppState: Sendable {
    public var lang: Lang
    /// Whether views lay out right-to-left text (``BidiPlacement``), or leave it to the terminal.
    public var laysOutRightToLeft = true
    public var width: Int
    public var height: Int
    /// The clock shown in the header and used for timers; advanced by `.tick`, so a rendering
    /// depends on the state alone.
    public var now: Timestamp
    /// The local time zone's offset, for the clock (0 in tests).
    public var utcOffsetSeconds: Int64 = 0
    /// The machine's IANA time zone, given to the workshops created here (nil in tests).
    public var machineTimeZone: String?
    public var sessionsFolder: String
    public var route: Route
    /// A modal popup over the screen; it takes the keys first.
    public var popup: Popup?
    public var status: StatusLine?
    public var shouldQuit = false
    /// Set once the user confirmed quitting despite a failed save.
    public var quitConfirmed = false
    /// How to join and who is connected, when this view is `datajam serve`'s.
    public var serving: ServingStatus?

    public init(lang: Lang, width: Int, height: Int, now: Timestamp, sessionsFolder: String, route: Route = .home(HomeState())) {
        self.lang = lang
        self.width = width
        self.height = height
        self.now = now
        self.sessionsFolder = sessionsFolder
        self.route = route
    }

    public enum Route: Sendable {
        case home(HomeState)
        case workshop(OpenWorkshop)
    }

    public var openWorkshop: OpenWorkshop? {
        get { if case .workshop(let w) = route { return w } else { return nil } }
        set { if let newValue { route = .workshop(newValue) } }
    }

    public var home: HomeState? {
        get { if case .home(let h) = route { return h } else { return nil } }
        set { if let newValue { route = .home(newValue) } }
    }

    /// The smallest terminal the interface lays out in; below it a message asks for more room.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}

/// A one-line message at the bottom of the screen.
public struct StatusLine: Sendable, Equatable {
    public enum Kind: Sendable { case info, warning, error }
    public var text: String
    public var kind: Kind
    /// When it stops being shown; nil keeps it until replaced (errors the user must see).
    public var until: Timestamp?

    public init(_ text: String, kind: Kind = .info, until: Timestamp? = nil) {
        self.text = text
        self.kind = kind
        self.until = until
    }
}

extension AppState {
    mutating func inform(_ text: String, seconds: Int64 = 4) {
        status = StatusLine(text, kind: .info, until: Timestamp(milliseconds: now.milliseconds + seconds * 1000))
    }

    mutating func warn(_ text: String) {
        status = StatusLine(text, kind: .warning, until: Timestamp(milliseconds: now.milliseconds + 8000))
    }

    mutating func fail(_ text: String) {
        status = StatusLine(text, kind: .error)
    }
}
