import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Remembers the last version of each session file this process read or wrote, with the file's
/// identity (inode, size, change times), so that a save can skip re-reading a file nobody else
/// has replaced since. Every save replaces the file by a rename (a new inode), so any other
/// writer's save changes the identity and forces a real read and merge.
final class SessionFileCache: @unchecked Sendable {
    static let shared = SessionFileCache()

    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var changed: Int64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        }

        /// The identity of the file at `path` now, or nil when it cannot be stat'ed.
        static func of(_ path: String) -> Identity? {
            var info = stat()
            return stat(path, &info) == 0 ? Identity(info) : nil
        }
    }

    private let lock = NSLock()
    private var entries: [String: (Identity, Workshop)] = [:]

    func remember(_ workshop: Workshop, path: String, identity: Identity?) {
        lock.lock()
        defer { lock.unlock() }
        if let identity { entries[path] = (identity, workshop) } else { entries[path] = nil }
    }

    /// Whether the file at `path` is no longer the version this process last read or wrote
    /// (another process saved it). One `stat`: cheap enough to ask several times a second.
    func hasChanged(_ path: String) -> Bool {
        lock.lock()
        let entry = entries[path]
        lock.unlock()
        guard let (identity, _) = entry else { return true }
        return Identity.of(path) != identity
    }

    /// The workshop last seen at `path`, if the file is still exactly that version.
    func workshop(at path: String) -> Workshop? {
        lock.lock()
        let entry = entries[path]
        lock.unlock()
        guard let (identity, workshop) = entry, Identity.of(path) == identity else { return nil }
        return workshop
    }
}
