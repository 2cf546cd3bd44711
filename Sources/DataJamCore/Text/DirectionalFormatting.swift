/// The Unicode controls that change the direction text is laid out in: the embeddings and
/// overrides U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and the isolates U+2066–U+2069 (LRI, RLI,
/// FSI, PDI).
///
/// A finding that holds one reverses what follows it wherever it is shown ("override" reads
/// "edirrevo" after U+202E), and an unclosed one spills into the text around it. They are kept in
/// the session file (it is data: what was typed), and left out of everything shown or exported.
/// The plain marks U+200E, U+200F and U+061C only give a neutral character a direction and cannot
/// reorder a word: they are left alone.
public enum DirectionalFormatting {
    public static func isDirectionalFormatting(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// `text` without its direction controls (the same string when it has none, the common case).
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: isDirectionalFormatting) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isDirectionalFormatting(scalar) { result.append(scalar) }
        return String(result)
    }
}

extension String {
    /// This text without the controls that reorder it on display; see ``DirectionalFormatting``.
    public var withoutDirectionalFormatting: String { DirectionalFormatting.removed(from: self) }
}
