/// Merging must not leave two live teams (or categories) of one name.
///
/// Same-named records of different ids are folded into one (see ``SessionMerge``), except when
/// BASE holds both ids: BASE's ids never change, so they cannot be folded. That happens when a
/// rapporteur's copy renamed a team to the name of another, or when BASE itself was written before
/// names were kept unique. The records stay apart, and all but the earliest created get a number:
/// "Santé (2)". The renamed version is stamped one millisecond after the one it replaces, so the
/// result does not depend on the order of the files, wins over the copies still holding the old
/// name, and merging again changes nothing.
enum RepeatedNames {
    /// Renames the repeated names in `workshop`; returns the new names, sorted.
    static func renameRepeats(in workshop: inout Workshop) -> [String] {
        renamed(&workshop.teams, \.name) + renamed(&workshop.categories, \.label)
    }

    private static func renamed<R: StampedRecord>(_ records: inout [R], _ name: WritableKeyPath<R, String>) -> [String] {
        var taken = Set<String>()
        var byKey: [String: [Int]] = [:]
        for index in records.indices where !records[index].isDeleted {
            let key = SessionMerge.nameKey(records[index][keyPath: name])
            taken.insert(key)
            byKey[key, default: []].append(index)
        }
        var newNames: [String] = []
        for indices in byKey.values where indices.count > 1 {
            let ordered = indices.sorted { (records[$0].createdAt, records[$0].id) < (records[$1].createdAt, records[$1].id) }
            for index in ordered.dropFirst() {
                let base = records[index][keyPath: name].trimmingCharacters(in: .whitespaces)
                var number = 2
                while taken.contains(SessionMerge.nameKey(numbered(base, number))) { number += 1 }
                let unique = numbered(base, number)
                taken.insert(SessionMerge.nameKey(unique))
                records[index][keyPath: name] = unique
                records[index].updatedAt = records[index].updatedAt.later(than: records[index].updatedAt)
                newNames.append(unique)
            }
        }
        return newNames.sorted()
    }

    /// "Name (2)", shortened so that it stays within the length a file may hold: a longest
    /// possible name must not become one the loader refuses.
    private static func numbered(_ name: String, _ number: Int) -> String {
        let suffix = " (\(number))"
        let room = max(0, Limits.shortText - suffix.unicodeScalars.count)
        return String(String.UnicodeScalarView(name.unicodeScalars.prefix(room))) + suffix
    }
}
