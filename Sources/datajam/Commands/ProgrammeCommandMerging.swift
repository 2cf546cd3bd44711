import DataJamCore
import Foundation

/// The actions of `datajam programme` that bring other files in: copies of the programme file
/// from other laptops (`merge`), and the programme's texts out of its workshops' files (`adopt`).
extension ProgrammeCommand {
    /// Copies of the programme file from other laptops, merged record by record into this one.
    /// Every copy is read before anything is written: one unreadable copy stops the merge.
    func merge(_ path: String, _ arguments: [String]) throws {
        guard !arguments.isEmpty else { throw CommandFailure("merge takes the copies to bring in: datajam programme FOLDER merge OTHER.json...") }
        var copies: [Programme] = []
        for other in arguments {
            do { copies.append(try ProgrammeStore().load(other)) } catch { throw CommandFailure(error) }
        }
        do throws(SessionFileError) {
            try ProgrammeStore().update(path) { programme throws(SessionFileError) in
                for copy in copies { programme = programme.merged(with: copy) }
            }
        } catch {
            throw CommandFailure(error)
        }
        printLine("merged \(copies.count) file\(copies.count == 1 ? "" : "s") into \(path)")
    }

    /// Texts every workshop file carries move into the programme; their copies are deleted. All
    /// files are read first (one that cannot be read stops it before anything is written); the
    /// programme is written first, so an interruption leaves copies, never lost texts.
    func adopt(_ path: String, _ arguments: [String]) throws {
        guard arguments.isEmpty else { throw CommandFailure("adopt takes no argument") }
        let files = sessions.isEmpty ? ProgrammeLocation.sessionFiles(besides: path) : sessions
        var workshops = try self.workshops(path)
        guard workshops.count > 1 else { throw CommandFailure("adopt needs the files of two workshops at least; give them with --session FILE") }
        var outcome = ProgrammeAdoption.Outcome()
        do throws(SessionFileError) {
            try ProgrammeStore().update(path) { programme throws(SessionFileError) in
                outcome = ProgrammeAdoption.adopt(into: &programme, from: &workshops)
            }
            for (file, workshop) in zip(files, workshops) where (outcome.removed[workshop.id] ?? 0) > 0 {
                // Under the lock, merged with what others wrote meanwhile: only the deletions are new.
                try SessionStore().save(merging: workshop, to: file)
            }
        } catch {
            throw CommandFailure(error)
        }
        let adopted = outcome.adopted.values.reduce(0, +) + outcome.adoptedRecommendations
        let removed = outcome.removed.values.reduce(0, +)
        printLine("adopted \(adopted) text\(adopted == 1 ? "" : "s") into \(path); removed \(removed) cop\(removed == 1 ? "y" : "ies") from \(outcome.removed.count) workshop file\(outcome.removed.count == 1 ? "" : "s")")
    }
}
