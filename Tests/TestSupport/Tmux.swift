import Foundation
import XCTest

/// Drives a real program in a tmux pane, as a user would: type keys, then poll the screen until
/// it shows what is expected (never a fixed sleep). Each session uses its own tmux server socket.
public final class TmuxSession {
    public let socket: String
    public let name = "datajam"
    private(set) var lastScreen = ""

    /// Starts `command` (a shell command line) in a `width`×`height` pane. After the command ends,
    /// the pane prints `EXIT=<status>` and the terminal's echo/icanon modes, so tests can check the
    /// terminal was restored.
    public init(width: Int = 80, height: Int = 24, command: String, environment: [String: String] = [:]) throws {
        socket = "datajam-test-\(UUID().uuidString.prefix(8))"
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "TZ": "UTC"]
        env.merge(environment) { $1 }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let script = "env \(exports) \(command); echo \"EXIT=$?\"; stty -a | tr -s ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 3600"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> ProcessResult {
        let result = try ProcessRunner.run("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
        if result.status != 0, arguments.first != "kill-server" {
            throw TmuxError(description: "tmux \(arguments.first ?? "") failed: \(result.stderr)")
        }
        return result
    }

    /// Sends key names (`Enter`, `Escape`, `C-g`, `Down`, `F10`, …).
    public func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types text literally (accents, Arabic, emoji included).
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Closes the pane's terminal under the program (as a dropped SSH connection does): the kernel
    /// sends it SIGHUP and its terminal reads and writes fail from then on.
    public func closeTerminal() {
        _ = try? tmux(["kill-server"])
    }

    /// Appends every byte the program writes to its terminal to `file` from now on (tmux pipe-pane), to check
    /// control sequences that leave nothing visible.
    public func recordOutput(to file: String) throws {
        try tmux(["pipe-pane", "-o", "-t", name, "cat >> " + Self.quote(file)])
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    public func screen() throws -> String {
        let text = try tmux(["capture-pane", "-p", "-t", name]).stdout
        lastScreen = text
        return text
    }

    /// Polls the screen every 50 ms until `condition` holds; fails the test with the whole screen
    /// after `timeout` seconds.
    @discardableResult
    public func waitFor(_ description: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                        _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = try screen()
            if condition(text) { return text }
            if Date() > deadline {
                XCTFail("timed out waiting for \(description); screen was:\n\(text)", file: file, line: line)
                throw TmuxError(description: "timed out waiting for \(description)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor("“\(text)”", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    public static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    public struct TmuxError: Error, CustomStringConvertible { public var description: String }

    public static var isAvailable: Bool {
        (try? ProcessRunner.run("/usr/bin/env", ["tmux", "-V"]).status) == 0
    }

    /// End-to-end tests fail, never skip, without tmux: a suite that skips its end-to-end tests would
    /// pass without having run the app once. `Tests/run` installs tmux.
    public static func requireTmux() throws {
        guard isAvailable else {
            throw TmuxError(description: "tmux is required for end-to-end tests: run Tests/run, or apt-get install -y tmux")
        }
    }
}
