/// Finds the first byte where a buffer stops being well-formed UTF-8 (Unicode's table 3-7: no
/// overlong forms, no surrogates, nothing past U+10FFFF, no truncated sequence).
///
/// A session file is mostly ASCII, so eight bytes are checked at a time until a non-ASCII byte
/// appears; only multi-byte sequences are looked at one by one. Decoding scalar by scalar with
/// the standard library's `UTF8` decoder took a few milliseconds on a 4 MB file.
enum UTF8Check {
    /// The offset of the first byte of the first ill-formed sequence, or nil when all is valid.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            // Whole words of ASCII at once.
            while i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { return nil }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // The allowed range of the second byte depends on the lead byte; later ones are 80...BF.
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + 1 < count, (low...high).contains(base[i + 1]) else { return i }
            for k in 2..<length {
                guard i + k < count, base[i + k] & 0xC0 == 0x80 else { return i }
            }
            i += length
        }
        return nil
    }

    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }
}
