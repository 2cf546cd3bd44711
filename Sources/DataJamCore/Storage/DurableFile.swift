import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Low-level file operations that never lose data: atomic, durable replacement and a folder lock.
public enum DurableFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Replaces `path` with `data` so that a crash or power cut at any moment leaves either the
    /// old file or the new one, whole: temp file in the same folder, fsync, rename, fsync the
    /// folder. An existing file keeps its permission bits; a new one is created 0600 (session files
    /// name people).
    public static func write(_ data: Data, to path: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var mode: mode_t = 0o600
        var existing = stat()
        if stat(path, &existing) == 0 { mode = existing.st_mode & 0o7777 }

        var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw Failure(description: "cannot create a file in \(folder): \(errnoText()); check the folder exists and is writable")
        }
        let tempPath = String(cString: template)
        var ok = false
        defer {
            if !ok { unlink(tempPath) }
        }
        let filled = fill(fd, with: data, mode: mode)
        close(fd)
        if let filled { throw filled }
        guard rename(tempPath, path) == 0 else {
            throw Failure(description: "cannot replace the file: \(errnoText())")
        }
        ok = true
        // The rename is only durable once the folder's entry is on disk.
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    /// Runs `body` holding an exclusive lock on `folder`, so that read-merge-write sequences of
    /// several processes on files of that folder never interleave. The lock is on the folder,
    /// not the file, because each save replaces the file by a rename; it leaves nothing behind.
    public static func withFolderLock<T, E: Error>(_ folder: String, _ body: () throws(E) -> T) throws -> T {
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else {
            throw Failure(description: "cannot open the folder \(folder): \(errnoText())")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw Failure(description: "cannot lock the folder \(folder): \(errnoText())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Writes all of `data` to `fd` with `mode` and flushes it to disk; returns what went wrong.
    private static func fill(_ fd: Int32, with data: Data, mode: mode_t) -> Failure? {
        guard fchmod(fd, mode) == 0 else { return Failure(description: "cannot set permissions: \(errnoText())") }
        let failure: Failure? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return Failure(description: "cannot write: \(errnoText()) (is the disk full?)")
                }
                offset += n
            }
            return nil
        }
        if let failure { return failure }
        guard fsync(fd) == 0 else { return Failure(description: "cannot flush to disk: \(errnoText())") }
        return nil
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
