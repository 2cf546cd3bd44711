/// A terminal that exists only in memory, for tests and headless runs.
///
/// Keys are scripted in advance and handed out one by one; every presented frame is kept so tests can assert
/// on the screen as text (`screenLines`) and on the cursor, exactly as a person would see them, without an
/// escape-code stream in sight.
public final class InMemoryTerminal: TerminalBackend {
    /// The size the app sees. Prefer ``resize(width:height:)``, which also queues the `.resize` key a real
    /// terminal would send.
    public var size: (width: Int, height: Int)
    /// Keys not yet read, first one next.
    public private(set) var pendingKeys: [Key]
    /// The last frame presented, nil before the first `present`.
    public private(set) var lastBuffer: ScreenBuffer?
    /// Where the last frame put the cursor; nil when it was hidden (or before the first `present`).
    public private(set) var lastCursor: (x: Int, y: Int)?
    /// How many frames were presented: lets a test check that an idle loop does not redraw needlessly.
    public private(set) var presentCount = 0
    /// How many times `readKey` found the queue empty (a real terminal would have timed out).
    public private(set) var idleReads = 0
    public private(set) var isShutDown = false
    /// A termination signal to report, as a real terminal does after SIGTERM, SIGHUP or SIGINT.
    public var terminationSignal: Int32?

    public init(width: Int = 80, height: Int = 24, keys: [Key] = []) {
        size = (max(0, width), max(0, height))
        pendingKeys = keys
    }

    /// Queues keys to be read after those already queued.
    public func enqueue(_ keys: Key...) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Queues `text` as typed characters, as a participant typing it would produce.
    public func type(_ text: String) {
        pendingKeys.append(contentsOf: text.map(Key.character))
    }

    /// Changes the size and queues `.resize`, the way a terminal window reports being resized.
    public func resize(width: Int, height: Int) {
        size = (max(0, width), max(0, height))
        pendingKeys.append(.resize)
    }

    /// The next scripted key, or nil at once when none is left: tests never wait for the timeout.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !pendingKeys.isEmpty else {
            idleReads += 1
            return nil
        }
        return pendingKeys.removeFirst()
    }

    public func present(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        lastBuffer = buffer
        lastCursor = cursor
        presentCount += 1
    }

    public func shutdown() {
        isShutDown = true
    }

    /// The last frame as plain text rows (trailing spaces trimmed); empty before the first `present`.
    public var screenLines: [String] { lastBuffer?.lines ?? [] }

    /// The last frame as one string, for readable test failures.
    public var screenText: String { screenLines.joined(separator: "\n") }
}
