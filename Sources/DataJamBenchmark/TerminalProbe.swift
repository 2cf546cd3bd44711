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
        output = "\(NSTemporaryDirectory())/datajam-bench-pane-\(getpid()).out"
        guard spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "bench",
                            "-x", "\(width)", "-y", "\(height)", "exec sleep 100000"]) == 0 else { return nil }
        // Everything the programs in the pane write, as tmux reads it, appended to a file that
        // `firstFrame` watches; it survives `respawn-pane`.
        FileManager.default.createFile(atPath: output, contents: nil)
        spawnAndWait(["tmux", "-L", socket, "pipe-pane", "-t", "bench", "exec cat >> \(output)"])
    }

    deinit {
        spawnAndWait(["tmux", "-L", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: output)
    }

    /// The file the pane's output goes to.
    private let output: String

    func screen() -> String { spawnAndCapture(["tmux", "-L", socket, "capture-pane", "-p", "-t", "bench"]) ?? "" }

    /// Replaces whatever runs in the pane by `command` (run by the shell; `exec` keeps the pane's
    /// process the command's own).
    func start(_ command: String) { spawnAndWait(["tmux", "-L", socket, "respawn-pane", "-k", "-t", "bench", command]) }

    var processID: pid_t? {
        spawnAndCapture(["tmux", "-L", socket, "display-message", "-p", "-t", "bench", "#{pane_pid}"])
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Milliseconds from starting `command` to `expected` on the screen; nil past `timeout`
    /// seconds. `whileShown` runs with the command still running, then the pane is emptied.
    ///
    /// The moment is when tmux reads `expected` from the program (its output stream, watched
    /// through `pipe-pane` every 0.2 ms), confirmed on the screen (`capture-pane`). Polling the
    /// screen alone meant spawning `tmux capture-pane` back to back: that kept one of the
    /// machine's two cores busy while the program started, so a program that loads on two cores
    /// was measured on one. The stream is searched with its escape sequences left out (vim
    /// writes `#`, a colour, then `Banc d’`); the screen is also polled, every 20 ms, should the
    /// text reach it some other way.
    func firstFrame(_ command: String, expected: String, timeout: Double = 30, whileShown: (() -> Void)? = nil) -> Double? {
        let stream = FileHandle(forReadingAtPath: output)
        stream?.seekToEndOfFile()
        let marker = Array(expected.utf8)
        var seen: [UInt8] = []
        let start = DispatchTime.now().uptimeNanoseconds
        func milliseconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }
        self.start(command)
        var elapsed: Double?
        var lastScreenPoll = 0.0
        while milliseconds() < timeout * 1000 {
            if let stream {
                let chunk = stream.availableData
                if !chunk.isEmpty {
                    seen.append(contentsOf: chunk)
                    if TerminalStream.visibleText(seen).firstRange(of: marker) != nil {
                        let inStream = milliseconds()
                        // Confirmed on the screen (tmux has drawn what it read).
                        while milliseconds() < inStream + 1000, !screen().contains(expected) { usleep(500) }
                        if screen().contains(expected) { elapsed = inStream }
                        break
                    }
                }
            }
            // The fallback, every 20 ms: the text may reach the stream split by escape sequences.
            if milliseconds() - lastScreenPoll > 20 {
                lastScreenPoll = milliseconds()
                if screen().contains(expected) { elapsed = milliseconds(); break }
            }
            usleep(200)
        }
        try? stream?.close()
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

/// What a terminal program writes, seen as text.
enum TerminalStream {
    /// `bytes` without escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL or ESC \`, other
    /// two-byte `ESC x`) and control characters other than newline.
    static func visibleText(_ bytes: [UInt8]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B, i + 1 < bytes.count {
                switch bytes[i + 1] {
                case UInt8(ascii: "["):
                    i += 2
                    while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                    i += 1
                case UInt8(ascii: "]"):
                    i += 2
                    while i < bytes.count, bytes[i] != 0x07, !(bytes[i] == 0x1B && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\\")) { i += 1 }
                    i += bytes.indices.contains(i) && bytes[i] == 0x1B ? 2 : 1
                default:
                    i += 2
                }
                continue
            }
            if b >= 0x20 || b == 0x0A { text.append(b) }
            i += 1
        }
        return text
    }
}
