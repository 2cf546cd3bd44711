/// How session files escape a text: as `JSONEncoder` does with `.withoutEscapingSlashes`: `\"`,
/// `\\`, `\b \t \n \f \r`, other control characters as `\u00XX`, every other byte as it is (so
/// non-ASCII text, U+2028 included, is written as its UTF-8). One function for both writers
/// (`IndentedJSONWriter`, `FindingJSONWriter`), so they cannot escape differently.
enum JSONTextEscape {
    /// At most this many bytes are written per byte of text (`\u001f`).
    static let maximumExpansion = 6

    /// Whether any byte of `utf8` must be escaped; most texts need no escape.
    @inline(__always)
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

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
