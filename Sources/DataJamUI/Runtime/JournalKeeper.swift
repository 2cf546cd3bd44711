import DataJamCore
import Dispatch
import Foundation

/// Keeps this process's write-ahead journals: every change of an open workshop reaches the disk
/// within milliseconds of the key that made it, long before the save that follows it (a save of a
/// 10,000-finding workshop takes ~150 ms; a journal line takes one small append and `fdatasync`).
///
/// Runs on its own serial queue, not the saver's: a save may hold that one for 150 ms. Each request
/// carries the whole workshop (a copy-on-write value, so free to pass); the queue compares it with
/// the last one it journaled and appends only the records that changed. Requests made while one is
/// being written are coalesced into the newest. Once a save covers everything journaled, the
/// journal is emptied; on a clean exit it is removed.
public final class JournalKeeper: @unchecked Sendable {
    private let inbox: MessageInbox
    private let queue = DispatchQueue(label: "datajam.journal", qos: .userInitiated)
    private let lock = NSLock()
    /// Guarded by `lock`: requests not yet taken by the queue, and the last sequence number given.
    private var pending: [String: Request] = [:]
    private var sequence = 0
    /// Only touched on `queue`.
    private var journals: [String: PathState] = [:]

    private struct Request {
        var workshop: Workshop
        var revision: Int
        var sequence: Int
    }

    private struct PathState {
        /// The workshop as of the last journaled (or saved) request: the next line holds what changed since.
        var base: Workshop?
        var file: JournalFile?
        var journaledSequence = 0
        var coveredSequence = 0
        var failure: String?
        /// The workshop was left: the journal goes as soon as a save covers it.
        var ended = false
    }

    public init(inbox: MessageInbox) {
        self.inbox = inbox
    }

    /// The workshop as it was read from `path`: what later changes are compared with. Only the
    /// first call for a path counts; afterwards the last journaled workshop is the reference.
    ///
    /// The journal is created (empty) and locked at once, not at the first change: its lock tells
    /// other processes that this one has the file open (`OpenElsewhere`), so none renames it or
    /// puts it in the trash under us. A folder where it cannot be created only loses that notice;
    /// the first change says why the journal cannot be written.
    public func begin(path: String, workshop: Workshop) {
        queue.async { [self] in
            var state = journals[path, default: PathState()]
            if state.base == nil { state.base = workshop }
            if state.file == nil { state.file = try? JournalFile(beside: path) }
            state.ended = false
            journals[path] = state
        }
    }

    /// The workshop at `path` was left (back to the home screen): its journal is removed once a
    /// save covers everything in it, now or when that save lands.
    public func end(path: String) {
        queue.async { [self] in
            guard var state = journals[path] else { return }
            state.ended = true
            if state.journaledSequence <= state.coveredSequence {
                state.file?.remove()
                state.file = nil
            }
            journals[path] = state
        }
    }

    /// Journals `workshop` (revision `revision` of the open workshop) in the background, posting
    /// `.journaled` once it is on disk. Returns the request's number, for `covered(path:upTo:)`.
    @discardableResult
    public func record(path: String, workshop: Workshop, revision: Int) -> Int {
        lock.lock()
        sequence += 1
        let number = sequence
        let start = pending[path] == nil
        pending[path] = Request(workshop: workshop, revision: revision, sequence: number)
        lock.unlock()
        if start { queue.async { [self] in drain(path) } }
        return number
    }

    /// A save of `path` now holds every change up to request `sequence`.
    public func covered(path: String, upTo sequence: Int) {
        queue.async { [self] in
            var state = journals[path, default: PathState()]
            state.coveredSequence = max(state.coveredSequence, sequence)
            if state.journaledSequence <= state.coveredSequence {
                if state.ended {
                    state.file?.remove()
                    state.file = nil
                } else {
                    state.file?.clear()
                }
            }
            journals[path] = state
        }
    }

    /// Waits (at most `timeout` seconds) for the requests made so far to be written, then lets go
    /// of every journal: removed when a save covers it, kept for the next open otherwise.
    /// Returns whether everything was written in time.
    @discardableResult
    public func finish(timeout: TimeInterval) -> Bool {
        let done = DispatchSemaphore(value: 0)
        queue.async { [self] in
            for (path, state) in journals {
                if state.journaledSequence <= state.coveredSequence { state.file?.remove() } else { state.file?.close() }
                journals[path]?.file = nil
            }
            done.signal()
        }
        return done.wait(timeout: .now() + timeout) == .success
    }

    /// Waits until every request made so far is on disk (tests and the benchmark).
    public func waitUntilWritten() {
        queue.sync {}
        queue.sync {}
    }

    // MARK: - On the queue

    private func drain(_ path: String) {
        lock.lock()
        guard let request = pending.removeValue(forKey: path) else {
            lock.unlock()
            return
        }
        lock.unlock()
        var state = journals[path, default: PathState()]
        defer { journals[path] = state }
        if request.sequence <= state.coveredSequence {
            // A save got there first: nothing to journal.
            state.base = request.workshop
            state.journaledSequence = max(state.journaledSequence, request.sequence)
            state.file?.clear()
            inbox.post(.journaled(path: path, revision: request.revision))
            return
        }
        let entry: JournalEntry? = state.base.map { JournalEntry(from: $0, to: request.workshop) }
            ?? JournalEntry(everythingIn: request.workshop)
        do {
            if let entry {
                if state.file == nil { state.file = try JournalFile(beside: path) }
                try state.file?.append(entry)
            }
            state.base = request.workshop
            state.journaledSequence = request.sequence
            state.failure = nil
            inbox.post(.journaled(path: path, revision: request.revision))
        } catch {
            // The save still follows; the status keeps saying "saving…" until it lands.
            state.failure = error.description
        }
    }
}
