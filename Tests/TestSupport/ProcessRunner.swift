import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion and captures what it printed.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it with `waitpid`.
    ///
    /// Not Foundation's `Process`: when the child leaves a daemon behind (tmux starts its server),
    /// `Process.waitUntilExit` can wait forever on a child that has already exited. Output goes
    /// to files rather than pipes for the same reason (the daemon would hold a pipe open).
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           currentDirectory: String? = nil, stdin: String? = nil) throws -> ProcessResult {
        let folder = FileManager.default.temporaryDirectory.path
        let id = UUID().uuidString
        let outPath = "\(folder)/datajam-out-\(id)", errPath = "\(folder)/datajam-err-\(id)", inPath = "\(folder)/datajam-in-\(id)"
        FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))
        defer { for path in [outPath, errPath, inPath] { unlink(path) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        if let environment { env.merge(environment) { $1 } }
        // A working folder is set by a shell that changes into it, then becomes the program.
        let command = currentDirectory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw RunError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw RunError(description: "waitpid failed: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift cannot import as macros.
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ProcessResult(status: exitCode,
                             stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                             stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    public struct RunError: Error, CustomStringConvertible { public var description: String }

    /// Runs the built `datajam` binary.
    @discardableResult
    public static func datajam(_ arguments: String..., in folder: String? = nil) throws -> ProcessResult {
        try run(RepositoryPaths.binary, arguments, currentDirectory: folder)
    }

    @discardableResult
    public static func datajam(arguments: [String], in folder: String? = nil,
                               environment: [String: String]? = nil) throws -> ProcessResult {
        try run(RepositoryPaths.binary, arguments, environment: environment, currentDirectory: folder)
    }
}
