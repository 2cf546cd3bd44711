import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which other processes have a session file open. Every instance that opens a workshop creates
/// its journal at once and holds an exclusive `flock` on it until it lets go of the file
/// (`JournalKeeper`), so a journal whose lock is taken names, in its file name, a live process
/// that will save into the file again. Renaming or trashing the file under it would make that
/// save bring the old name back as a second copy of the workshop.
public enum OpenElsewhere {
    /// The process ids, other than this one, whose journals of `path` are locked (links resolved).
    public static func processes(holding path: String) -> [Int32] {
        let me = getpid()
        var holders: [Int32] = []
        for journal in JournalNames.journals(of: SessionStore.resolved(path)) {
            guard let pid = JournalNames.processID(in: journal), pid != me, !holders.contains(pid) else { continue }
            let fd = open(journal, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            if flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK { holders.append(pid) }
        }
        return holders.sorted()
    }
}
