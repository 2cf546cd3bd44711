import DataJamCore
import DataJamExport
import Foundation

/// Performs the effects `AppUpdate` asks for, with the real file system, and posts the answers.
public final class EffectRunner: @unchecked Sendable {
    public let store: SessionStore
    public let inbox: MessageInbox
    public let saver: Saver
    public let journal: JournalKeeper
    /// `datajam serve`'s hands: disconnecting and changing the code (nil when not serving).
    public let serve: (@Sendable (Effect) -> Void)?

    public init(store: SessionStore = SessionStore(), inbox: MessageInbox, serve: (@Sendable (Effect) -> Void)? = nil) {
        self.store = store
        self.inbox = inbox
        self.serve = serve
        let journal = JournalKeeper(inbox: inbox)
        self.journal = journal
        self.saver = Saver(store: store, inbox: inbox, onSaved: { path, sequence in journal.covered(path: path, upTo: sequence) })
    }

    public func perform(_ effect: Effect) {
        switch effect {
        case .save(let path, let workshop, let revision):
            // The journal first: it is on disk within milliseconds, the save may take 150 ms.
            let sequence = journal.record(path: path, workshop: workshop, revision: revision)
            saver.save(path: path, workshop: workshop, revision: revision, journalSequence: sequence)
        case .disconnect, .changeAccessCode:
            serve?(effect)
        case .listSessions(let folder):
            inbox.post(.sessionsListed(folder: folder, Self.listings(in: folder, store: store)))
        case .open(let path):
            var report = SessionStore.JournalReport()
            inbox.post(.workshopOpened(path: path, result: Result { () throws(SessionFileError) in
                let opened = try store.loadRecoveringJournals(path)
                report = opened.report
                return opened.workshop
            }))
            if report != SessionStore.JournalReport() { inbox.post(.journalsRecovered(path: path, report)) }
        case .create(let path, let workshop):
            let target = Self.unusedPath(path)
            inbox.post(.workshopCreated(path: target, result: Result { () throws(SessionFileError) in
                try store.create(workshop, at: target)
                return workshop
            }))
        case .export(let format, let workshop, let path, let language, let anonymize, let replacing):
            // Exports are small next to a save; done here so the status answers at once.
            if !replacing, FileManager.default.fileExists(atPath: path) {
                inbox.post(.exportWouldReplace(ExportRequest(format: format, language: language, anonymize: anonymize, path: path)))
                return
            }
            var failure: String?
            do {
                let folder = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                // Never wait for the reader of a named pipe: the interface would freeze.
                try Exporter.write(format, [workshop], consolidated: false, language: language, anonymize: anonymize, to: path,
                                   waitingForReader: false)
            } catch {
                failure = "\(error)"
            }
            inbox.post(.exported(path: path, error: failure))
        case .merge(let base, let other):
            inbox.post(.merged(Result { () throws(SessionFileError) in
                let incoming = try store.load(other)
                var line = ""
                try store.update(base) { workshop in
                    var (merged, summary) = SessionMerge.merge(base: workshop, others: [incoming])
                    summary.target = base
                    line = summary.line
                    workshop = merged
                }
                return line
            }))
            inbox.post(.sessionsListed(folder: (base as NSString).deletingLastPathComponent, Self.listings(in: (base as NSString).deletingLastPathComponent, store: store)))
        case .trashSession(let path):
            let folder = (path as NSString).deletingLastPathComponent
            inbox.post(.sessionFileMoved(folder: folder, trashed: true, result: Result { () throws(SessionFileError) in try SessionFiles.trash(path) }))
            inbox.post(.sessionsListed(folder: folder, Self.listings(in: folder, store: store)))
        case .renameSession(let from, let to):
            let folder = (from as NSString).deletingLastPathComponent
            inbox.post(.sessionFileMoved(folder: folder, trashed: false, result: Result { () throws(SessionFileError) in
                try SessionFiles.rename(from, to: to)
                return to
            }))
            inbox.post(.sessionsListed(folder: folder, Self.listings(in: folder, store: store)))
        case .duplicate(let source, let path, let theme, let date, let city):
            let target = Self.unusedPath(path)
            inbox.post(.workshopCreated(path: target, result: Result { () throws(SessionFileError) in
                let copy = try store.load(source).setupCopy(theme: theme, date: date, city: city)
                try store.create(copy, at: target)
                return copy
            }))
        }
    }

