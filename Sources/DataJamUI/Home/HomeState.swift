import DataJamCore

/// The home screen: the session files of the folder, newest first.
public struct HomeState: Sendable {
    public var listings: [SessionListing] = []
    /// False until the folder has been read once.
    public var loaded = false
    public var selected = 0
    public var scroll = 0

    public init() {}

    /// Readable files newest change first, then unreadable ones (shown with their error).
    public var sorted: [SessionListing] {
        listings.sorted { a, b in
            switch (a.summary, b.summary) {
            case (.success(let x), .success(let y)):
                return x.lastChange != y.lastChange ? x.lastChange > y.lastChange : a.path < b.path
            case (.success, .failure): return true
            case (.failure, .success): return false
            case (.failure, .failure): return a.path < b.path
            }
        }
    }

    mutating func clampSelection() {
        selected = max(0, min(selected, listings.count - 1))
    }
}

/// Who opened a popup from the home screen.
public enum HomePurpose: Sendable, Equatable {
    case newWorkshop
    /// The form was valid: its teams, one per line, are asked next.
    case newWorkshopTeams(NewWorkshopDraft)
    case duplicate(sourcePath: String)
    case merge(basePath: String)
    case trash(path: String)
    case rename(path: String)
}

/// A new workshop whose form was filled in, waiting for its list of teams.
public struct NewWorkshopDraft: Sendable, Equatable {
    public var theme: String
    public var date: WorkshopDate?
    public var city: String
    /// The chosen `WorkshopPreset`'s name.
    public var preset: String
}
