import DataJamCore
import Foundation

extension Workshop {
    /// This workshop with no person's name left in it, for publishing: team rapporteurs and
    /// finding authors are removed, named participants emptied, and each of those names is
    /// replaced by `Anonymizer.placeholder` wherever a free text mentions it (findings, synthesis,
    /// partnerships, details and notes, session titles and outlines, scopes, names and labels,
    /// organisations, data-need producers and formats). Deleted records are scrubbed too.
    ///
    /// Organisations, counts, ids and times stay. Names match whole words, ignoring case and
    /// accents, longest first ("Leïla Ben Salah" before "Leïla"), spaces, hyphens or line breaks
    /// between their words; names of fewer than 3 letters are not searched for (too many false
    /// hits). Only names recorded in those three places are known: a first name typed alone in a
    /// text is caught only if it was also recorded alone (e.g. as an author). A recorded name is
    /// also found surname first (`TRABELSI Hédi`, `Ben Salah, Leïla`) and, in Arabic, behind the
    /// one-letter prefixes a sentence glues to it (`ولمحمد بن علي`). E-mail addresses, @handles and
    /// phone numbers are removed whoever they belong to.
    public func anonymized() -> Workshop { anonymized(names: Anonymizer.personNames(in: self)) }

    /// This workshop with `names` (and its own recorded people) removed: the names of every
    /// workshop of a consolidated report, since a rapporteur of one may be quoted in another.
    public func anonymized(names: [String]) -> Workshop {
        let matcher = NameMatcher(names: names + Anonymizer.personNames(in: self))
        var w = self
        func scrub(_ text: inout String) { text = matcher.redact(text) }
        func scrub(_ texts: inout [String]) { texts = texts.map(matcher.redact) }

        scrub(&w.details.theme)
        scrub(&w.details.focus)
        scrub(&w.details.city)
        scrub(&w.details.context)
        scrub(&w.details.objectives)
        scrub(&w.details.facilitatorNotes)
        for i in w.participantGroups.indices {
            w.participantGroups[i].people = []
            scrub(&w.participantGroups[i].name)
            scrub(&w.participantGroups[i].organisations)
        }
        for i in w.sessions.indices {
            scrub(&w.sessions[i].title)
            for j in w.sessions[i].outline.indices {
                scrub(&w.sessions[i].outline[j].title)
                scrub(&w.sessions[i].outline[j].points)
            }
        }
        scrub(&w.plenary.scope)
        for i in w.teams.indices {
            w.teams[i].rapporteur = nil
            scrub(&w.teams[i].name)
            scrub(&w.teams[i].scope)
            scrub(&w.teams[i].organisations)
        }
        for i in w.categories.indices { scrub(&w.categories[i].label) }
        for i in w.findings.indices {
            w.findings[i].author = nil
            scrub(&w.findings[i].text)
            if var need = w.findings[i].dataNeed {
                need.producer = need.producer.map(matcher.redact)
                need.wantedFormat = need.wantedFormat.map(matcher.redact)
                w.findings[i].dataNeed = need
            }
        }
        for section in Synthesis.Section.allCases {
            for i in w.synthesis[section].indices { scrub(&w.synthesis[section][i].text) }
        }
        for i in w.synthesis.partnerships.indices {
            scrub(&w.synthesis.partnerships[i].producer)
            scrub(&w.synthesis.partnerships[i].reuser)
            scrub(&w.synthesis.partnerships[i].subject)
        }
        return w
    }
}

/// What `Workshop.anonymized()` removes and what it writes instead.
public enum Anonymizer {
    /// What replaces a name in a text: language-neutral, and no longer than the names searched
    /// for (3 letters at least).
    public static let placeholder = "[…]"

    /// Every workshop with the names recorded in any of them removed.
    public static func anonymize(_ workshops: [Workshop]) -> [Workshop] {
        let names = workshops.flatMap(personNames)
        return workshops.map { $0.anonymized(names: names) }
    }

    /// The people a workshop names: team rapporteurs, finding authors and named participants,
    /// deleted records included, trimmed, each once, in file order.
    public static func personNames(in workshop: Workshop) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ name: String?) {
            guard let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return }
            if seen.insert(NameMatcher.fold(name)).inserted { names.append(name) }
        }
        workshop.teams.forEach { add($0.rapporteur) }
        workshop.findings.forEach { add($0.author) }
        workshop.participantGroups.forEach { $0.people.forEach(add) }
        return names
    }
}

