import DataJamCore

/// Short team names for the consolidated view's tags ("[Transport]") and the matrix's column
/// headers: the whole name when it is short, else the fewest leading words (past a "Team" or
/// "Équipe" prefix) that no other team's name starts with.
public struct TeamTags: Sendable, Equatable {
    static let maxWidth = 14
    private var byID: [String: String] = [:]

    init(_ teams: [Team]) {
        let live = teams.filter { !$0.isDeleted }
        let liveWords = live.map { Self.words($0.name).map { $0.lowercased() } }
        for team in teams {
            byID[team.id] = TextWrap.truncate(Self.short(team.name, othersWords: liveWords, ownID: team.id, live: live), width: Self.maxWidth)
        }
    }

    /// The tag of a team (nil: the plenary).
    func tag(_ teamID: String?, lang: Lang) -> String {
        guard let teamID else { return Vocabulary.plenary(lang) }
        return byID[teamID] ?? teamID
    }

    /// "Transport et Infrastructure" → "Transport", "Team Santé et affaires sociales" → "Santé",
    /// "Investissement" → "Investissement".
    static func short(_ name: String, othersWords: [[String]] = [], ownID: String = "", live: [Team] = []) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if DisplayWidth.of(trimmed) <= maxWidth { return trimmed }
        let words = words(trimmed)
        guard !words.isEmpty else { return trimmed }
        let others = zip(live, othersWords).filter { $0.0.id != ownID }.map(\.1)
        let lowered = words.map { $0.lowercased() }
        // A tiny first word ("La", "Le") says nothing alone.
        var count = DisplayWidth.of(words[0]) <= 3 && words.count > 1 ? 2 : 1
        while count < words.count, others.contains(where: { $0.starts(with: lowered.prefix(count)) }) { count += 1 }
        var tag = words.prefix(count).joined(separator: " ")
        while let last = tag.last, ":,;-–·".contains(last), tag.count > 1 { tag.removeLast() }
        return tag
    }

    /// The name's words, without a leading "Team" or "Équipe".
    private static func words(_ name: String) -> [String] {
        var words = name.split(whereSeparator: { $0 == " " }).map(String.init)
        if words.count > 1, ["team", "équipe", "equipe"].contains(words[0].lowercased()) { words.removeFirst() }
        return words
    }
}
