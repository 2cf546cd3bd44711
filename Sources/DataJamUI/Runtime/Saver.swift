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
    private var pending: (path: String, workshop: Workshop, revision: Int)?
    private var running = false
    private let idle = DispatchGroup()

    public init(store: SessionStore, inbox: MessageInbox) {
        self.store = store
        self.inbox = inbox
    }

    public func save(path: String, workshop: Workshop, revision: Int) {
        lock.lock()
        pending = (path, workshop, revision)
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
}
