import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    /// Reads and checks `path`. The process remembers what it read (`SessionFileCache`): a later
    /// save skips reading the file again, and `changedElsewhere` reports only what came after.
    /// A reader that does not hand what it read to the open workshop (a status line, a team
    /// list) passes `remembering: false`: otherwise the open workshop's next poll would take
    /// the file as already seen and never show those changes.
    public func load(_ path: String, remembering: Bool = true) throws(SessionFileError) -> Workshop {
        // Look before opening: opening a named pipe for reading waits for a writer that may never
        // come, and a device may never end. Then check the size, so a huge file is never read.
        try Self.refuseUnreadable(path)
        // O_NONBLOCK: should the file be swapped for a pipe since we looked, the open still
        // returns at once (it changes nothing for a regular file).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw SessionFileError(file: path, message: Self.readFailure(path)) }
        defer { close(fd) }
        // Read through one descriptor and take the identity from it, so the cache entry describes
        // exactly the bytes decoded even if the file is replaced meanwhile.
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SessionFileError(file: path, message: Self.readFailure(path)) }
        if let refusal = Self.refusal(kind: FileKind(mode: info.st_mode), size: Int64(info.st_size)) {
            throw SessionFileError(file: path, message: refusal)
        }
        guard let data = Self.readAll(fd, expected: Int(info.st_size), limit: Limits.fileBytes) else {
            throw SessionFileError(file: path, message: Self.readFailure(path))
        }
        let workshop = try codec.decode(data, file: path)
        if remembering {
            SessionFileCache.shared.remember(workshop, path: Self.resolved(path), identity: SessionFileCache.Identity(info))
        }
        return workshop
    }

    /// Whether another process has saved `path` since this process last read or wrote it.
    public func changedElsewhere(_ path: String) -> Bool {
        SessionFileCache.shared.hasChanged(Self.resolved(path))
    }

    /// Writes a new session file; refuses when `path` already exists as a file. A path that
    /// names a device, a pipe or `-` (standard output) gets the file's bytes streamed into it;
    /// a symbolic link to nothing creates its target (see `OutputTarget`).
    public func create(_ workshop: Workshop, at path: String) throws(SessionFileError) {
        let target: OutputTarget
        do { target = try OutputTarget.resolve(path) } catch { throw SessionFileError(file: path, message: "\(error.description) (nothing was written)") }
        guard case .file(let file) = target else {
            let data = try encoded(workshop, path)
            do { try target.write(data) } catch { throw SessionFileError(file: path, message: "not written: \(error.description)") }
            return
        }
        try locked(file, shownAs: path) { () throws(SessionFileError) in
            if FileManager.default.fileExists(atPath: file) {
                throw SessionFileError(file: path, message: "already exists; choose another name (nothing was overwritten)")
            }
            try write(workshop, to: file, shownAs: path)
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

    private func write(_ workshop: Workshop, to path: String, shownAs shown: String? = nil) throws(SessionFileError) {
        let data = try encoded(workshop, shown ?? path)
        let target = Self.resolved(path)
        // Under the folder's lock: any temp copy here is a dead writer's (see DurableFile).
        DurableFile.removeStaleTemporaryFiles(in: DurableFile.folderOf(target))
        do {
            try DurableFile.write(data, to: target)
        } catch {
            throw SessionFileError(file: shown ?? path, message: "not saved: \(error.description)")
        }
        // Every write holds the folder lock, so the file is still ours to describe.
        SessionFileCache.shared.remember(workshop, path: target, identity: SessionFileCache.Identity.of(target))
    }

    /// The file's bytes, once the workshop is known to be valid.
    private func encoded(_ workshop: Workshop, _ path: String) throws(SessionFileError) -> Data {
        if let problem = SemanticValidator.problems(in: workshop).first {
            throw SessionFileError(file: path, place: problem.path.description,
                                   message: "\(problem.message) — not saved")
        }
        do {
            return try codec.encode(workshop)
        } catch {
            throw SessionFileError(file: path, message: "cannot encode the workshop: \(error)")
        }
    }

    /// Runs `body` holding the lock of `path`'s folder. What is not a regular file is refused
    /// first, without the lock: a writer waiting on a named pipe must not hold up every other
    /// writer of the folder.
    private func locked<T>(_ path: String, shownAs shown: String? = nil, _ body: () throws(SessionFileError) -> T) throws(SessionFileError) -> T {
        if let kind = FileKind.of(path), let refusal = Self.refusal(kind: kind, size: 0) {
            throw SessionFileError(file: shown ?? path, message: "\(refusal) — left untouched; nothing was written")
        }
        let folder = (Self.resolved(path) as NSString).deletingLastPathComponent
        var result: Result<T, SessionFileError>?
        do {
            try DurableFile.withFolderLock(folder) {
                do throws(SessionFileError) { result = .success(try body()) } catch { result = .failure(error) }
            }
        } catch {
            throw SessionFileError(file: shown ?? path, message: "\(error)")
        }
        guard let result else { throw SessionFileError(file: shown ?? path, message: "was not written") }
        return try result.get()
    }

    /// Refuses, before anything is opened, what is not a regular file or is too large to be a
    /// session file.
    private static func refuseUnreadable(_ path: String) throws(SessionFileError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SessionFileError(file: path, message: readFailure(path)) }
        if let refusal = refusal(kind: FileKind(mode: info.st_mode), size: Int64(info.st_size)) {
            throw SessionFileError(file: path, message: refusal)
        }
    }

    /// Why a file of this kind and size cannot be a session file; nil when it can.
    static func refusal(kind: FileKind, size: Int64) -> String? {
        switch kind {
        case .regularFile:
            guard size <= Int64(Limits.fileBytes) else { return tooLarge(size) }
            return nil
        case .folder: return "is a folder, not a session file"
        default: return "is \(kind.described), not a session file; give a session file's path"
        }
    }

    static func tooLarge(_ bytes: Int64) -> String {
        "is \(bytes / 1_048_576) MiB; a session file is at most \(Limits.fileBytes / 1_048_576) MiB"
    }

    /// Everything `fd` holds, reading at most `limit` + 1 bytes (so a file that grew past the
    /// limit since it was measured is still caught by the decoder); nil on a read error.
    static func readAll(_ fd: Int32, expected: Int, limit: Int) -> Data? {
        // Straight into the result: reading into a chunk and appending it copied every byte once
        // more (4 MB at 10,000 findings). A large file goes into page memory (`PageBuffer`).
        let capacity = min(max(expected, 0), limit) + 1
        if capacity >= 1 << 20 {
            let buffer = PageBuffer(byteCount: capacity)
            guard let filled = fill(buffer.base, from: fd, at: 0, upTo: capacity) else { return nil }
            // The usual case: the file is no longer than it was when measured.
            if filled < capacity {
                return Data(bytesNoCopy: buffer.base, count: filled, deallocator: .custom { _, _ in withExtendedLifetime(buffer) {} })
            }
            var data = Data(bytes: buffer.base, count: filled)
            return readRest(fd, into: &data, filled: filled, limit: limit)
        }
        var data = Data(count: capacity)
        return readRest(fd, into: &data, filled: 0, limit: limit)
    }

    /// Reads on into `data` (of which `filled` bytes are read) up to `limit` + 1 bytes, growing it.
    private static func readRest(_ fd: Int32, into data: inout Data, filled: Int, limit: Int) -> Data? {
        var filled = filled
        while filled <= limit {
            if filled == data.count { data.count = min(data.count * 2, limit + 1) }
            let room = data.count
            let reached = data.withUnsafeMutableBytes { fill($0.baseAddress!, from: fd, at: filled, upTo: room) }
            guard let reached else { return nil }
            filled = reached
            if reached < room { break }  // the end of the file
        }
        data.count = filled
        return data
    }

    /// Fills `base` from offset `filled` until `capacity` bytes or the end of the file; the count
    /// filled, or nil on a read error.
    private static func fill(_ base: UnsafeMutableRawPointer, from fd: Int32, at filled: Int, upTo capacity: Int) -> Int? {
        var filled = filled
        while filled < capacity {
            let n = read(fd, base + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// Saves go to the file a symbolic link points to, not over the link (a link to nothing
    /// creates its target), resolved as every output is (`OutputTarget`).
    static func resolved(_ path: String) -> String {
        if case .file(let file)? = try? OutputTarget.resolve(path) { return file }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
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
