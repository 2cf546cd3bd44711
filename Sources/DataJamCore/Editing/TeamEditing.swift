/// Adding, renaming and deleting teams, as changes that the command line applies at once and the
/// interface performs as one undoable action. Names stay unique (``NameClash``); a deleted team
/// stays in the file as a tombstone so that merging an older copy cannot bring it back.
extension Workshop {
    /// A new live team named `name`, or why it cannot be added.
    public func teamAddition(name: String, scope: String = "", rapporteur: String? = nil,
                             now: Timestamp = .now()) throws(InputError) -> Team {
        let name = try Self.checkedName(name, what: "team name")
        let team = Team(name: name, scope: scope.trimmingCharacters(in: .whitespacesAndNewlines),
                        rapporteur: rapporteur?.nilIfEmpty, createdAt: now)
        if let clash = WorkshopChange.team(team).nameClash(in: self) { throw InputError(clash.description) }
        return team
    }

    /// The team `id` renamed, or why it cannot be.
    public func teamRenaming(_ id: String, to newName: String) throws(InputError) -> Team {
        guard var team = teams.record(withID: id), !team.isDeleted else { throw InputError("no live team \"\(id)\"") }
        team.name = try Self.checkedName(newName, what: "team name")
        if let clash = WorkshopChange.team(team).nameClash(in: self) { throw InputError(clash.description) }
        return team
    }

    /// The changes that delete team `id` and move its live findings to team `destination` (nil:
    /// the plenary). Its deleted findings keep pointing at it, so restoring one brings the team
    /// back with it (see ``restoration(of:)``).
    public func teamDeletion(_ id: String, movingFindingsTo destination: String?) throws(InputError) -> [WorkshopChange] {
        guard var team = teams.record(withID: id), !team.isDeleted else { throw InputError("no live team \"\(id)\"") }
        if let destination {
            guard destination != id else { throw InputError("the findings of \"\(team.name)\" cannot move to the team being deleted; choose another team or the plenary") }
            guard teams.record(withID: destination).map({ !$0.isDeleted }) == true else {
                throw InputError("no live team \"\(destination)\" to move the findings to")
            }
        }
        var changes: [WorkshopChange] = []
        for var finding in findings where finding.teamId == id && !finding.isDeleted {
            finding.teamId = destination
            changes.append(.finding(finding))
        }
        team.deletedAt = team.updatedAt
        changes.append(.team(team))
        return changes
    }

    /// The live team a user names for renaming or deleting: its exact name (case and accents
    /// aside) or its id, never a prefix, so that a typo cannot delete the wrong team.
    public func teamForEditing(_ name: String) throws(InputError) -> Team {
        let key = SessionMerge.nameKey(name)
        let live = teams.live
        let matches = live.filter { SessionMerge.nameKey($0.name) == key }
        guard matches.count < 2 else { throw InputError(Self.ambiguousTeam(name, matches)) }
        if let team = matches.first ?? live.first(where: { $0.id == name }) { return team }
        let names = live.map(\.name)
        throw InputError("no team \"\(name)\"; teams are: \(names.isEmpty ? "(none yet)" : names.joined(separator: ", "))")
    }

    /// A name as typed, trimmed, not empty and within the short-text limit.
    static func checkedName(_ name: String, what: String) throws(InputError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw InputError("the \(what) is empty; type one") }
        guard trimmed.unicodeScalars.count <= Limits.shortText else {
            throw InputError("the \(what) is \(trimmed.unicodeScalars.count) characters long; at most \(Limits.shortText)")
        }
        guard !trimmed.contains(where: \.isNewline) else { throw InputError("the \(what) holds a line break; keep it on one line") }
        return trimmed
    }
}
