import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes programme files with the guarantees of session files (`SessionStore`): every
/// write is atomic and durable (`DurableFile`), made under the folder's lock after reading what is
/// on disk and merging into it, and a file that cannot be read is never overwritten.
public struct ProgrammeStore: Sendable {
    public var codec: ProgrammeCodec

    public init(codec: ProgrammeCodec = ProgrammeCodec()) { self.codec = codec }

    /// Where the programme file of a sessions folder is: `FOLDER/programme.json`.
    public static func path(inFolder folder: String) -> String {
        (folder.isEmpty ? "." : folder) + "/" + ProgrammeFormat.fileName
    }

    public func load(_ path: String) throws(SessionFileError) -> Programme {
        // Look before opening, as for session files: a named pipe would wait for a writer, a
        // device may never end, a huge file is refused before a byte is read.
        var info = stat()
        guard stat(path, &info) == 0 else { throw SessionFileError(file: path, message: Self.readFailure(path)) }
        if let refusal = Self.refusal(FileKind(mode: info.st_mode), size: Int64(info.st_size)) {
            throw SessionFileError(file: path, message: refusal)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw SessionFileError(file: path, message: Self.readFailure(path)) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw SessionFileError(file: path, message: Self.readFailure(path)) }
        if let refusal = Self.refusal(FileKind(mode: info.st_mode), size: Int64(info.st_size)) {
            throw SessionFileError(file: path, message: refusal)
        }
        guard let data = SessionStore.readAll(fd, expected: Int(info.st_size), limit: Limits.fileBytes) else {
            throw SessionFileError(file: path, message: Self.readFailure(path))
        }
        return try codec.decode(data, file: path)
    }

    /// The programme at `path`, or nil when there is no file there (a folder without a programme).
    /// A file that is there but cannot be read is an error, never taken for "no programme".
    public func loadIfPresent(_ path: String) throws(SessionFileError) -> Programme? {
        var info = stat()
        // A symbolic link to nothing counts as absent: a save creates its target, as for session files.
        guard stat(path, &info) == 0 || errno != ENOENT else { return nil }
        return try load(path)
    }

    /// Loads the file (a new programme when there is none), applies `change` and writes the
    /// result, all under the folder's lock. A file that is there but cannot be read is left
    /// untouched and the error says so.
    @discardableResult
    public func update(_ path: String, _ change: (inout Programme) throws(SessionFileError) -> Void) throws(SessionFileError) -> Programme {
        try locked(path) { () throws(SessionFileError) in
            var programme = try loadForWriting(path) ?? Programme()
            try change(&programme)
            try write(programme, to: path)
            return programme
        }
    }

    /// Saves `local` merged with what is on disk now (another process may have written since it
    /// was read); a missing file is created. Returns the merged programme.
    @discardableResult
    public func save(merging local: Programme, to path: String) throws(SessionFileError) -> Programme {
        try locked(path) { () throws(SessionFileError) in
            let merged = try loadForWriting(path).map { $0.merged(with: local) } ?? local
            try write(merged, to: path)
            return merged
        }
    }

    // MARK: -

    private func loadForWriting(_ path: String) throws(SessionFileError) -> Programme? {
        var info = stat()
        guard stat(path, &info) == 0 || errno != ENOENT else { return nil }
        do {
            return try load(path)
        } catch {
            var refusal = error
            refusal.message += " — left untouched; nothing was written"
            throw refusal
        }
    }

    private func write(_ programme: Programme, to path: String) throws(SessionFileError) {
        if let problem = ProgrammeValidator.problems(in: programme).first {
            throw SessionFileError(file: path, place: problem.path.description, message: "\(problem.message) — not saved")
        }
        let data: Data
        do { data = try codec.encode(programme) } catch {
            throw SessionFileError(file: path, message: "cannot encode the programme: \(error) — not saved")
        }
        let target = SessionStore.resolved(path)
        // Under the folder's lock: any temp copy here is a dead writer's (see DurableFile).
        DurableFile.removeStaleTemporaryFiles(in: DurableFile.folderOf(target))
        do {
            try DurableFile.write(data, to: target)
        } catch {
            throw SessionFileError(file: path, message: "not saved: \(error.description)")
        }
    }

    /// Runs `body` holding the lock of `path`'s folder, the lock every session-file writer takes:
    /// the programme file shares its folder with them. What is not a regular file is refused
    /// first, without the lock.
    private func locked<T>(_ path: String, _ body: () throws(SessionFileError) -> T) throws(SessionFileError) -> T {
        if let kind = FileKind.of(path), let refusal = Self.refusal(kind, size: 0) {
            throw SessionFileError(file: path, message: "\(refusal) — left untouched; nothing was written")
        }
        let folder = (SessionStore.resolved(path) as NSString).deletingLastPathComponent
        var result: Result<T, SessionFileError>?
        do {
            try DurableFile.withFolderLock(folder) {
                do throws(SessionFileError) { result = .success(try body()) } catch { result = .failure(error) }
            }
        } catch {
            throw SessionFileError(file: path, message: "\(error)")
        }
        guard let result else { throw SessionFileError(file: path, message: "was not written") }
        return try result.get()
    }

    static func refusal(_ kind: FileKind, size: Int64) -> String? {
        switch kind {
        case .regularFile:
            guard size <= Int64(Limits.fileBytes) else {
                return "is \(size / 1_048_576) MiB; a programme file is at most \(Limits.fileBytes / 1_048_576) MiB"
            }
            return nil
        case .folder: return "is a folder, not a programme file; give the folder's \(ProgrammeFormat.fileName) or the folder itself"
        default: return "is \(kind.described), not a programme file; give a programme file's path"
        }
    }

    static func readFailure(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return "no such file; check the name, or create it with `datajam programme set --name NAME`"
        }
        if isFolder.boolValue { return "is a folder, not a programme file" }
        if !FileManager.default.isReadableFile(atPath: path) { return "cannot be read (permission denied); check its permissions" }
        return "cannot be read"
    }
}
