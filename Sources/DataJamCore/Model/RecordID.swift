/// Generates record ids: a short kind prefix and ten random base-32 characters (`f-k3x9q2m7ab`).
///
/// Random rather than sequential so that rapporteurs adding findings on different laptops never
/// collide when their files are merged (32^10 ≈ 10^15 values).
public enum RecordID {
    private static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    public static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(prefix, using: &generator)
    }

    public static func make(_ prefix: String, using generator: inout some RandomNumberGenerator) -> String {
        var s = prefix + "-"
        for _ in 0..<10 { s.append(alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))]) }
        return s
    }
}
