import Foundation

/// Messages posted by background work (saves) for the run loop to pick up.
public final class MessageInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []

    public init() {}

    public func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    public func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll()
        return taken
    }
}
