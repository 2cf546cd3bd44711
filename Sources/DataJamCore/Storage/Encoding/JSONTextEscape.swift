/// How session files escape a text: as `JSONEncoder` does with `.withoutEscapingSlashes`: `\"`,
/// `\\`, `\b \t \n \f \r`, other control characters as `\u00XX`, every other byte as it is (so
/// non-ASCII text, U+2028 included, is written as its UTF-8). One function for both writers
/// (`IndentedJSONWriter`, `FindingJSONWriter`), so they cannot escape differently.
enum JSONTextEscape {
    /// At most this many bytes are written per byte of text (`\u001f`).
    static let maximumExpansion = 6

    /// Whether any byte of `utf8` must be escaped (a control character, `"` or `\\`); most texts
    /// need no escape.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        firstToEscape(in: utf8, from: 0) < utf8.count
    }

    /// The offset of the first byte at or after `start` that must be escaped, or `bytes.count`
    /// when none is: for the writers, whether a text needs escaping; for the scanner, the next
    /// byte of a text to look at (a quote ends it, a backslash starts an escape, a control
    /// character is refused). Texts are most of a session file's bytes: sixteen at a time (SIMD)
    /// through the body of a long text, then eight, then one by one.
    @inline(__always)
    static func firstToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var i = start
        let quotes = SIMD16<UInt8>(repeating: UInt8(ascii: "\"")), backslashes = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
        let space = SIMD16<UInt8>(repeating: 0x20)
        while i + 16 <= bytes.count {
            let chunk = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            guard !any((chunk .== quotes) .| (chunk .== backslashes) .| (chunk .< space)) else { break }
            i += 16
        }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // A byte below 0x20, or equal to a quote or a backslash, sets its high bit in one of
            // these (the classic "has a zero byte" test). A set bit may be a false alarm only in
            // a byte after a true one, so the lowest set bit marks the first byte to escape.
            let control = (word &- ones &* 0x20) & ~word & highs
            let quote = ((word ^ (ones &* 0x22)) &- ones) & ~(word ^ (ones &* 0x22)) & highs
            let backslash = ((word ^ (ones &* 0x5C)) &- ones) & ~(word ^ (ones &* 0x5C)) & highs
            let found = control | quote | backslash
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < bytes.count, !needsEscape(base[i]) { i += 1 }
        return i
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
