import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Renaming a session file and putting it in the trash, from the home screen. Neither ever
/// overwrites a file nor deletes one: a rename refuses a name that is taken, and the trash is a
/// folder (`.trash/` beside the sessions, hidden from the list) where the file keeps its name, or
/// gets a number when the trash already has one of that name.
public enum SessionFiles {
    public static let trashFolderName = ".trash"

    /// Why a name cannot be a session file's.
    public enum NameProblem: Sendable, Equatable {
        case empty, slash, leadingDot, control, tooLong
        /// The programme file's name (`programme.json`): a workshop of that name would be taken
        /// for the programme and hidden from the list.
        case reserved
    }

    /// Why `name` cannot be a session file's new name, or nil. `name` is what the user typed:
    /// `.json` is added when missing.
    public static func problem(withName name: String) -> NameProblem? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .empty }
        if trimmed.contains("/") { return .slash }
        if trimmed.hasPrefix(".") { return .leadingDot }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .control }
        if fileName(for: trimmed).utf8.count > 255 { return .tooLong }
        if fileName(for: trimmed) == ProgrammeFormat.fileName { return .reserved }
        return nil
    }

    /// `name` as a session file's name: trimmed, with `.json` added when missing.
    public static func fileName(for name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix(".\(SessionFormat.fileExtension)") ? trimmed : "\(trimmed).\(SessionFormat.fileExtension)"
    }

    /// Renames `path` to `newPath`, refusing when `newPath` exists (checked by the system call
    /// itself: a hard link fails when the name is taken, so a file created meanwhile is safe).
    /// Refused while another DataJam has the file open (`OpenElsewhere`): its next save would
    /// bring the old name back as a second copy of the workshop.
    public static func rename(_ path: String, to newPath: String) throws(SessionFileError) {
        guard path != newPath else { return }
        try refuseIfOpenElsewhere(path)
        try relink(path, to: newPath)
    }

    private static func relink(_ path: String, to newPath: String) throws(SessionFileError) {
        if link(path, newPath) != 0 {
            let reason = errno == EEXIST ? "a file of that name already exists; choose another name (nothing was changed)"
                : "cannot be renamed: \(String(cString: strerror(errno))) (nothing was changed)"
            throw SessionFileError(file: newPath, message: reason)
        }
        guard unlink(path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = unlink(newPath)
            throw SessionFileError(file: path, message: "cannot be renamed: \(reason) (nothing was changed)")
        }
        syncFolder(of: newPath)
    }

    /// Moves `path` into the trash folder beside it; returns where it went. Refused, like a
    /// rename, while another DataJam has the file open.
    @discardableResult
    public static func trash(_ path: String) throws(SessionFileError) -> String {
        try refuseIfOpenElsewhere(path)
        let folder = (path as NSString).deletingLastPathComponent
        let trash = (folder.isEmpty ? "." : folder) + "/" + trashFolderName
        do {
            try FileManager.default.createDirectory(atPath: trash, withIntermediateDirectories: true)
        } catch {
            throw SessionFileError(file: path, message: "cannot create the trash folder \(trash): \(error.localizedDescription) (nothing was changed)")
        }
        let name = (path as NSString).lastPathComponent
        let stem = name.hasSuffix(".\(SessionFormat.fileExtension)") ? String(name.dropLast(SessionFormat.fileExtension.count + 1)) : name
        var n = 1
        while true {
            let target = trash + "/" + (n == 1 ? name : "\(stem)-\(n).\(SessionFormat.fileExtension)")
            do {
                try relink(path, to: target)
                syncFolder(of: path)
                return target
            } catch {
                // Only a taken name is worth another try.
                guard FileManager.default.fileExists(atPath: target), n < 10_000 else { throw error }
                n += 1
            }
        }
    }

    private static func refuseIfOpenElsewhere(_ path: String) throws(SessionFileError) {
        let holders = OpenElsewhere.processes(holding: path)
        guard !holders.isEmpty else { return }
        let which = holders.count == 1 ? "process \(holders[0])" : "processes " + holders.map(String.init).joined(separator: ", ")
        throw SessionFileError(file: path, message: "is open in another DataJam (\(which)): close it there, then try again (nothing was changed)")
    }

    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
