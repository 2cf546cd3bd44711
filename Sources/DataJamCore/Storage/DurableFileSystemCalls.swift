import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension DurableFile {
    /// The system calls of a durable write whose failure matters: filling the temp file, flushing
    /// it, renaming it into place and flushing the folder. Tests replace them (`withSystemCalls`)
    /// to make exactly one fail, as a full disk or a failing drive would, and check that nothing
    /// is lost; the program itself always uses `.system`.
    struct SystemCalls: Sendable {
        var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int
        var fsync: @Sendable (_ fd: Int32) -> Int32
        var rename: @Sendable (_ from: String, _ to: String) -> Int32
        var fsyncFolder: @Sendable (_ fd: Int32) -> Int32

        static let system = SystemCalls(
            write: { Glibc.write($0, $1, $2) },
            fsync: { Glibc.fsync($0) },
            rename: { Glibc.rename($0, $1) },
            fsyncFolder: { Glibc.fsync($0) })
    }

    private final class CallsBox: @unchecked Sendable {
        let lock = NSLock()
        var calls = SystemCalls.system
    }

    private static let box = CallsBox()

    static var systemCalls: SystemCalls {
        box.lock.lock()
        defer { box.lock.unlock() }
        return box.calls
    }

    /// Runs `body` with `calls` in place of the real system calls, for every durable write of the
    /// process, then puts the real ones back.
    static func withSystemCalls<T>(_ calls: SystemCalls, _ body: () throws -> T) rethrows -> T {
        box.lock.lock()
        box.calls = calls
        box.lock.unlock()
        defer {
            box.lock.lock()
            box.calls = .system
            box.lock.unlock()
        }
        return try body()
    }
}
