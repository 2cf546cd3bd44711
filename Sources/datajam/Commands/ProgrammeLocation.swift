import DataJamCore
import DataJamExport
import Foundation

/// Where a command finds the programme file and the workshops it belongs to: the programme file
/// is `programme.json` in the folder of the session files.
enum ProgrammeLocation {
    /// The programme file a `datajam programme` command means: a folder's `programme.json`, the
    /// file given, or (nothing given) the sessions folder's ($DATAJAM_SESSIONS, else ./Sessions).
    static func file(_ given: String?) throws -> String {
        let path = given ?? ProcessInfo.processInfo.environment["DATAJAM_SESSIONS"].flatMap { $0.isEmpty ? nil : $0 } ?? "Sessions"
        var isFolder: ObjCBool = false
        // A path ending in .json names the programme file itself, even when a folder sits there
        // (refused then, rather than writing a programme.json inside it).
        if !path.hasSuffix(".\(SessionFormat.fileExtension)"),
           FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return ProgrammeStore.path(inFolder: path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path)
        }
        guard given != nil else {
            throw CommandFailure("no sessions folder \"\(path)\": give the folder of the session files (datajam programme FOLDER …)")
        }
        return path
    }

    /// The session files beside the programme file: every visible `.json` of its folder but itself.
    static func sessionFiles(besides programme: String) -> [String] {
        let folder = (programme as NSString).deletingLastPathComponent
        let own = (programme as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter { $0.hasSuffix(".\(SessionFormat.fileExtension)") && !$0.hasPrefix(".") && $0 != own && $0 != ProgrammeFormat.fileName }
            .sorted().map { folder.isEmpty ? $0 : "\(folder)/\($0)" }
    }

    /// The programme file of the folder the session files are in, when there is one: how
    /// `datajam report Sessions/*.json` finds it. Files from several folders with different
    /// programme files are refused: which one counts must be said.
    static func beside(_ sessionFiles: [String]) throws -> String? {
        var found: [String] = []
        for file in sessionFiles {
            let folder = (file as NSString).deletingLastPathComponent
            let candidate = ProgrammeStore.path(inFolder: folder)
            guard FileKind.of(candidate) != nil else { continue }
            let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
            if !found.contains(where: { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path == resolved }) { found.append(candidate) }
        }
        guard found.count <= 1 else {
            throw CommandFailure("the session files are in folders with different programme files (\(found.joined(separator: ", "))); name the one to use with --programme-file PATH")
        }
        return found.first
    }

    /// Whether a file given among session files is the programme file: by its name, or, for a
    /// file the session loader refused, by its content (a programme file renamed).
    static func isProgrammeFile(_ path: String, refusedAsSession: Bool = false) -> Bool {
        if (path as NSString).lastPathComponent == ProgrammeFormat.fileName { return true }
        guard refusedAsSession, FileKind.of(path) == .regularFile,
              let data = FileManager.default.contents(atPath: path), data.count <= Limits.fileBytes else { return false }
        return ProgrammeCodec.claimsProgramme(data)
    }

    /// The workshops of a report and their programme.
    struct Workshops {
        var workshops: [Workshop]
        var programme: Programme?
    }

    /// Reads the files given to `report`: session files, and the programme file when it is among
    /// them (a glob such as `Sessions/*.json` takes it in), else `programmeFile`, else the one beside
    /// the session files; none when `besides` is false (`--no-programme-file`). A programme file that is there but cannot be
    /// read stops the report, in one line: a report without its programme would say less than asked.
    static func workshops(_ files: [String], programmeFile: String?, besides: Bool) throws -> Workshops {
        var workshops: [Workshop] = []
        var programmes: [String] = programmeFile.map { [$0] } ?? []
        for file in files {
            if isProgrammeFile(file) {
                programmes.append(file)
                continue
            }
            do {
                workshops.append(try SessionStore().load(file))
            } catch {
                guard isProgrammeFile(file, refusedAsSession: true) else { throw CommandFailure(error) }
                programmes.append(file)
            }
        }
        let sessionFiles = files.filter { !programmes.contains($0) }
        guard !sessionFiles.isEmpty else {
            throw CommandFailure("no session file given, only the programme file; give the workshops' session files too")
        }
        var unique: [String] = []
        for path in programmes where !unique.contains(where: { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path == URL(fileURLWithPath: path).resolvingSymlinksInPath().path }) {
            unique.append(path)
        }
        guard unique.count <= 1 || !besides else {
            throw CommandFailure("several programme files given (\(unique.joined(separator: ", "))); a report has one programme")
        }
        let found = besides ? try beside(sessionFiles) : nil
        // Left out, even when a glob (`Sessions/*.json`) brought it among the files.
        let chosen = besides ? programmeFile ?? unique.first ?? found : nil
        guard let chosen else { return Workshops(workshops: workshops, programme: nil) }
        do {
            return Workshops(workshops: workshops, programme: try ProgrammeStore().load(chosen))
        } catch {
            throw CommandFailure("\(error.description) (fix it, name another with --programme-file, or leave it out with --no-programme-file)")
        }
    }
}
