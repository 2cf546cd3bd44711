import DataJamCore
import Foundation

/// `datajam open FILE`: the file is read and checked on another thread from the process's first
/// instant, while the command line is parsed (a few milliseconds) — a large workshop is on screen
/// that much sooner. `OpenCommand` then takes the result for the same path, or loads as before.
///
/// Only the plain load runs ahead, and only when no crashed instance left journals: replaying
/// them writes the file, which must wait until the command line is known to be right.
enum OpeningAhead {
    private final class Pending: @unchecked Sendable {
        let path: String
        let done = DispatchSemaphore(value: 0)
        /// Written once by the loading thread before `done` is signalled, read after.
        var result: Result<Workshop, SessionFileError>?
        init(path: String) { self.path = path }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: Pending?

    /// Starts loading when `arguments` (the process's, program name first) are `open FILE …`.
    static func start(_ arguments: [String]) {
        guard arguments.count >= 3, arguments[1] == "open", !arguments[2].hasPrefix("-") else { return }
        let ahead = Pending(path: arguments[2])
        lock.withLock { pending = ahead }
        Thread.detachNewThread {
            if JournalRecovery.deadJournals(of: ahead.path).isEmpty {
                do throws(SessionFileError) { ahead.result = .success(try SessionStore().load(ahead.path)) } catch { ahead.result = .failure(error) }
            }
            ahead.done.signal()
        }
    }

    /// Whether `path` is being loaded ahead.
    static func isLoading(_ path: String) -> Bool {
        lock.withLock { pending?.path == path }
    }

    /// What loading `path` ahead gave, waiting for it if needed; nil when nothing was loaded ahead
    /// for that path (the caller loads, replaying journals).
    static func take(_ path: String) -> Result<Workshop, SessionFileError>? {
        let ahead: Pending? = lock.withLock {
            defer { pending = nil }
            return pending
        }
        guard let ahead, ahead.path == path else { return nil }
        ahead.done.wait()
        return ahead.result
    }
}
