import DataJamCore
import DataJamExport

/// I/O the update function asks for; the runtime performs it and answers with a `Message`.
public enum Effect: Sendable, Equatable {
    /// Save `workshop` merged with the file's current content (background; answered by `.saved`).
    case save(path: String, workshop: Workshop, revision: Int)
    /// List the session files of a folder (answered by `.sessionsListed`).
    case listSessions(folder: String)
    /// Load a session file (answered by `.workshopOpened`).
    case open(path: String)
    /// Write a new session file, never over an existing one (answered by `.workshopCreated`).
    case create(path: String, workshop: Workshop)
    /// Export the workshop to `path` (answered by `.exported`, or by `.exportWouldReplace` when
    /// something is at `path` and `replacing` is false).
    case export(format: ExportFormat, workshop: Workshop, path: String, language: ReportLanguage,
                anonymize: Bool = false, replacing: Bool = true)
    /// Merge another session file (a rapporteur's laptop copy) into `base` (answered by `.merged`).
    case merge(base: String, other: String)
    /// Move a session file into the trash folder beside it (answered by `.sessionFileMoved`).
    case trashSession(path: String)
    /// Rename a session file, never over another (answered by `.sessionFileMoved`).
    case renameSession(from: String, to: String)
    /// Write a new session file with the set-up of `source` (answered by `.workshopCreated`).
    case duplicate(source: String, path: String, theme: String, date: WorkshopDate?, city: String)
    /// `datajam serve`: close one SSH connection (its view saves and ends).
    case disconnect(connection: Int)
    /// `datajam serve`: the access code from now on.
    case changeAccessCode(String)
}

/// Everything that happens to the app: keys, time, and the answers to effects.
public enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(Timestamp)
    case saved(path: String, revision: Int, result: Result<Workshop, SessionFileError>)
    case sessionsListed(folder: String, [SessionListing])
    case workshopOpened(path: String, result: Result<Workshop, SessionFileError>)
    case workshopCreated(path: String, result: Result<Workshop, SessionFileError>)
    case exported(path: String, error: String?)
    /// An export was not written because an earlier one is at its path: the user decides.
    case exportWouldReplace(ExportRequest)
    /// The summary line of a merge, or why it could not be done.
    case merged(Result<String, SessionFileError>)
    /// Another process (another rapporteur, `datajam add`) saved the open file: its content, and
    /// when the watcher could, that content already merged into a snapshot of the open workshop
    /// (off the run loop: merging and comparing 10,000 findings would stall a frame).
    case changedElsewhere(path: String, workshop: Workshop, premerged: PremergedChange? = nil)
    /// A session file was put in the trash or renamed (`to`: where it is now), or why not.
    case sessionFileMoved(folder: String, trashed: Bool, result: Result<String, SessionFileError>)
    /// Revision `revision` of the open workshop is in its journal on disk: safe before the save lands.
    case journaled(path: String, revision: Int)
    /// Opening `path` (or watching it) replayed the journals crashed instances left, or could not.
    case journalsRecovered(path: String, SessionStore.JournalReport)
    /// `datajam serve`'s join lines and connections changed.
    case serving(ServingStatus)
}

/// One session file of the home screen: its summary, or why it cannot be read.
public struct SessionListing: Sendable, Equatable {
    public var path: String
    public var summary: Result<WorkshopSummary, SessionFileError>

    public init(path: String, summary: Result<WorkshopSummary, SessionFileError>) {
        self.path = path
        self.summary = summary
    }

    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}
