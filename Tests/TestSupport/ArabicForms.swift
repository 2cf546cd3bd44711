import Foundation

/// Screens show Arabic joined, in presentation forms (U+FB50–FDFF, U+FE70–FEFF), as FriBidi shapes it for
/// terminals that join no letters. Tests compare what a reader reads: those forms mapped back to the letters
/// (NFKC, on those characters only, so that "…" and other compatibility characters stay as they are).
/// A lam-alef ligature comes back as lam then alef.
public func unshapedArabic(_ text: String) -> String {
    var result = ""
    for character in text {
        let isPresentationForm = character.unicodeScalars.contains {
            (0xFB50...0xFDFF).contains($0.value) || (0xFE70...0xFEFF).contains($0.value)
        }
        result += isPresentationForm ? String(character).precomposedStringWithCompatibilityMapping : String(character)
    }
    return result
}

public func unshapedArabic(_ lines: [String]) -> [String] { lines.map { unshapedArabic($0) } }
