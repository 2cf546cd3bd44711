import ArgumentParser
import DataJamCore

/// `datajam category FILE add LABEL | rename OLD NEW | delete LABEL [--move-to CATEGORY]`.
struct CategoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "category",
        abstract: "Add, rename or delete a constraint category (safe while others write to the file).",
        discussion: """
        datajam category FILE add LABEL
        datajam category FILE rename OLD NEW
        datajam category FILE delete LABEL [--move-to CATEGORY]
        Categories are named by label or id; labels are unique (case and accents aside). Every constraint \
        has a category, so deleting one that constraints use needs --move-to. The deleted category stays \
        in the file, marked deleted, so merging an older copy does not bring it back.
        """)

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case add, rename, delete
    }

    @Argument(help: "The session file.")
    var file: String

    @Argument(help: "add, rename or delete.")
    var action: Action

    @Argument(help: "The category's label or id (rename: the old one, then the new label).")
    var names: [String] = []

    @Option(name: .customLong("move-to"), help: "delete: the category its constraints move to (label or id).")
    var moveTo: String?

    func run() throws {
        let expected = action == .rename ? 2 : 1
        guard names.count == expected else {
            throw CommandFailure(action == .rename ? "category rename needs the old label and the new one: datajam category FILE rename OLD NEW"
                                                   : "category \(action.rawValue) needs one label (quote labels with spaces)")
        }
        if action != .delete, moveTo != nil { throw CommandFailure("--move-to is for category delete") }
        var line = ""
        do throws(SessionFileError) {
            try SessionStore().update(file) { workshop throws(SessionFileError) in
                do throws(InputError) {
                    switch action {
                    case .add:
                        let category = try workshop.categoryAddition(label: names[0])
                        workshop.apply(.category(category))
                        line = "added category \"\(category.label)\" (\(category.id))"
                    case .rename:
                        let category = try workshop.categoryForEditing(names[0])
                        let renamed = try workshop.categoryRenaming(category.id, to: names[1])
                        guard renamed.label != category.label else { line = "\"\(category.label)\" already has this label; nothing changed"; return }
                        workshop.apply(.category(renamed))
                        line = "renamed category \"\(category.label)\" to \"\(renamed.label)\""
                    case .delete:
                        let category = try workshop.categoryForEditing(names[0])
                        let target = try moveTo.map { (name: String) throws(InputError) in try workshop.categoryForEditing(name) }
                        let count = workshop.liveConstraints(in: category.id).count
                        let changes = try workshop.categoryDeletion(category.id, movingConstraintsTo: target?.id)
                        let now = Timestamp.now()
                        for change in changes { workshop.apply(change, now: now) }
                        line = "deleted category \"\(category.label)\"" + (count > 0 ? "; \(count) constraint(s) moved to \(target?.label ?? "")" : "")
                    }
                } catch {
                    throw SessionFileError(file: file, message: error.description)
                }
            }
        } catch {
            throw CommandFailure(error)
        }
        printLine(line)
    }
}
