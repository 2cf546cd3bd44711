import ArgumentParser
import DataJamCore

/// `datajam restore FILE ID`: brings back a deleted finding, team or category from its tombstone.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a deleted finding, team or category (safe while others write to the file).",
        discussion: "Without an id, lists what can be restored: id, kind, deletion time (in the workshop's time zone), text or name. A finding whose team or category is deleted brings it back too.")

    @Argument(help: "The session file.")
    var file: String

    @Argument(help: "The id of the deleted finding, team or category.")
    var id: String?

    func run() throws {
        guard let id else {
            let workshop: Workshop
            do { workshop = try SessionStore().load(file) } catch { throw CommandFailure(error) }
            let zone = workshop.timeZone
            for record in workshop.deletedRecords {
                let local = zone.local(record.deletedAt)
                let when = "\(local.day) \(zone.clock(record.deletedAt)) \(zone.label)"
                let title = record.title.split(whereSeparator: \.isNewline).joined(separator: " ")
                printLine([record.id, "\(record.kind)", when, title].map { $0.replacingOccurrences(of: "\t", with: " ") }
                    .joined(separator: "\t"), layout: .tabSeparated)
            }
            return
        }
        var line = ""
        do throws(SessionFileError) {
            try SessionStore().update(file) { workshop throws(SessionFileError) in
                let kind: DeletedRecord.Kind
                if workshop.findings.record(withID: id) != nil {
                    kind = .finding
                } else if workshop.teams.record(withID: id) != nil {
                    kind = .team
                } else if workshop.categories.record(withID: id) != nil {
                    kind = .category
                } else {
                    throw SessionFileError(file: file, message: "no finding, team or category \"\(id)\"; `datajam restore \(file)` lists what can be restored")
                }
                switch workshop.restoration(of: kind, id: id) {
                case .failure(.notDeleted):
                    line = "\(id) is not deleted; nothing changed"
                case .failure(let refusal):
                    throw SessionFileError(file: file, message: "cannot restore \(id): \(refusal)")
                case .success(let changes):
                    let now = Timestamp.now()
                    for change in changes { workshop.apply(change, now: now) }
                    line = "restored \(id)" + (changes.count > 1 ? " and what it was filed under (its deleted team or category)" : "")
                }
            }
        } catch {
            throw CommandFailure(error)
        }
        printLine(line)
    }
}
