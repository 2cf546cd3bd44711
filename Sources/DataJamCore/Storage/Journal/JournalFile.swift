import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// This process's write-ahead journal for one session file: a hidden file beside it that holds,
/// one JSON line each, the records changed since the last save, each line flushed to disk
/// (`fdatasync`) before it counts as written.
///
/// Appending a few changed records takes a millisecond or two whatever the workshop's size, where a
/// save of a 10,000-finding workshop takes ~150 ms: a crash (even `kill -9`) between the two loses
/// nothing, because the next open replays the journal (`JournalRecovery`).
///
/// One file per process, named after the session file and the process (`.NAME.json-PID-TAG.journal`),
/// so two instances never write into the same file. The process holds an exclusive `flock` on it
/// while alive: a journal whose lock is free belongs to a dead process and may be replayed by
/// anyone. Not thread-safe: use it from one serial queue.
public final class JournalFile {
    public let path: String
    private var fd: Int32
    /// Bytes written and flushed: after a failed append the file is cut back to this size, so a
    /// half-written line is never followed by a good one.
    public private(set) var size: Int64 = 0

    /// Creates and locks a new journal beside the session file at `path` (beside the file a save
    /// writes: symbolic links are followed).
    public init(beside path: String) throws(DurableFile.Failure) {
        (self.path, fd) = try Self.createLocked(beside: path)
    }

    private static func createLocked(beside path: String) throws(DurableFile.Failure) -> (String, Int32) {
        let sessionPath = SessionStore.resolved(path)
        let folder = JournalNames.folder(of: sessionPath)
        let name = (sessionPath as NSString).lastPathComponent
        // The session file's permissions: rapporteurs sharing a group-writable folder (one account
        // each) must be able to replay each other's journals; a journal names people as the file does.
        var sessionInfo = stat()
        let mode: mode_t = stat(sessionPath, &sessionInfo) == 0 ? sessionInfo.st_mode & 0o666 : 0o600
        for _ in 0..<8 {
            let candidate = "\(folder)/\(JournalNames.journalName(for: name))"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw DurableFile.Failure(description: "cannot create a journal in \(folder): \(DurableFile.errnoText())")
            }
            _ = fchmod(descriptor, mode)
            while flock(descriptor, LOCK_EX) != 0 {
                if errno != EINTR {
                    let reason = DurableFile.errnoText()
                    Glibc.close(descriptor)
                    unlink(candidate)
                    throw DurableFile.Failure(description: "cannot lock the journal \(candidate): \(reason)")
                }
            }
            // Between creating and locking, another process may have taken this (empty, unlocked)
            // journal for a dead one and removed it: then start again with a new name.
            var mine = stat(), there = stat()
            guard fstat(descriptor, &mine) == 0, stat(candidate, &there) == 0,
                  mine.st_ino == there.st_ino, mine.st_dev == there.st_dev else {
                Glibc.close(descriptor)
                continue
            }
            // The journal's name must survive a power cut too.
            let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dirFD >= 0 {
                _ = fsync(dirFD)
                Glibc.close(dirFD)
            }
            return (candidate, descriptor)
        }
        throw DurableFile.Failure(description: "cannot create a journal in \(folder): every name was taken")
    }

    deinit { close() }

    /// Appends `entry` as one line and flushes it to disk; on failure the file is left as it was.
    public func append(_ entry: JournalEntry) throws(DurableFile.Failure) {
        guard fd >= 0 else { throw DurableFile.Failure(description: "the journal \(path) is closed") }
        var line: Data
        do {
            line = try JournalEntry.encoder.encode(entry)
        } catch {
            throw DurableFile.Failure(description: "cannot encode a journal line: \(error)")
        }
        line.append(0x0A)
        guard DurableFile.writeAll(line, to: fd) else {
            let failure = DurableFile.Failure(description: "cannot write the journal: \(DurableFile.errnoText()) (is the disk full?)")
            _ = ftruncate(fd, off_t(size))
            throw failure
        }
        guard fdatasync(fd) == 0 else {
            let failure = DurableFile.Failure(description: "cannot flush the journal to disk: \(DurableFile.errnoText())")
            _ = ftruncate(fd, off_t(size))
            throw failure
        }
        size += Int64(line.count)
    }

    /// Empties the journal: a save now holds everything it had.
    public func clear() {
        guard fd >= 0, size > 0 else { return }
        if ftruncate(fd, 0) == 0 { size = 0 }
    }

    /// Deletes the journal (every line of it is in the session file) and lets go of it.
    public func remove() {
        guard fd >= 0 else { return }
        unlink(path)
        close()
    }

    /// Lets go of the journal and keeps it, for the next open to replay.
    public func close() {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
        fd = -1
    }
}

extension JournalEntry {
    /// One line per entry: compact JSON never contains a raw newline (strings escape it).
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
