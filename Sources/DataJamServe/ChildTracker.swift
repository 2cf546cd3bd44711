import Foundation

/// Every view the server started, until its output thread is done: a view whose connection
/// already closed is still saving, and stopping the server waits for it too.
public final class ChildTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var children: [PseudoTerminal] = []

    public init() {}

    func add(_ child: PseudoTerminal) { lock.withLock { children.append(child) } }

    private func pruned() -> [PseudoTerminal] {
        lock.withLock {
            children.removeAll { $0.isFinished }
            return children
        }
    }

    /// Views still running.
    var running: [PseudoTerminal] { pruned().filter { !$0.hasEnded } }
    /// Views whose output thread may still use the event loop.
    var unfinished: Int { pruned().count }
}
