/// A light stemmer for the words of findings, mostly French: enough for `SimilarFindings` to see
/// that two texts use the same word in another form, not a linguist's stemmer.
///
/// A folded word (lower case, no accents) loses a plural `s` or `x`, then its longest common
/// ending among feminine, participle and derivation suffixes (keeping at least four letters), and
/// is cut to five letters: "formés", "formées", "formation", "formations" → `form`; "format",
/// "formats" → `forma`; "coordination", "coordonner" → `coord`; "secrètes" → `secre`. Cutting alone
/// (as before) made "formation" and "format" one word and linked training to file formats.
enum FrenchStem {
    static func of(_ folded: String) -> String {
        var w = folded
        if w.count > 3, w.hasSuffix("s") || w.hasSuffix("x") { w.removeLast() }
        for suffix in suffixes where w.hasSuffix(suffix) && w.count - suffix.count >= 4 {
            w.removeLast(suffix.count)
            break
        }
        let stem = String(w.prefix(5))
        return concepts[stem] ?? stem
    }

    /// Longest first, so "ation" is taken before "on" would be (and "ees" before "e").
    private static let suffixes: [String] = [
        "ations", "ation", "ements", "ement", "atrice", "ateur", "ables", "able", "ibles", "ible",
        "ites", "ite", "euses", "euse", "ances", "ance", "ees", "ee", "ies", "ie", "es", "er", "e",
    ].sorted { $0.count > $1.count }

    /// Words the programme's findings use for the same barrier, taken as one: the seed's authors
    /// saw coordination, secrecy, unusable formats and missing training recur in all three
    /// workshops, written "coordination", "collaboration", "coopération"; "culture d'opacité",
    /// "culture du secret", "réticences à partager"; "PDF non lisible",
    /// "formats inexploitables"; "formation", "personnels formés", "compétences", "capacités". The
    /// list is small on purpose: each entry is a stem as `of` makes it, mapped to a shared token
    /// that `--suggest-links` shows among the shared words; it suggests, the facilitator confirms.
    static let concepts: [String: String] = [
        "coord": "≈coordination", "colla": "≈coordination", "coope": "≈coordination",
        "secre": "≈secret", "opac": "≈secret", "opaqu": "≈secret", "retic": "≈secret",
        "forma": "≈format", "pdf": "≈format",
        "form": "≈formation", "compe": "≈formation", "capac": "≈formation",
    ]

    static func isConcept(_ stem: String) -> Bool { stem.hasPrefix("≈") }
}
