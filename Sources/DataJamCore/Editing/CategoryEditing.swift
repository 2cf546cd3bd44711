/// Adding, renaming and deleting constraint categories (see ``Workshop/teamAddition(name:scope:rapporteur:now:)``
/// for teams). A constraint always has a category, so deleting one that live constraints use
/// needs another category to move them to.
extension Workshop {
    /// A new live category labelled `label`, with a fresh id derived from it, or why it cannot be added.
    public func categoryAddition(label: String, now: Timestamp = .now()) throws(InputError) -> ConstraintCategory {
        let label = try Self.checkedName(label, what: "category label")
        let probe = ConstraintCategory(id: "", label: label, createdAt: now)
        if let clash = WorkshopChange.category(probe).nameClash(in: self) { throw InputError(clash.description) }
        return ConstraintCategory(id: unusedCategoryID(for: label), label: label, createdAt: now)
    }

    /// An id for a category labelled `label` that no category of the file (deleted ones
    /// included) has: its slug, numbered when taken, short enough to be a valid id.
    public func unusedCategoryID(for label: String) -> String {
        var stem = String(ConstraintCategory.slug(for: label).prefix(40))
        while stem.last == "-" { stem.removeLast() }
        var id = stem
        var n = 2
        while categories.record(withID: id) != nil { id = "\(stem)-\(n)"; n += 1 }
        return id
    }

    /// The category `id` relabelled, or why it cannot be.
    public func categoryRenaming(_ id: String, to newLabel: String) throws(InputError) -> ConstraintCategory {
        guard var category = categories.record(withID: id), !category.isDeleted else { throw InputError("no live category \"\(id)\"") }
        category.label = try Self.checkedName(newLabel, what: "category label")
        if let clash = WorkshopChange.category(category).nameClash(in: self) { throw InputError(clash.description) }
        return category
    }

    /// The live constraints filed under category `id`.
    public func liveConstraints(in id: String) -> [Finding] {
        findings.filter { $0.category == id && !$0.isDeleted }
    }

    /// The changes that delete category `id` and move its live constraints to category
    /// `destination`; `destination` may be nil only when no live constraint uses the category.
    public func categoryDeletion(_ id: String, movingConstraintsTo destination: String?) throws(InputError) -> [WorkshopChange] {
        guard var category = categories.record(withID: id), !category.isDeleted else { throw InputError("no live category \"\(id)\"") }
        let moving = liveConstraints(in: id)
        if let destination {
            guard destination != id else { throw InputError("the constraints of \"\(category.label)\" cannot move to the category being deleted; choose another") }
            guard categories.record(withID: destination).map({ !$0.isDeleted }) == true else {
                throw InputError("no live category \"\(destination)\" to move the constraints to")
            }
        } else if !moving.isEmpty {
            let others = categories.live.filter { $0.id != id }.map(\.label)
            throw InputError("\(moving.count) constraint(s) are filed under \"\(category.label)\"; say where they go with --move-to, one of: \(others.isEmpty ? "(add another category first)" : others.joined(separator: ", "))")
        }
        var changes: [WorkshopChange] = moving.map { finding in
            var moved = finding
            moved.category = destination
            return .finding(moved)
        }
        category.deletedAt = category.updatedAt
        changes.append(.category(category))
        return changes
    }

    /// The live category a user names for renaming or deleting: its id or its exact label (case
    /// and accents aside).
    public func categoryForEditing(_ idOrLabel: String) throws(InputError) -> ConstraintCategory {
        let matches = categories(matching: idOrLabel)
        guard matches.count < 2 else {
            let listed = matches.map { "\"\($0.label)\" (\($0.id))" }.joined(separator: ", ")
            throw InputError("\"\(idOrLabel)\" matches \(matches.count) categories: \(listed); give the category's id instead")
        }
        if let category = matches.first { return category }
        let labels = categories.live.map { "\($0.label) (\($0.id))" }
        throw InputError("no category \"\(idOrLabel)\"; categories are: \(labels.isEmpty ? "(none yet)" : labels.joined(separator: ", "))")
    }
}
