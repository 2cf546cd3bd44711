/// Team names and constraint-category labels are unique in a workshop, under the key merges match
/// them by (``SessionMerge/nameKey(_:)``: case, accents, width and runs of spaces ignored): two
/// "Droit de l'Homme" tabs cannot be told apart on screen, and `--team` would open either.
///
/// A clash is what a change would break: the name it gives a live team (or category) that another
/// live one already has.
public struct NameClash: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case team, category
    }

    public var kind: Kind
    /// The name asked for.
    public var name: String
    /// The name the other record already has (it may differ in case or accents).
    public var existing: String

    public init(kind: Kind, name: String, existing: String) {
        self.kind = kind
        self.name = name
        self.existing = existing
    }

    public var description: String {
        switch kind {
        case .team:
            "a team is already named \"\(existing)\"; choose another name (names that differ only by case or accents are the same)"
        case .category:
            "a category is already named \"\(existing)\"; choose another label (labels that differ only by case or accents are the same)"
        }
    }

    /// The first name of `names` that repeats an earlier one, with the earlier one: for lists of
    /// names typed at once (`datajam new --team`, the new-workshop form).
    public static func firstRepeat(in names: [String], kind: Kind) -> NameClash? {
        var seen: [String: String] = [:]
        for name in names {
            let key = SessionMerge.nameKey(name)
            if let earlier = seen[key] { return NameClash(kind: kind, name: name, existing: earlier) }
            seen[key] = name
        }
        return nil
    }
}

extension WorkshopChange {
    /// The clash applying this change to `workshop` would create, if any: a live team or category
    /// given a name another live one (of another id) already has.
    public func nameClash(in workshop: Workshop) -> NameClash? {
        switch self {
        case .team(let team):
            guard !team.isDeleted else { return nil }
            let key = SessionMerge.nameKey(team.name)
            return workshop.teams.live.first { $0.id != team.id && SessionMerge.nameKey($0.name) == key }
                .map { NameClash(kind: .team, name: team.name, existing: $0.name) }
        case .category(let category):
            guard !category.isDeleted else { return nil }
            let key = SessionMerge.nameKey(category.label)
            return workshop.categories.live.first { $0.id != category.id && SessionMerge.nameKey($0.label) == key }
                .map { NameClash(kind: .category, name: category.label, existing: $0.label) }
        default:
            return nil
        }
    }
}
