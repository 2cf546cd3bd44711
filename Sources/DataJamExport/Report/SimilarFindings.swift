import DataJamCore
import Foundation

/// Findings of different workshops that likely make the same point, found by the words they
/// share: the first step of counting recurrence by meaning rather than by category label (one
/// workshop files "lack of coordination" under "Gouvernance", another under "Barrières
/// organisationnelles"). These are suggestions for the facilitator to confirm, never counted as
/// recurrence on their own: `datajam report --suggest-links` lists them.
///
/// Two texts are compared on their content words (case, accents and common French and English
/// function words ignored), stemmed (`FrenchStem`: plural and feminine endings and common
/// suffixes off, then cut to five letters, so that "coordination" and "coordonner", "PDFs" and
/// "PDF", "formés" and "formation" meet while "formats" and "formation" no longer do), with a few
/// words of the domain taken as one (`FrenchStem.concepts`: "coordination" and "collaboration";
/// "secret", "opacité" and "réticence";
/// "format" and "PDF"; "formation", "compétences" and "capacités", each counting twice); a word
/// weighs more the fewer findings use it, and a pair is suggested when the words they share make a fifth of the lighter
/// text's weight; each finding appears in at most three suggestions, the best. Pairs the
/// programme file already links are left out: they are confirmed.
public enum SimilarFindings {
    public struct Suggestion: Sendable, Hashable {
        public var kind: FindingKind
        public var first: Side
        public var second: Side
        /// The weight of the shared words over the lighter text's weight, 0 to 1.
        public var score: Double
        public var sharedWords: [String]

        /// A short reference to type (`datajam programme link k3x9q2`), the same at every run
        /// for the same two findings whatever else changed (see `SuggestionReference`).
        public var reference: String { SuggestionReference.of(first.reference, second.reference) }
    }

    public struct Side: Sendable, Hashable {
        public var workshopID: String
        public var workshopTheme: String
        public var findingID: String
        public var text: String

        public var reference: FindingReference { FindingReference(workshop: workshopID, finding: findingID) }
    }

    public static func suggest(_ workshops: [Workshop], programme: Programme? = nil,
                               kinds: Set<FindingKind> = [.constraint, .opportunity, .dataNeed],
                               minimumScore: Double = 0.2, perFinding: Int = 3) -> [Suggestion] {
        let linked = programme?.links.live ?? []
        func isLinked(_ a: FindingReference, _ b: FindingReference) -> Bool {
            linked.contains { $0.findings.contains(a) && $0.findings.contains(b) }
        }
        struct Entry { var side: Side; var kind: FindingKind; var stems: Set<String> }
        var entries: [[Entry]] = []
        for workshop in workshops {
            entries.append(workshop.findings.live.filter { kinds.contains($0.kind) }.map { finding in
                Entry(side: Side(workshopID: workshop.id, workshopTheme: workshop.details.theme, findingID: finding.id, text: finding.text),
                      kind: finding.kind, stems: stems(finding.text))
            })
        }
        // Words that few findings use say more than words every finding uses: each stem weighs
        // log(N / findings using it). A short finding ("lack of coordination") inside a long one
        // is the same point: the shared weight is measured against the lighter of the two texts.
        let all = entries.flatMap { $0 }
        var used: [String: Int] = [:]
        for entry in all { for stem in entry.stems { used[stem, default: 0] += 1 } }
        let count = Double(max(all.count, 1))
        // A domain concept (`FrenchStem.concepts`) is the barrier itself, however it is worded:
        // it counts twice, or a long finding that names it among ten other words never reaches
        // the threshold ("formats inexploitables" in a list of technical barriers).
        func weight(_ stem: String) -> Double {
            log(count / Double(used[stem] ?? 1)) * (FrenchStem.isConcept(stem) ? 2 : 1)
        }
        // Summed in sorted order: a set's order changes from one run to the next (per-process
        // hashing), and so would the last bits of a sum, and with them the order of equal scores.
        func total(_ stems: Set<String>) -> Double { stems.sorted().map(weight).reduce(0, +) }
        func norm(_ stems: Set<String>) -> Double { total(stems) }
        var suggestions: [Suggestion] = []
        for a in entries.indices {
            for b in entries.indices where b > a {
                for x in entries[a] {
                    let nx = norm(x.stems)
                    for y in entries[b] where y.kind == x.kind && !isLinked(x.side.reference, y.side.reference) {
                        let shared = x.stems.intersection(y.stems)
                        let ny = norm(y.stems)
                        guard !shared.isEmpty, nx > 0, ny > 0 else { continue }
                        let score = total(shared) / min(nx, ny)
                        guard score >= minimumScore else { continue }
                        suggestions.append(Suggestion(kind: x.kind, first: x.side, second: y.side, score: score,
                                                      sharedWords: shared.sorted()))
                    }
                }
            }
        }
        // Best first; equal scores in workshop and file order (the sort is stable on the offsets).
        let ranked = suggestions.enumerated().sorted { l, r in
            l.element.score != r.element.score ? l.element.score > r.element.score : l.offset < r.offset
        }.map(\.element)
        // At most `perFinding` suggestions name a finding: the facilitator reads a short list.
        var named: [String: Int] = [:]
        return ranked.filter { suggestion in
            let keys = [suggestion.first.workshopID + "/" + suggestion.first.findingID,
                        suggestion.second.workshopID + "/" + suggestion.second.findingID]
            guard keys.allSatisfy({ named[$0, default: 0] < perFinding }) else { return false }
            for key in keys { named[key, default: 0] += 1 }
            return true
        }
    }

    /// The text's content words, folded, stemmed and cut to five letters (`FrenchStem`).
    static func stems(_ text: String) -> Set<String> {
        let words = TextKey.of(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var stems = Set<String>()
        for word in words {
            let w = String(word)
            guard w.count >= 3, !stopWords.contains(w) else { continue }
            stems.insert(FrenchStem.of(w))
        }
        return stems
    }

    private static let stopWords: Set<String> = [
        // French
        "les", "des", "une", "par", "sur", "aux", "que", "qui", "pas", "non", "est", "ont", "son", "ses", "nos",
        "vos", "mes", "ils", "elle", "sont", "peu", "tel", "via", "etc", "ete", "fait",
        "avec", "dans", "pour", "sans", "sous", "entre", "leur", "leurs", "cette", "ces", "sont", "etre", "plus", "moins",
        "tres", "comme", "aussi", "ainsi", "dont", "elles", "mais", "donc", "tout", "tous", "toutes", "autre", "autres",
        "meme", "ceux", "celles", "afin", "lors", "selon", "chez", "vers", "manque", "absence", "donnees", "niveau",
        "certains", "certaines", "plusieurs", "notamment", "ainsi", "lies", "liee", "liees", "relatifs", "relatives",
        // English
        "the", "and", "for", "not", "are", "was", "but", "all", "any", "its", "has", "had", "who", "how", "why",
        "with", "from", "that", "this", "these", "those", "their", "there", "which", "into", "about", "than", "more",
        "less", "also", "lack", "data", "some", "such", "being", "were", "have", "been",
    ]
}
