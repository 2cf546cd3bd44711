import DataJamCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a folder of files in place so that a failure at any point leaves either what was there
/// before or the complete new folder, never a mix: the files go into a hidden temporary sibling
/// (same file system), each flushed to disk, then the sibling is renamed into place.
///
/// Overwrite policy: a missing folder is created; an existing one is replaced only when it is
/// empty or holds only `replaceable` names (a previous export of the same kind); anything else
/// (a file, a folder with other content) is refused, so an export never deletes a user's files.
enum PackageFolder {
    typealias Failure = DataPackageExport.Failure

    static func write(_ files: [(name: String, data: Data)], to path: String, replaceable: Set<String>) throws(Failure) {
        func fail(_ message: String) -> Failure { Failure(description: "\(path): \(message) (nothing was written)") }
        var target = path
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
        guard !target.isEmpty else { throw fail("no folder given") }
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        // What the path names, links followed: a link is never replaced, its target is.
        let kind = FileKind.of(target)
        let exists = kind != nil
        if let kind {
            guard kind == .folder else { throw fail("is \(kind.described), not a folder") }
            target = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
            let entries: [String]
            do { entries = try fm.contentsOfDirectory(atPath: target) } catch { throw fail("cannot be read: \(error.localizedDescription)") }
            let foreign = entries.filter { !replaceable.contains($0) }.sorted()
            if !foreign.isEmpty {
                let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
                throw fail("already holds other files (\(shown)); choose a new or empty folder")
            }
        }
        if !exists, case .file(let resolved)? = try? OutputTarget.resolve(target) {
            // Nothing there yet, or a link to nothing: the folder is made where the link leads.
            target = resolved
        }
        let parent = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        guard fm.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw fail("its parent folder \(parent) does not exist")
        }
        let name = (target as NSString).lastPathComponent
        // Under the parent's lock, as every writer's temp copies are made: what a killed export
        // or save left there can then be removed (see DurableFile.removeStaleTemporaryFiles).
        do {
            try DurableFile.withFolderLock(parent) { () throws(Failure) in
                DurableFile.removeStaleTemporaryFiles(in: parent)
                try place(files, at: target, named: name, in: parent, replacing: exists, fail: fail)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw fail("\(error)")
        }
    }

    /// Builds the package in a temp folder beside `target` and renames it into place.
    private static func place(_ files: [(name: String, data: Data)], at target: String, named name: String, in parent: String,
                              replacing exists: Bool, fail: (String) -> Failure) throws(Failure) {
        let fm = FileManager.default
        guard let temporary = makeTemporaryFolder(in: parent, named: DurableFile.temporaryPrefix(for: name)) else {
            throw fail("cannot create a folder in \(parent): \(errnoText())")
        }
        var done = false
        defer { if !done { try? fm.removeItem(atPath: temporary) } }

        for file in files {
            do {
                try DurableFile.write(file.data, to: "\(temporary)/\(file.name)")
            } catch {
                throw fail("cannot write \(file.name): \(error.description)")
            }
        }
        syncFolder(temporary)

        if !exists || (try? fm.contentsOfDirectory(atPath: target))?.isEmpty == true {
            // rename(2) replaces an empty folder atomically.
            guard rename(temporary, target) == 0 else { throw fail("cannot move the package into place: \(errnoText())") }
        } else {
            // A previous package: move it aside, move the new one in, then delete the old one.
            guard let aside = makeTemporaryFolder(in: parent, named: ".\(name).old-") else {
                throw fail("cannot create a folder in \(parent): \(errnoText())")
            }
            guard rename(target, aside) == 0 else {
                let reason = errnoText()
                try? fm.removeItem(atPath: aside)
                throw fail("cannot move the previous package aside: \(reason)")
            }
            guard rename(temporary, target) == 0 else {
                let reason = errnoText()
                _ = rename(aside, target)
                throw fail("cannot move the package into place: \(reason)")
            }
            try? fm.removeItem(atPath: aside)
        }
        done = true
        syncFolder(parent)
    }

    private static func makeTemporaryFolder(in parent: String, named prefix: String) -> String? {
        var template = Array("\(parent)/\(prefix)XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { return nil }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