/// Finds names in texts as sequences of whole words, ignoring case and accents.
struct NameMatcher {
    /// One way a name is written: its folded words, and where a comma may stand between two of
    /// them (after the surname, in `Trabelsi, Hédi`).
    private struct Form: Equatable {
        var words: [String]
        var commaBefore: Int?
    }

    /// Each form of each name, grouped by first word, longest first.
    private var byFirstWord: [String: [Form]] = [:]

    static let minimumLetters = 3

    init(names: [String]) {
        for name in names where name.filter(\.isLetter).count >= Self.minimumLetters {
            let words = Self.words(in: name).map { Self.fold(String(name[$0])) }
            guard !words.isEmpty else { continue }
            add(Form(words: words, commaBefore: nil))
            // Surname first, the way lists and sign-in sheets write names: every split of the
            // words, since a surname may be several (`Ben Salah`).
            for split in words.indices.dropFirst() {
                add(Form(words: Array(words[split...] + words[..<split]), commaBefore: words.count - split))
            }
        }
        for key in byFirstWord.keys {
            byFirstWord[key]?.sort { a, b in
                a.words.count != b.words.count ? a.words.count > b.words.count : a.words.joined().count > b.words.joined().count
            }
        }
    }

    private mutating func add(_ form: Form) {
        guard let first = form.words.first else { return }
        if !(byFirstWord[first]?.contains(form) ?? false) { byFirstWord[first, default: []].append(form) }
    }

    var isEmpty: Bool { byFirstWord.isEmpty }

    /// `text` with every name, e-mail address, @handle and phone number replaced by
    /// `Anonymizer.placeholder`.
    func redact(_ text: String) -> String {
        redactNames(ContactDetails.redact(text))
    }

    private func redactNames(_ text: String) -> String {
        guard !isEmpty else { return text }
        let words = Self.words(in: text)
        guard !words.isEmpty else { return text }
        let folded = words.map { Self.fold(String(text[$0])) }
        var result = ""
        var copiedUpTo = text.startIndex
        var i = 0
        while i < words.count {
            if let count = matchLength(at: i, words: words, folded: folded, in: text) {
                result += text[copiedUpTo..<words[i].lowerBound]
                result += Anonymizer.placeholder
                copiedUpTo = words[i + count - 1].upperBound
                i += count
            } else {
                i += 1
            }
        }
        guard copiedUpTo != text.startIndex else { return text }
        result += text[copiedUpTo...]
        return result
    }

    /// How many words starting at `i` form a name (the longest that matches), or nil.
    private func matchLength(at i: Int, words: [Range<String.Index>], folded: [String], in text: String) -> Int? {
        for first in Self.withoutArabicPrefixes(folded[i]) {
            guard let candidates = byFirstWord[first] else { continue }
            for form in candidates where i + form.words.count <= words.count {
                var matches = true
                for k in 1..<form.words.count {
                    let gap = text[words[i + k - 1].upperBound..<words[i + k].lowerBound]
                    guard folded[i + k] == form.words[k], Self.joinsWords(gap, comma: form.commaBefore == k) else {
                        matches = false
                        break
                    }
                }
                if matches { return form.words.count }
            }
        }
        return nil
    }

    /// What may separate the words of one name: spaces, line breaks, hyphens, apostrophes; and one
    /// comma after a surname written first.
    private static func joinsWords(_ gap: Substring, comma: Bool) -> Bool {
        guard !gap.isEmpty else { return false }
        var commas = 0
        for character in gap {
            if character == ",", comma { commas += 1 } else if !(character.isWhitespace || "-‐‑–'’".contains(character)) { return false }
        }
        return commas <= 1
    }

    /// Arabic glues one-letter words to the next (و and, ف so, ب with, ل for, ك like, س will):
    /// `ولمحمد` is "and for Mohamed". The word as typed, then without one and two such letters.
    static func withoutArabicPrefixes(_ word: String) -> [String] {
        var forms = [word]
        var rest = Substring(word)
        for _ in 0..<2 {
            guard let first = rest.first, "وفبلكس".contains(first), rest.count > 3 else { break }
            rest = rest.dropFirst()
            forms.append(String(rest))
        }
        return forms
    }

    /// The ranges of the words of `text`: runs of letters and digits (accents and other marks
    /// belong to their letter).
    static func words(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if let s = start {
                ranges.append(s..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let start { ranges.append(start..<text.endIndex) }
        return ranges
    }

    /// Lower case without accents; plain ASCII takes a fast path.
    static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
