import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running in a pseudo-terminal of its own: the rapporteur's `datajam open`.
///
/// Started with posix_spawn rather than fork: after fork, a multithreaded Swift process may only
/// make async-signal-safe calls, which Swift code cannot promise. The child is the leader of a new
/// session (POSIX_SPAWN_SETSID) and opens the terminal's slave side as its standard input, which
/// makes it its controlling terminal: closing the master or SIGHUP to its group ends it as a
/// dropped connection ends a login shell.
public final class PseudoTerminal: @unchecked Sendable {
    public let pid: pid_t
    /// The master side: what the child writes is read here, what is written here the child reads.
    public let master: Int32
    private let lock = NSLock()
    private var exitStatus: Int32?
    private var closed = false
    private var finished = false

    /// TIOCSPTLCK and TIOCGPTN (`_IOW('T', 0x31, int)`, `_IOR('T', 0x30, unsigned int)`), the same on
    /// every Linux architecture Swift runs on; Swift does not import these function-like macros.
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430

    public struct SpawnError: Error, CustomStringConvertible { public var description: String }

    public init(executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        // posix_openpt, grantpt and unlockpt are not imported by Swift's Glibc module; on Linux they
        // are exactly this: open /dev/ptmx, clear the lock, ask for the slave's number.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw SpawnError(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            let reason = String(cString: strerror(errno))
            close(master)
            throw SpawnError(description: "cannot set up a pseudo-terminal: \(reason)")
        }
        let slavePath = "/dev/pts/\(number)"
        Self.setSize(master, columns: columns, rows: rows)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (glibc applies the attributes first): the slave becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // NIO ignores SIGPIPE and ignored signals survive exec: the child starts with every default.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID, which Swift does not import (a GNU extension)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | setsid))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw SpawnError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        pid = child
        self.master = master
    }

    /// What a window-change request does: the child gets SIGWINCH from the kernel.
    public func resize(columns: Int, rows: Int) {
        lock.lock()
        defer { lock.unlock() }
        if !closed { Self.setSize(master, columns: columns, rows: rows) }
    }

    private static func setSize(_ fd: Int32, columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(clamping: max(rows, 1)), ws_col: UInt16(clamping: max(columns, 1)), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
    }

    /// Writes everything (the rapporteur's keys), retrying short writes; false once the child is gone.
    /// The master is non-blocking so that a child that stops reading never blocks the event loop for
    /// long: the write gives up after two seconds of a full buffer.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return false }
        var offset = 0
        var waits = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                guard errno == EAGAIN, waits < 20 else { return false }
                waits += 1
                var entry = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, 100)
                continue
            }
            offset += written
        }
        return true
    }

    /// Blocks until the child writes; nil when its side is closed (it ended).
    public func read(max: Int = 16_384) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: max)
        while true {
            var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, max) }
            if count > 0 { return Array(buffer[0..<count]) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            return nil
        }
    }

    /// Sends `signal` to the child's whole process group (it leads its own session).
    public func signal(_ signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if exitStatus == nil { _ = kill(-pid, signal) }
    }

    /// Waits for the child (blocking) and closes the master; the exit status, 128 + signal when killed.
    /// Called once, by the thread that read until the end.
    @discardableResult
    public func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        lock.lock()
        exitStatus = code
        closed = true
        close(master)
        lock.unlock()
        return code
    }
}

extension PseudoTerminal {
    /// True once the child has been reaped (by the thread that read its output to the end).
    public var hasEnded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return exitStatus != nil
    }

    /// True once the thread that pumped its output is done with the event loop too: the server
    /// may shut its loop down only then.
    public var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    public func markFinished() {
        lock.lock()
        finished = true
        lock.unlock()
    }
}
