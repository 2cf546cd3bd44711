import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Low-level file operations that never lose data: atomic, durable replacement, a folder lock,
/// and the clean-up of what a writer killed mid-save leaves behind.
public enum DurableFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Marks a save's temporary copy: `.<name>.datajam-tmp-XXXXXX`, hidden, beside the file.
    static let temporaryMarker = ".datajam-tmp-"

    /// Replaces `path` with `data` so that a crash or power cut at any moment leaves either the
    /// old file or the new one, whole: temp file in the same folder, fsync, rename, fsync the
    /// folder. An existing file keeps its permission bits; a new one is created 0600 (session files
    /// name people). `path` must not be a symbolic link (resolve it first: see `OutputTarget`).
    ///
    /// Call it holding `withFolderLock` on the file's folder whenever another process may write
    /// in that folder: `removeStaleTemporaryFiles` relies on every temp file being made and
    /// renamed under that lock.
    ///
    /// When it throws, the file at `path` is exactly what it was and no temp file is left, except
    /// when only the final flush of the folder failed: the new file is then in place, whole, but a
    /// power cut could still bring back the old one, and the error says so.
    public static func write(_ data: Data, to path: String) throws(Failure) {
        let calls = systemCalls
        let folder = folderOf(path)
        let name = (path as NSString).lastPathComponent
        var mode: mode_t = 0o600
        var existing = stat()
        if stat(path, &existing) == 0 { mode = existing.st_mode & 0o7777 }

        var template = Array("\(folder)/\(temporaryPrefix(for: name))XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else {
            throw Failure(description: "cannot create a file in \(folder): \(errnoText()); check the folder exists and is writable")
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let tempPath = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(tempPath) }
        }
        let filled = fill(fd, with: data, mode: mode, calls: calls)
        close(fd)
        if let filled { throw filled }
        guard calls.rename(tempPath, path) == 0 else {
            throw Failure(description: "cannot replace the file: \(errnoText()); check the folder's permissions, then try again (\(unchanged))")
        }
        renamed = true
        // The rename is only durable once the folder's entry is on disk.
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        let synced = folderFD >= 0 && calls.fsyncFolder(folderFD) == 0
        let reason = errnoText()
        if folderFD >= 0 { close(folderFD) }
        guard synced else {
            throw Failure(description: "written, but the folder could not be flushed to disk: \(reason); check the disk, then try again (a power cut now could bring back the previous version)")
        }
    }

    /// Runs `body` holding an exclusive lock on `folder`, so that read-merge-write sequences of
    /// several processes on files of that folder never interleave. The lock is on the folder,
    /// not the file, because each save replaces the file by a rename; it leaves nothing behind.
    public static func withFolderLock<T, E: Error>(_ folder: String, _ body: () throws(E) -> T) throws -> T {
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
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

    /// Deletes the temp copies (files, or a Data Package's folder) that writers killed mid-save (`kill -9`, a power cut) left in
    /// `folder`, and returns their names. Call it only holding `withFolderLock(folder)`: every
    /// DataJam writer makes, fills and renames its temp files under that lock, so while we hold
    /// it no live writer has one, and any that is there belongs to a writer that died. (A process
    /// id in the name would not tell as much: ids are reused, and differ between containers that
    /// share a folder; the lock is what every writer of the folder shares.)
    @discardableResult
    public static func removeStaleTemporaryFiles(in folder: String) -> [String] {
        guard let dir = opendir(folder.isEmpty ? "." : folder) else { return [] }
        defer { closedir(dir) }
        var removed: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard isTemporaryName(name) else { continue }
            let path = "\(folder)/\(name)"
            if unlink(path) == 0 {
                removed.append(name)
            } else if errno == EISDIR, (try? FileManager.default.removeItem(atPath: path)) != nil {
                // A Data Package's folder, half built.
                removed.append(name)
            }
        }
        return removed
    }

    /// The start of a temp copy's name for the file (or folder) `name`; mkstemp or mkdtemp add six
    /// characters. Whoever makes one must hold the folder's lock until it is renamed or removed.
    public static func temporaryPrefix(for name: String) -> String {
        ".\(shortened(name))\(temporaryMarker)"
    }

    /// Whether `name` is one of our temp copies: `.` + name + marker + six characters of mkstemp.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards) else { return false }
        let suffix = name[marker.upperBound...]
        return suffix.count == 6 && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    // MARK: -

    /// Writes all of `data` to `fd` with `mode` and flushes it to disk; returns what went wrong.
    private static func fill(_ fd: Int32, with data: Data, mode: mode_t, calls: SystemCalls) -> Failure? {
        guard fchmod(fd, mode) == 0 else { return Failure(description: "cannot set permissions: \(errnoText()) (\(unchanged))") }
        guard writeAll(data, to: fd, using: calls.write) else {
            let advice = errno == ENOSPC || errno == EDQUOT ? "free some disk space" : "check the disk"
            return Failure(description: "cannot write: \(errnoText()); \(advice), then try again (\(unchanged))")
        }
        guard calls.fsync(fd) == 0 else {
            return Failure(description: "cannot flush to disk: \(errnoText()); check the disk, then try again (\(unchanged))")
        }
        return nil
    }

    /// Writes every byte of `data` to `fd`, again after a partial write or an interrupted call.
    /// False when a write fails, with `errno` saying why: each caller words the failure for its
    /// own file (a session file, a journal, a pipe).
    static func writeAll(_ data: Data, to fd: Int32,
                         using write: (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int = { Glibc.write($0, $1, $2) }) -> Bool {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    private static let unchanged = "the file on disk is unchanged"

    static func folderOf(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// `name` cut to at most 180 bytes at a character boundary, so that the temp name stays
    /// within the 255 bytes a file name may have.
    private static func shortened(_ name: String) -> String {
        var result = ""
        var bytes = 0
        for character in name {
            bytes += character.utf8.count
            if bytes > 180 { break }
            result.append(character)
        }
        return result
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
