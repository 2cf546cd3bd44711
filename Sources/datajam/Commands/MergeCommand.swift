import ArgumentParser
import DataJamCore
import Foundation

/// `datajam merge BASE OTHER... [-o OUT]`: files brought back from other laptops, merged by id.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge session files brought back from other laptops into BASE (or into a new file with -o).",
        discussion: """
            Records are matched by id and each keeps its latest change; deletions are kept. Teams are \
            also matched by name and categories by label (ignoring case and accents): a same-named team \
            of another id becomes BASE's team (or, when BASE has none, the one with the smallest id) and \
            its findings follow. A file made separately with `datajam new` brings its teams, categories, \
            findings and synthesis, but not its theme, date, sessions or plenary. BASE keeps its \
            workshop id. Without -o, BASE is updated in place under the folder lock; an unreadable file \
            stops the merge before anything is written. Prints one summary line.
            """)

    @Argument(help: ArgumentHelp("The session file to merge into (updated in place unless -o is given).", valueName: "base"))
    var base: String

    @Argument(help: ArgumentHelp("The session files to merge into BASE.", valueName: "other"))
    var others: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the result to this new file instead (refused if it exists; - for standard output).", valueName: "out"))
    var output: String?

    func run() throws {
        guard !others.isEmpty else {
            throw CommandFailure("give the session files to merge into \(base): datajam merge BASE OTHER... [-o OUT]")
        }
        // Refused before anything is read: an existing file (never overwritten), a folder.
        var toStandardOutput = false
        if let output {
            let target: OutputTarget
            do { target = try OutputTarget.resolve(output) } catch {
                throw CommandFailure("\(output): \(error.description) (nothing was written)")
            }
            if case .file(let file) = target, FileManager.default.fileExists(atPath: file) {
                throw CommandFailure("\(output): already exists; choose another name (nothing was overwritten)")
            }
            toStandardOutput = target.isStandardOutput
        }
        // Every OTHER is read before BASE is touched: one unreadable file stops everything.
        var loaded: [Workshop] = []
        for path in others {
            do { loaded.append(try SessionStore().load(path)) } catch { throw CommandFailure(error) }
        }
        var summary = MergeSummary()
        do throws(SessionFileError) {
            if let output {
                let (merged, result) = SessionMerge.merge(base: try SessionStore().load(base), others: loaded)
                try SessionStore().create(merged, at: output)
                summary = result
            } else {
                try SessionStore().update(base) { workshop in
                    let (merged, result) = SessionMerge.merge(base: workshop, others: loaded)
                    workshop = merged
                    summary = result
                }
            }
        } catch {
            throw CommandFailure(error)
        }
        summary.target = output ?? base
        // With -o - the session file is on standard output: the summary must not mix with it.
        if toStandardOutput { printError(summary.line) } else { printLine(summary.line) }
    }
}
