import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command to its end and returns what it printed (posix_spawn + a pipe, as `spawnAndWait`
/// does without one); nil when it cannot be started.
func spawnAndCapture(_ argv: [String]) -> String? {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return nil }
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let args = argv.map { strdup($0) } + [nil]
    defer { args.forEach { free($0) } }
    let started = posix_spawnp(&pid, argv[0], &actions, nil, args, environ) == 0
    close(pipeEnds[1])
    defer { close(pipeEnds[0]) }
    guard started else { return nil }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = read(pipeEnds[0], &chunk, chunk.count)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        output.append(contentsOf: chunk[0..<n])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return String(decoding: output, as: UTF8.self)
}

/// One pane of a private tmux server at a fixed size, in which commands are started one after
/// the other and the screen is read back, as a person would see it.
final class TmuxPane {
    private let socket: String
    let width: Int, height: Int

    init?(width: Int, height: Int) {
        socket = "datajam-bench-frame-\(getpid())"
        self.width = width
        self.height = height
        guard spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "bench",
                            "-x", "\(width)", "-y", "\(height)", "exec sleep 100000"]) == 0 else { return nil }
    }

    deinit { spawnAndWait(["tmux", "-L", socket, "kill-server"]) }

    func screen() -> String { spawnAndCapture(["tmux", "-L", socket, "capture-pane", "-p", "-t", "bench"]) ?? "" }

    /// Replaces whatever runs in the pane by `command` (run by the shell; `exec` keeps the pane's
    /// process the command's own).
    func start(_ command: String) { spawnAndWait(["tmux", "-L", socket, "respawn-pane", "-k", "-t", "bench", command]) }

    var processID: pid_t? {
        spawnAndCapture(["tmux", "-L", socket, "display-message", "-p", "-t", "bench", "#{pane_pid}"])
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Milliseconds from starting `command` to `expected` on the screen (polling the screen, never
    /// sleeping a fixed time); nil past `timeout` seconds. `whileShown` runs with the command still
    /// running, then the pane is emptied.
    func firstFrame(_ command: String, expected: String, timeout: Double = 30, whileShown: (() -> Void)? = nil) -> Double? {
        let start = DispatchTime.now().uptimeNanoseconds
        self.start(command)
        let deadline = start + UInt64(timeout * 1e9)
        var elapsed: Double?
        while DispatchTime.now().uptimeNanoseconds < deadline {
            if screen().contains(expected) {
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                break
            }
        }
        if elapsed != nil { whileShown?() }
        self.start("exec sleep 100000")
        // The next measure starts from an empty screen.
        let cleared = DispatchTime.now().uptimeNanoseconds + 5_000_000_000
        while DispatchTime.now().uptimeNanoseconds < cleared, screen().contains(expected) { usleep(2000) }
        return elapsed
    }
}

/// The peak resident memory of a process so far (VmHWM), in KiB.
func peakResidentKiB(_ pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
}
