import Foundation

/// Lays out compact JSON with two-space indentation, `"key": value`, and `[]` / `{}` for empty
/// containers: the layout of Python's `json.dumps(indent=2)`, easier to read and to diff than
/// Foundation's pretty printing (`"key" : value`, empty arrays split over three lines).
enum JSONLayout {
    static func indent(_ compact: Data) -> Data {
        let input = [UInt8](compact)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 2)
        var depth = 0
        var inString = false
        var escaped = false
        var i = 0
        func newline() {
            out.append(0x0A)
            for _ in 0..<(depth * 2) { out.append(0x20) }
        }
        while i < input.count {
            let byte = input[i]
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i + 1 < input.count, input[i + 1] == close {
                    out.append(byte)
                    out.append(close)
                    i += 2
                    continue
                }
                out.append(byte)
                depth += 1
                newline()
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(byte)
                out.append(0x20)
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            default:
                out.append(byte)
            }
            i += 1
        }
        out.append(0x0A)
        return Data(out)
    }
}
