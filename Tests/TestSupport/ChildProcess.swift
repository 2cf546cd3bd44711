import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started in the background, for tests that must bound how long it runs (a command
/// that could block forever) or kill it at a chosen moment (`kill -9` in the middle of a save).
///
/// Output goes to files, not pipes, so that a blocked child never blocks the test on a full pipe.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private let outPath: String
    private let errPath: String
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments`; standard input is empty.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        let folder = FileManager.default.temporaryDirectory.path
        let id = UUID().uuidString
        outPath = "\(folder)/datajam-child-out-\(id)"
        errPath = "\(folder)/datajam-child-err-\(id)"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        if let environment { env.merge(environment) { $1 } }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw ProcessRunner.RunError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        pid = child
    }

    /// Starts the built `datajam` binary.
    public static func datajam(_ arguments: String...) throws -> ChildProcess {
        try ChildProcess(RepositoryPaths.binary, arguments)
    }

    /// Waits at most `seconds` for the program to end; returns its exit status (128 + the signal
    /// when a signal ended it), or nil when it is still running at the deadline.
    public func wait(seconds: Double) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            var status: Int32 = 0
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid {
                // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift cannot import as macros.
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                return exitStatus
            }
            if ended < 0, errno != EINTR { return nil }
            if Date() >= deadline { return nil }
            usleep(2_000)
        }
    }

    /// Sends `signal` (SIGKILL unless told) and reaps the program.
    @discardableResult
    public func kill(_ signal: Int32 = SIGKILL) -> Int32? {
        _ = Glibc.kill(pid, signal)
        return wait(seconds: 30)
    }

    public var stdout: String { String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self) }
    public var stderr: String { String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self) }

    deinit {
        if exitStatus == nil {
            _ = Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        unlink(outPath)
        unlink(errPath)
    }
}
