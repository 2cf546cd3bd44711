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

    /// Sends a message through `update` and performs the effects it asks for.
    public func send(_ message: Message) {
        for effect in AppUpdate.update(&state, message) { effects.perform(effect) }
    }

    /// Runs until the user quits; every requested save is on disk when it returns.
    public func run(initialEffects: [Effect] = []) {
        let size = backend.size
        send(.resize(width: size.width, height: size.height))
        send(.tick(clock()))
        for effect in initialEffects { effects.perform(effect) }
        while !state.shouldQuit {
            step(timeoutMilliseconds: 250)
        }
        effects.saver.flush()
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
        if let open = state.openWorkshop { effects.pollExternalChange(path: open.path) }
    }
}
