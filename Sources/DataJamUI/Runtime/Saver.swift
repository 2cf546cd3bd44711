import DataJamCore
import Foundation

/// Saves workshops in the background, one at a time, so that encoding and fsync never sit
/// between a keystroke and the next frame.
///
/// Requests made while a save runs are coalesced: only the newest is written next (it contains
/// every earlier change). Each save merges with what is on disk (`SessionStore.save(merging:)`), so
/// other writers' changes are kept and come back in the `.saved` answer.
public final class Saver: @unchecked Sendable {
    private let store: SessionStore
    private let inbox: MessageInbox
    private let queue = DispatchQueue(label: "datajam.saver")
    private let lock = NSLock()
    private var pending: (path: String, workshop: Workshop, revision: Int, journalSequence: Int)?
    private var running = false
    private let idle = DispatchGroup()
    /// Told, on the saver's queue, of each successful save: the path and the journal request it covers.
    private let onSaved: @Sendable (String, Int) -> Void

    public init(store: SessionStore, inbox: MessageInbox, onSaved: @escaping @Sendable (String, Int) -> Void = { _, _ in }) {
        self.store = store
        self.inbox = inbox
        self.onSaved = onSaved
    }

    /// Saves `workshop` in the background; `journalSequence` is the journal request it holds
    /// (`JournalKeeper.record`), so the journal can be emptied once the save is on disk.
    public func save(path: String, workshop: Workshop, revision: Int, journalSequence: Int = 0) {
        lock.lock()
        pending = (path, workshop, revision, journalSequence)
        let start = !running
        if start {
            running = true
            idle.enter()
        }
        lock.unlock()
        if start { queue.async { self.drain() } }
    }

    private func drain() {
        while true {
            lock.lock()
            guard let job = pending else {
                running = false
                lock.unlock()
                idle.leave()
                return
            }
            pending = nil
            lock.unlock()
            let result: Result<Workshop, SessionFileError>
            do {
                result = .success(try store.save(merging: job.workshop, to: job.path))
                onSaved(job.path, job.journalSequence)
            } catch {
                result = .failure(error)
            }
            inbox.post(.saved(path: job.path, revision: job.revision, result: result))
        }
    }

    /// Waits until every requested save has been written (or has failed): called before exiting.
    public func flush() {
        idle.wait()
    }

    /// Waits at most `timeout` seconds for every requested save; returns whether they all ended.
    public func flush(timeout: TimeInterval) -> Bool {
        idle.wait(timeout: .now() + timeout) == .success
    }
}
