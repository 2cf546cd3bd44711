import DataJamCore

/// The short reference of a suggested pair of findings (`k3x9q2`): what a facilitator types to
/// confirm it (`datajam programme link k3x9q2`). It is a digest of the two findings' references,
/// in either order, so it names the same pair at every run, whatever was added to the files since;
/// six letters of the record ids' alphabet (no 0/o, 1/l) give 2^30 values, far more than the
/// pairs of a programme, and a reference that two pairs share is refused as ambiguous.
public enum SuggestionReference {
    public static func of(_ a: FindingReference, _ b: FindingReference) -> String {
        let (low, high) = a < b ? (a, b) : (b, a)
        // FNV-1a, 64 bits: stable across runs and platforms (Swift's `Hasher` is seeded per process).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(low)|\(high)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        var text = ""
        for _ in 0..<6 {
            text.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        return text
    }

    /// Whether `text` has the form of a suggestion's reference (rather than a finding's or a link's).
    public static func looksLikeOne(_ text: String) -> Bool {
        text.count == 6 && text.allSatisfy { alphabet.contains($0) }
    }

    private static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
}
