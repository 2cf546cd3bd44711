/// What the app's run loop needs from a terminal, and nothing more.
///
/// The run loop reads keys, renders the state into a ``ScreenBuffer`` and presents it. Keeping the terminal
/// behind this protocol lets the whole app run headless in tests (``InMemoryTerminal``) and keeps ncurses in a
/// single module. Backends are stateful resources (the previous frame, the terminal modes), hence classes.
public protocol TerminalBackend: AnyObject {
    /// Current terminal size in columns and rows. Read it after a `.resize` key and render at that size.
    var size: (width: Int, height: Int) { get }

    /// Waits up to `timeoutMilliseconds` for a key (a negative timeout waits indefinitely) and returns it, or
    /// nil when the time ran out or the input had no meaning, so the loop can run timers and polls.
    func readKey(timeoutMilliseconds: Int) -> Key?

    /// Shows `buffer` and puts the terminal cursor at `cursor` (a text field's insertion point), or hides it
    /// when nil.
    func present(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?)

    /// Gives the terminal back to the shell. Safe to call more than once.
    func shutdown()

    /// The termination signal (SIGTERM, SIGHUP, SIGINT) received since the terminal started, or nil. The run
    /// loop checks it between keys, saves what is pending, then shuts down.
    var terminationSignal: Int32? { get }
}

extension TerminalBackend {
    public var terminationSignal: Int32? { nil }
}
