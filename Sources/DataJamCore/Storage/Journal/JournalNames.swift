import Foundation

/// Where the journals of a session file live and how they are named: hidden files beside it,
/// `.NAME.json-PID-TAG.journal`, which the home screen (it lists visible `.json` files) and the
/// save's temporary files (`.NAME.json.XXXXXX`) never mistake for anything else.
public enum JournalNames {
    static let suffix = ".journal"

    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// A new journal name for this process.
    static func journalName(for sessionName: String) -> String {
        let tag = String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
        return ".\(sessionName)-\(getpid())-\(tag)\(suffix)"
    }

    /// Whether `fileName` is a journal of the session file named `sessionName` (and not of
    /// another whose name starts the same way: `a.json` and `a.json-b.json`).
    static func isJournal(_ fileName: String, of sessionName: String) -> Bool {
        let prefix = ".\(sessionName)-"
        guard fileName.hasPrefix(prefix), fileName.hasSuffix(suffix) else { return false }
        let middle = fileName.dropFirst(prefix.count).dropLast(suffix.count)
        let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        }
    }

    /// The process id a journal's name carries (`.NAME.json-PID-TAG.journal`).
    static func processID(in journalPath: String) -> Int32? {
        let name = (journalPath as NSString).lastPathComponent
        guard name.hasSuffix(suffix) else { return nil }
        let parts = name.dropLast(suffix.count).split(separator: "-")
        guard parts.count >= 3 else { return nil }
        return Int32(parts[parts.count - 2])
    }

    /// The journals of the session file at `sessionPath` (links resolved), live or dead.
    public static func journals(of sessionPath: String) -> [String] {
        let folder = folder(of: sessionPath)
        let name = (sessionPath as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { isJournal($0, of: name) }.sorted().map { "\(folder)/\($0)" }
    }
}
