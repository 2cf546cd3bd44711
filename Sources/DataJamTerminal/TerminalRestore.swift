import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the terminal back on every way out of the program, so a participant is never left with a blank,
/// echo-less shell in the middle of a workshop.
///
/// - SIGTERM and SIGHUP (killed, or the terminal window closed): `endwin()` and exit with 128 + signal, the
///   shell's convention.
/// - Crash signals: the process state cannot be trusted, so only async-signal-safe calls are made: restore the
///   terminal modes saved before ncurses started (`tcsetattr`), leave the alternate screen and show the cursor
///   with a raw `write(2)`, then hand the signal to whatever handled it before (the default action, or the
///   Swift runtime's backtracer, whose report now lands on a usable terminal) and raise it again.
///
/// SIGWINCH is left alone: ncurses owns it and reports `KEY_RESIZE`. SIGINT stays with ncurses too: in raw
/// mode Ctrl-C is a key, and ncurses' own handler restores the terminal for an external `kill -INT`.
enum TerminalRestore {
    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP]
    /// SIGILL is what a Swift trap (`fatalError`, overflow, bad unwrap) raises on x86_64, SIGTRAP on arm64.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

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
    nonisolated(unsafe) static let installed: UnsafeMutablePointer<Bool> = {
        let pointer = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        pointer.initialize(to: false)
        return pointer
    }()
}

/// SIGTERM, SIGHUP: an orderly stop requested from outside. `endwin()` restores the modes ncurses saved and
/// leaves the alternate screen. `_exit` rather than `exit`: atexit handlers and stdio flushing are not safe in
/// a signal handler, and nothing the app needs happens there (sessions are saved as they change).
private func terminationHandler(_ signal: Int32) {
    endwin()
    _exit(128 + signal)
}

/// Crash signals: async-signal-safe calls only, then the previous disposition takes over.
private func crashHandler(_ signal: Int32) {
    if SignalState.hasSavedModes.pointee {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, SignalState.savedModes)
    }
    // Leave the alternate screen, show the cursor.
    let reset: StaticString = "\u{1b}[?1049l\u{1b}[?25h"
    _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
    _ = sigaction(signal, SignalState.previousActions + Int(signal), nil)
    _ = raise(signal)
}