    private let watchLock = NSLock()
    private var watching = false
    private var lastJournalCheck = Date.distantPast
    /// Journals already reported as unreadable: not retried by every poll.
    private var keptJournals: Set<String> = []

    /// Checks whether another process saved `path`; if so, reads it in the background and posts
    /// `.changedElsewhere`. One `stat` per call, so the run loop can call it several times a
    /// second without costing an idle instance anything noticeable.
    ///
    /// Every two seconds it also looks for journals that crashed instances left beside the file,
    /// saves them into it and posts the result as `.changedElsewhere`, so their records show here.
    ///
    /// `base`: the open workshop and its content version, into which the disk's content is merged
    /// in the background too (see `PremergedChange`).
    public func pollExternalChange(path: String, base: (workshop: Workshop, contentVersion: Int)? = nil) {
        let now = Date()
        if now.timeIntervalSince(lastJournalCheck) >= 2 {
            lastJournalCheck = now
            recoverDeadJournals(path: path)
        }
        guard store.changedElsewhere(path) else { return }
        watchLock.lock()
        guard !watching else { watchLock.unlock(); return }
        watching = true
        watchLock.unlock()
        DispatchQueue.global().async { [self] in
            defer {
                watchLock.lock()
                watching = false
                watchLock.unlock()
            }
            // A file that cannot be read (half-copied by hand, say) is ignored until it can be:
            // the next save will say why it refuses to overwrite it.
            guard let workshop = try? store.load(path) else { return }
            let premerged = base.map { PremergedChange(base: $0.workshop, contentVersion: $0.contentVersion, disk: workshop) }
            inbox.post(.changedElsewhere(path: path, workshop: workshop, premerged: premerged))
        }
    }

    private func recoverDeadJournals(path: String) {
        let dead = JournalRecovery.deadJournals(of: path)
        guard !dead.isEmpty else { return }
        watchLock.lock()
        guard !watching, !Set(dead).isSubset(of: keptJournals) else { watchLock.unlock(); return }
        watching = true
        watchLock.unlock()
        DispatchQueue.global().async { [self] in
            defer {
                watchLock.lock()
                watching = false
                watchLock.unlock()
            }
            guard let (workshop, report) = try? store.loadRecoveringJournals(path) else { return }
            // This process wrote the file, so the change poll will not report it: hand it over here.
            if report.recordCount > 0 { inbox.post(.changedElsewhere(path: path, workshop: workshop)) }
            watchLock.lock()
            keptJournals.formUnion(dead.filter { journal in report.problems.contains { $0.hasPrefix(journal) } })
            watchLock.unlock()
            if report != SessionStore.JournalReport() { inbox.post(.journalsRecovered(path: path, report)) }
        }
    }

    /// Every `.json` file of the folder, read and summarised (or with its error), but the
    /// programme file (`programme.json`): it is the workshops' programme, not a workshop.
    public static func listings(in folder: String, store: SessionStore) -> [SessionListing] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter {
            $0.hasSuffix(".\(SessionFormat.fileExtension)") && !$0.hasPrefix(".") && $0 != ProgrammeFormat.fileName
        }.sorted().map { name in
            let path = folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)"
            return SessionListing(path: path, summary: Result { () throws(SessionFileError) in WorkshopSummary(try store.load(path, remembering: false)) })
        }
    }

    /// `path`, or `path` numbered (`-2`, `-3`, …) when a file of that name exists.
    static func unusedPath(_ path: String) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return path }
        let stem = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        var n = 2
        while FileManager.default.fileExists(atPath: "\(stem)-\(n).json") { n += 1 }
        return "\(stem)-\(n).json"
    }
}
