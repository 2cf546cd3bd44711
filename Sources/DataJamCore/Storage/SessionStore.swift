import Foundation

/// Reads and writes session files so that nothing is ever lost.
///
/// - Every write is atomic and durable (`DurableFile.write`).
/// - A file that cannot be read is never overwritten: every write first loads what is on disk and
///   refuses, saying why, when that fails.
/// - Writers in several processes never lose each other's changes: each write holds the folder
///   lock while it reads the file, merges its own changes in by id, and writes the result.
public struct SessionStore: Sendable {
    public var codec: SessionCodec

    public init(codec: SessionCodec = SessionCodec()) { self.codec = codec }

    public func load(_ path: String) throws(SessionFileError) -> Workshop {
        // Read through one descriptor and take the identity from it, so the cache entry describes
        // exactly the bytes decoded even if the file is replaced meanwhile.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SessionFileError(file: path, message: Self.readFailure(path)) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw SessionFileError(file: path, message: Self.readFailure(path))
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        guard let data = try? handle.readToEnd() ?? Data() else {
            throw SessionFileError(file: path, message: Self.readFailure(path))
        }
        let workshop = try codec.decode(data, file: path)
        SessionFileCache.shared.remember(workshop, path: Self.resolved(path), identity: SessionFileCache.Identity(info))
        return workshop
    }

    /// Whether another process has saved `path` since this process last read or wrote it.
    public func changedElsewhere(_ path: String) -> Bool {
        SessionFileCache.shared.hasChanged(Self.resolved(path))
    }

    /// Writes a new session file; refuses when `path` already exists.
    public func create(_ workshop: Workshop, at path: String) throws(SessionFileError) {
        try locked(path) { () throws(SessionFileError) in
            if FileManager.default.fileExists(atPath: path) {
                throw SessionFileError(file: path, message: "already exists; choose another name (nothing was overwritten)")
            }
            try write(workshop, to: path)
        }
    }

    /// Loads the file, applies `change` and writes the result, all under the lock: the way a
    /// command adds one finding without racing other writers.
    ///
    /// Journals that crashed instances left beside the file are replayed into it first, and
    /// removed once the write holds them (`JournalRecovery`); `journals` is told what was found.
    /// Journals of running instances are left alone.
    @discardableResult
    public func update(_ path: String, journals: (JournalRecovery) -> Void = { _ in },
                       _ change: (inout Workshop) throws(SessionFileError) -> Void) throws(SessionFileError) -> Workshop {
        var recovery: JournalRecovery?
        let workshop = try locked(path) { () throws(SessionFileError) in
            var workshop = try loadForWriting(path)
            let found = JournalRecovery(sessionPath: Self.resolved(path), base: workshop)
            recovery = found
            workshop = found.workshop
            try change(&workshop)
            try write(workshop, to: path)
            return workshop
        }
        // Still locked by us, so nobody else replays them meanwhile.
        recovery?.removeJournals()
        if let recovery { journals(recovery) }
        return workshop
    }

    /// Saves `local` merged with what is on disk now (other processes may have written since we
    /// read it) and returns the merged workshop. A missing file is created.
    @discardableResult
    public func save(merging local: Workshop, to path: String) throws(SessionFileError) -> Workshop {
        try locked(path) { () throws(SessionFileError) in
            let merged: Workshop
            if let unchanged = SessionFileCache.shared.workshop(at: Self.resolved(path)) {
                // Nobody replaced the file since this process last read or wrote it.
                merged = unchanged.merged(with: local)
            } else if FileManager.default.fileExists(atPath: path) {
                merged = try loadForWriting(path).merged(with: local)
            } else {
                merged = local
            }
            try write(merged, to: path)
            return merged
        }
    }

    // MARK: -

    private func loadForWriting(_ path: String) throws(SessionFileError) -> Workshop {
        do {
            return try load(path)
        } catch {
            guard FileManager.default.fileExists(atPath: path) else { throw error }
            var refusal = error
            refusal.message += " — left untouched; nothing was written"
            throw refusal
        }
    }

    private func write(_ workshop: Workshop, to path: String) throws(SessionFileError) {
        if let problem = SemanticValidator.problems(in: workshop).first {
            throw SessionFileError(file: path, place: problem.path.description,
                                   message: "\(problem.message) — not saved")
        }
        let data: Data
        do {
            data = try codec.encode(workshop)
        } catch {
            throw SessionFileError(file: path, message: "cannot encode the workshop: \(error)")
        }
        let target = Self.resolved(path)
        do {
            try DurableFile.write(data, to: target)
        } catch {
            throw SessionFileError(file: path, message: "not saved: \(error.description)")
        }
        // Every write holds the folder lock, so the file is still ours to describe.
        SessionFileCache.shared.remember(workshop, path: target, identity: SessionFileCache.Identity.of(target))
    }

    private func locked<T>(_ path: String, _ body: () throws(SessionFileError) -> T) throws(SessionFileError) -> T {
        let folder = (Self.resolved(path) as NSString).deletingLastPathComponent
        var result: Result<T, SessionFileError>!
        do {
            try DurableFile.withFolderLock(folder) {
                do throws(SessionFileError) { result = .success(try body()) } catch { result = .failure(error) }
            }
        } catch {
            throw SessionFileError(file: path, message: "\(error)")
        }
        return try result.get()
    }

    /// Saves go to the file a symbolic link points to, not over the link.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// Why `path` could not be read, as a user can act on it.
    static func readFailure(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return "no such file; check the name, or create it with `datajam new`"
        }
        if isFolder.boolValue { return "is a folder, not a session file" }
        if !FileManager.default.isReadableFile(atPath: path) { return "cannot be read (permission denied); check its permissions" }
        return "cannot be read"
    }
}
