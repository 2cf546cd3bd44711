import Foundation

/// Moves what belongs to the programme out of its workshops' files: files written before the
/// programme file existed carry the programme's results, difficulties, ideas and closing
/// recommendation in every workshop's synthesis (the samples do). `datajam programme adopt` puts
/// the texts every workshop shares into the programme, then deletes the copies (tombstones, so
/// merged copies agree), so that each workshop's own report stops repeating them. A text only some
/// workshops share stays theirs: it may be a point those workshops made.
public enum ProgrammeAdoption {
    public struct Outcome: Equatable, Sendable {
        /// Texts added to the programme, by section.
        public var adopted: [Programme.Section: Int] = [:]
        public var adoptedRecommendations = 0
        /// Copies deleted from the workshops, by workshop id.
        public var removed: [String: Int] = [:]

        public init() {}
    }

    /// Adds to `programme` the synthesis texts that all `workshops` (two at least) carry and it does
    /// not hold yet, and deletes from each workshop its copies of the programme's texts.
    public static func adopt(into programme: inout Programme, from workshops: inout [Workshop],
                             at now: Timestamp = .now()) -> Outcome {
        var outcome = Outcome()
        guard workshops.count > 1 else { return outcome }
        let sections: [(Programme.Section, Synthesis.Section)] = [(.result, .results), (.difficulty, .difficulties), (.idea, .improvements)]
        for (programmeSection, workshopSection) in sections {
            var items = programmeSection[programme]
            for text in shared(workshops.map { $0.synthesis[workshopSection] }) where !items.live.contains(where: { key($0.text) == key(text) }) {
                items.append(SynthesisItem(text: text, createdAt: now))
                outcome.adopted[programmeSection, default: 0] += 1
            }
            programmeSection.set(items, in: &programme)
        }
        for text in shared(workshops.map { $0.synthesis.recommendations })
        where !programme.recommendations.live.contains(where: { key($0.text) == key(text) }) {
            programme.recommendations.append(Recommendation(text: text, createdAt: now))
            outcome.adoptedRecommendations += 1
        }

        let held: [Synthesis.Section: Set<String>] = [
            .results: Set(programme.results.live.map { key($0.text) }),
            .difficulties: Set(programme.difficulties.live.map { key($0.text) }),
            .improvements: Set(programme.improvements.live.map { key($0.text) }),
            .recommendations: Set(programme.recommendations.live.map { key($0.text) }),
        ]
        for w in workshops.indices {
            for section in Synthesis.Section.allCases {
                for i in workshops[w].synthesis[section].indices {
                    let item = workshops[w].synthesis[section][i]
                    guard !item.isDeleted, held[section]?.contains(key(item.text)) == true else { continue }
                    let stamp = now.later(than: item.updatedAt)
                    workshops[w].synthesis[section][i].deletedAt = stamp
                    workshops[w].synthesis[section][i].updatedAt = stamp
                    outcome.removed[workshops[w].id, default: 0] += 1
                }
            }
        }
        return outcome
    }

    /// The live texts every list has, in the first list's order, each once.
    private static func shared(_ lists: [[SynthesisItem]]) -> [String] {
        guard let first = lists.first else { return [] }
        let others = lists.dropFirst().map { Set($0.live.map { key($0.text) }) }
        var seen = Set<String>()
        return first.live.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { text in
            let k = key(text)
            return !text.isEmpty && others.allSatisfy { $0.contains(k) } && seen.insert(k).inserted
        }
    }

    /// Two texts say the same when this is equal: case, accents, widths, typographic apostrophes and
    /// runs of white space aside (the key the consolidated report uses to print a text once).
    static func key(_ text: String) -> String {
        SessionMerge.nameKey(text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'"))
    }
}
