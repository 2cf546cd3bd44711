import ArgumentParser
import DataJamCore

/// `datajam edit FILE ID TEXT...`: replaces one finding's text, safely while others write.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Replace a finding's text (safe while others write to the file).",
        discussion: "The id is the one `datajam add` printed, or the first column of `datajam list`.")

    @Argument(help: "The session file.")
    var file: String

    @Argument(help: "The finding's id.")
    var id: String

    // Optional on the command line so that a missing text gets the same one-line error as an empty one.
    @Argument(help: "The new text (several words are joined).")
    var text: [String] = []

    func run() throws {
        let text = text.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CommandFailure("\(file): the finding's text is empty; type what the team said") }
        guard text.unicodeScalars.count <= Limits.longText else {
            throw CommandFailure("\(file): the text is \(text.unicodeScalars.count) characters long; at most \(Limits.longText)")
        }
        var changed = false
        do throws(SessionFileError) {
            try SessionStore().update(file) { workshop throws(SessionFileError) in
                let index = try FindingLookup.index(of: id, in: workshop, file: file)
                var finding = workshop.findings[index]
                guard !finding.isDeleted else {
                    throw SessionFileError(file: file, message: "finding \"\(id)\" is deleted; it cannot be edited")
                }
                guard finding.text != text else { return }
                finding.text = text
                finding.updatedAt = .now(after: finding.updatedAt)
                workshop.findings[index] = finding
                changed = true
            }
        } catch {
            throw CommandFailure(error)
        }
        printLine(changed ? "edited \(id)" : "\(id) already has this text; nothing changed")
    }
}

/// `datajam delete FILE ID`: deletes one finding (a tombstone, so merges keep it deleted).
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a finding (safe while others write to the file; deleting it again does nothing).",
        discussion: "The finding stays in the file, marked deleted, so merging an older copy does not bring it back.")

    @Argument(help: "The session file.")
    var file: String

    @Argument(help: "The finding's id.")
    var id: String

    func run() throws {
        var changed = false
        do throws(SessionFileError) {
            try SessionStore().update(file) { workshop throws(SessionFileError) in
                let index = try FindingLookup.index(of: id, in: workshop, file: file)
                guard !workshop.findings[index].isDeleted else { return }
                let now = Timestamp.now(after: workshop.findings[index].updatedAt)
                workshop.findings[index].updatedAt = now
                workshop.findings[index].deletedAt = now
                changed = true
            }
        } catch {
            throw CommandFailure(error)
        }
        printLine(changed ? "deleted \(id)" : "\(id) was already deleted; nothing changed")
    }
}

enum FindingLookup {
    static func index(of id: String, in workshop: Workshop, file: String) throws(SessionFileError) -> Int {
        guard let index = workshop.findings.index(ofID: id) else {
            throw SessionFileError(file: file, message: "no finding \"\(id)\" in this file; `datajam list \(file)` shows the ids")
        }
        return index
    }
}
