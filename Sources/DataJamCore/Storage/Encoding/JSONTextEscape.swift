/// How session files escape a text: as `JSONEncoder` does with `.withoutEscapingSlashes`: `\"`,
/// `\\`, `\b \t \n \f \r`, other control characters as `\u00XX`, every other byte as it is (so
/// non-ASCII text, U+2028 included, is written as its UTF-8). One function for both writers
/// (`IndentedJSONWriter`, `FindingJSONWriter`), so they cannot escape differently.
enum JSONTextEscape {
    /// At most this many bytes are written per byte of text (`\u001f`).
    static let maximumExpansion = 6

    /// Whether any byte of `utf8` must be escaped (a control character, `"` or `\\`); most texts
    /// need no escape. Eight bytes at a time: the texts are most of a session file's bytes.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// Whether some byte of `word` is below `n` (`n` ≤ 0x80): the classic test, exact as to
        /// whether there is one.
        func hasByte(below n: UInt64, _ word: UInt64) -> Bool { (word &- ones &* n) & ~word & highs != 0 }
        var i = 0
        while i + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasByte(below: 0x20, word) || hasByte(below: 1, word ^ (ones &* 0x22)) || hasByte(below: 1, word ^ (ones &* 0x5C)) {
                return true
            }
            i += 8
        }
        while i < utf8.count {
            if needsEscape(base[i]) { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }

    /// Writes `utf8` escaped (without the quotes) at `out`, which has room for
    /// `maximumExpansion` bytes per byte of it, and returns how many bytes it wrote.
    static func write(_ utf8: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        func put(_ a: UInt8, _ b: UInt8) { out[n] = a; out[n + 1] = b; n += 2 }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): put(UInt8(ascii: "\\"), UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): put(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
            case 0x08: put(UInt8(ascii: "\\"), UInt8(ascii: "b"))
            case 0x09: put(UInt8(ascii: "\\"), UInt8(ascii: "t"))
            case 0x0A: put(UInt8(ascii: "\\"), UInt8(ascii: "n"))
            case 0x0C: put(UInt8(ascii: "\\"), UInt8(ascii: "f"))
            case 0x0D: put(UInt8(ascii: "\\"), UInt8(ascii: "r"))
            case 0x00..<0x20:
                let hex: StaticString = "0123456789abcdef"
                put(UInt8(ascii: "\\"), UInt8(ascii: "u"))
                put(UInt8(ascii: "0"), UInt8(ascii: "0"))
                put(hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xF)])
            default:
                out[n] = byte
                n += 1
            }
        }
        return n
    }
}
