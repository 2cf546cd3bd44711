import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replays the journals that dead processes left beside a session file.
///
/// A journal is dead when nobody holds its lock (its process ended, cleanly or not: the kernel
/// releases a `flock` with the process). Recovery takes the lock itself, so a live instance, a
/// command and a reopening instance never replay the same journal at once, merges the journal's
/// records into the workshop, and removes the journal only once the caller has saved the result.
/// Journals of live processes are left alone: their owner saves them.
public final class JournalRecovery {
    /// The workshop with every readable dead journal merged in.
    public private(set) var workshop: Workshop
    /// Records replayed, for the user ("recovered 3 changes").
    public private(set) var recordCount = 0
    /// One line per journal that could not be replayed (it is kept).
    public private(set) var problems: [String] = []
    private var claimed: [(path: String, fd: Int32)] = []

    /// Claims and reads the dead journals of `sessionPath` (the file a save writes, links
    /// resolved) and merges them into `base`. Call while holding the folder lock.
    public init(sessionPath: String, base: Workshop) {
        workshop = base
        for path in JournalNames.journals(of: sessionPath) {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { continue }
            var info = stat()
            guard flock(fd, LOCK_EX | LOCK_NB) == 0, fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                close(fd)  // alive (locked), or not a journal at all
                continue
            }
            let data = FileHandle(fileDescriptor: fd, closeOnDealloc: false).readDataToEndOfFile()
            let entries: [JournalEntry]
            do {
                entries = try JournalReader.entries(in: data)
            } catch {
                problems.append("\(path): \(error.description); the session opened without it and the journal is kept (move it away once checked)")
                close(fd)
                continue
            }
            let replayed = workshop.replaying(entries)
            if let problem = SemanticValidator.problems(in: replayed).first {
                problems.append("\(path): its changes would break the session (\(problem.path): \(problem.message)); the session opened without it and the journal is kept (move it away once checked)")
                close(fd)
                continue
            }
            workshop = replayed
            recordCount += entries.filter { $0.workshopId == base.id }.reduce(0) { $0 + $1.recordCount }
            claimed.append((path, fd))
        }
    }

    deinit { release() }

    /// Whether any journal was replayed (the workshop then needs saving).
    public var replayedAny: Bool { !claimed.isEmpty }

    /// After the save that holds `workshop`: the journals are no longer needed.
    public func removeJournals() {
        for (path, _) in claimed { unlink(path) }
        release()
    }

    /// Lets go of the journals without removing them (the save failed: they stay for next time).
    public func release() {
        for (_, fd) in claimed { close(fd) }
        claimed = []
    }

    /// The journals of the session file at `path` that nobody holds and that hold something.
    /// Empty ones (a save had covered everything when their process died) are removed on the
    /// way: replaying them would cost a save of the whole file for nothing. One read of the
    /// folder and a lock attempt per journal, cheap enough to ask every couple of seconds.
    public static func deadJournals(of path: String) -> [String] {
        JournalNames.journals(of: SessionStore.resolved(path)).filter { path in
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size == 0 {
                unlink(path)
                return false
            }
            return true
        }
    }
}
