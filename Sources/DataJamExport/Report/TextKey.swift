import Foundation

/// The comparison key of a piece of typed text: two texts with the same key say the same thing.
///
/// Case, accents, typographic apostrophes and runs of white space are ignored, so
/// "Cadre juridique", "cadre  juridique" and "CADRE JURIDIQUE" match, and so do the same sentence
/// pasted into two session files with ’ in one and ' in the other.
enum TextKey {
    static func of(_ text: String) -> String {
        let folded = text
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "‘", with: "'")
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
