import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the terminal back on every way out of the program, so a participant is never left with a blank,
/// echo-less shell in the middle of a workshop.
///
/// - SIGTERM, SIGHUP (killed, the terminal window closed, an SSH connection dropped) and an external SIGINT:
///   the handler only records the signal (async-signal-safe). The run loop, which wakes at least every 250 ms,
///   sees it (``requestedSignal``), waits a few seconds at most for saves in progress, gives the terminal back
///   and exits with 128 + signal, the shell's convention. A second termination signal meanwhile restores the
///   terminal modes and exits at once, as the crash handler does.
/// - Crash signals: the process state cannot be trusted, so only async-signal-safe calls are made: restore the
///   terminal modes saved before ncurses started (`tcsetattr`), leave the alternate screen and show the cursor
///   with a raw `write(2)`, then hand the signal to whatever handled it before (the default action, or the
///   Swift runtime's backtracer, whose report now lands on a usable terminal) and raise it again.
///
/// SIGWINCH is left alone: ncurses owns it and reports `KEY_RESIZE`. In raw mode Ctrl-C is a key, so SIGINT
/// only comes from outside (`kill -INT`).
enum TerminalRestore {
    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    /// SIGILL is what a Swift trap (`fatalError`, overflow, bad unwrap) raises on x86_64, SIGTRAP on arm64.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// BDSM (terminal-wg BiDi proposal, mode 8): reset = the application lays out bidirectional text, set =
    /// the terminal does (its default). Terminals that do no bidirectional layout ignore both.
    static let applicationLaysOutBidi: StaticString = "\u{1b}[8l"
    static let terminalLaysOutBidi: StaticString = "\u{1b}[8h"

    /// Writes a control sequence straight to the terminal, outside ncurses' buffered output.
    static func send(_ sequence: StaticString) {
        _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
    }

    /// Records the terminal modes the shell had, before ncurses changes them. Call before `newterm`.
    static func saveTerminalModes() {
        SignalState.hasSavedModes.pointee = tcgetattr(STDIN_FILENO, SignalState.savedModes) == 0
    }

    /// Installs the handlers, remembering what they replace. Call after `newterm`, which installs ncurses' own.
    static func install() {
        guard !SignalState.installed.pointee else { return }
        for signal in terminationSignals { install(terminationHandler, for: signal) }
        for signal in crashSignals { install(crashHandler, for: signal) }
        SignalState.installed.pointee = true
    }

    /// The termination signal received since ``install()``, or nil.
    static var requestedSignal: Int32? {
        let signal = SignalState.requestedSignal.pointee
        return signal == 0 ? nil : signal
    }

    /// Puts back the handlers that were there before ``install()``.
    static func uninstall() {
        guard SignalState.installed.pointee else { return }
        for signal in terminationSignals + crashSignals {
            _ = sigaction(signal, SignalState.previousActions + Int(signal), nil)
        }
        SignalState.installed.pointee = false
    }

    private static func install(_ handler: @escaping @convention(c) (Int32) -> Void, for signal: Int32) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        _ = sigaction(signal, &action, SignalState.previousActions + Int(signal))
    }
}

/// State shared with the signal handlers, which are C function pointers and cannot capture anything.
///
/// Raw pointers allocated once, rather than Swift global variables: a handler may interrupt any code, and
/// touching a Swift global from it could run the global's lazy initialiser (allocation, locks) or the
/// exclusivity checker. The pointers are initialised on the UI thread by `saveTerminalModes()` and `install()`
/// before any handler can run, and the handlers only read them; that ordering, not the compiler, is what makes
/// this safe, hence `nonisolated(unsafe)`.
private enum SignalState {
    /// Large enough to index by any signal number (NSIG is 65 on Linux, 32 on macOS).
    static let signalSlots = 65
    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        pointer.initialize(repeating: sigaction(), count: signalSlots)
        return pointer
    }()
    nonisolated(unsafe) static let savedModes: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()
    nonisolated(unsafe) static let hasSavedModes: UnsafeMutablePointer<Bool> = {
        let pointer = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        pointer.initialize(to: false)
        return pointer
    }()
    /// The first termination signal received (0: none). Written by the handler, read by the run loop between
    /// opaque C calls, which reload it.
    nonisolated(unsafe) static let requestedSignal: UnsafeMutablePointer<Int32> = {
        let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()
    nonisolated(unsafe) static let installed: UnsafeMutablePointer<Bool> = {
        let pointer = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        pointer.initialize(to: false)
        return pointer
    }()
}

/// SIGTERM, SIGHUP, SIGINT: an orderly stop requested from outside. The first one is only recorded: the run
/// loop saves what is pending and shuts the terminal down itself (ncurses calls are not safe here). A second one
/// means "now": restore the terminal with async-signal-safe calls and `_exit` (atexit handlers and stdio
/// flushing are not safe in a signal handler; the journal already holds every change made).
private func terminationHandler(_ signal: Int32) {
    if SignalState.requestedSignal.pointee == 0 {
        SignalState.requestedSignal.pointee = signal
        return
    }
    restoreTerminalFromHandler()
    _exit(128 + signal)
}

/// Crash signals: async-signal-safe calls only, then the previous disposition takes over.
private func crashHandler(_ signal: Int32) {
    restoreTerminalFromHandler()
    _ = sigaction(signal, SignalState.previousActions + Int(signal), nil)
    _ = raise(signal)
}

/// The shell's terminal modes, the main screen and a visible cursor, with async-signal-safe calls only. Writes
/// to a terminal that is gone (after SIGHUP) fail with EIO and are ignored.
private func restoreTerminalFromHandler() {
    if SignalState.hasSavedModes.pointee {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, SignalState.savedModes)
    }
    // Leave the alternate screen, show the cursor, give bidirectional layout back to the terminal.
    let reset: StaticString = "\u{1b}[?1049l\u{1b}[?25h\u{1b}[8h"
    _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
}
