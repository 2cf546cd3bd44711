import DataJamCore
import Foundation

/// The run loop: keys and background answers in, `update`, render, present; until quit.
public final class AppRuntime {
    public private(set) var state: AppState
    private let backend: TerminalBackend
    private let effects: EffectRunner
    private let clock: () -> Timestamp

    public init(state: AppState, backend: TerminalBackend, effects: EffectRunner, clock: @escaping () -> Timestamp = { .now() }) {
        self.state = state
        self.backend = backend
        self.effects = effects
        self.clock = clock
    }

    /// The signal (SIGTERM, SIGHUP, SIGINT) that ended ``run(initialEffects:)``, or nil when the user quit.
    public private(set) var stoppedBySignal: Int32?
    /// How long a stop by signal waits for saves in progress before giving the terminal back.
    public var signalFlushSeconds: TimeInterval = 4
    private var journalBasePath: String?

    /// Sends a message through `update` and performs the effects it asks for.
    public func send(_ message: Message) {
        noteOpenWorkshop()
        for effect in AppUpdate.update(&state, message) { effects.perform(effect) }
        noteOpenWorkshop()
    }

    /// Tells the journal keeper when a workshop is opened (what its journal compares later changes
    /// with, and the lock that says the file is open here) and when it is left.
    private func noteOpenWorkshop() {
        let path = state.openWorkshop?.path
        guard path != journalBasePath else { return }
        if let left = journalBasePath { effects.journal.end(path: left) }
        if let open = state.openWorkshop { effects.journal.begin(path: open.path, workshop: open.workshop) }
        journalBasePath = path
    }

    /// Runs until the user quits or a termination signal arrives; every requested save is on disk
    /// when it returns (after a signal, within ``signalFlushSeconds``).
    public func run(initialEffects: [Effect] = []) {
        let size = backend.size
        send(.resize(width: size.width, height: size.height))
        send(.tick(clock()))
        for effect in initialEffects { effects.perform(effect) }
        while !state.shouldQuit {
            if let signal = backend.terminationSignal {
                stop(by: signal)
                return
            }
            // While a change is not yet on disk, wake often, so the status says "kept" as soon as
            // it is: a rapporteur (and a test) can trust what the screen says is safe.
            let waiting = state.openWorkshop.map { !$0.isDurable && $0.saveError == nil } ?? false
            step(timeoutMilliseconds: waiting ? 10 : 250)
        }
        effects.saver.flush()
        effects.journal.finish(timeout: 5)
        backend.shutdown()
    }

    /// A stop asked from outside (the terminal closed, `kill`): keys already typed are taken in
    /// (a finding whose Enter was pressed is recorded), saves in progress are waited for, within a
    /// bound, and only then is the terminal given back, since after SIGHUP writing to it may fail.
    /// A second signal meanwhile ends the process at once (the backend sees to it).
    private func stop(by signal: Int32) {
        stoppedBySignal = signal
        for _ in 0..<10_000 {
            guard let key = backend.readKey(timeoutMilliseconds: 0), !state.shouldQuit else { break }
            if key != .resize { send(.key(key)) }
        }
        let deadline = Date().addingTimeInterval(signalFlushSeconds)
        _ = effects.saver.flush(timeout: signalFlushSeconds)
        effects.journal.finish(timeout: max(0.1, deadline.timeIntervalSinceNow))
        backend.shutdown()
    }

    /// One turn of the loop: answers, a frame, then at most one key (or a tick when none came).
    public func step(timeoutMilliseconds: Int) {
        for message in effects.inbox.drain() { send(message) }
        let frame = AppView.render(state)
        backend.present(frame.buffer, cursor: frame.cursor)
        if state.shouldQuit { return }
        let key = backend.readKey(timeoutMilliseconds: timeoutMilliseconds)
        switch key {
        case .resize?:
            let size = backend.size
            send(.resize(width: size.width, height: size.height))
        case let key?:
            send(.tick(clock()))
            send(.key(key))
        case nil:
            send(.tick(clock()))
        }
        if let open = state.openWorkshop {
            effects.pollExternalChange(path: open.path, base: (open.workshop, open.contentVersion))
        }
    }
}
