import Foundation

/// A strict, one-pass reader of JSON text (RFC 8259) over bytes.
///
/// It refuses what lenient readers let through and then read differently: duplicate keys in an
/// object (Python and jq keep the last value, Foundation's dictionary one of them), lone surrogate
/// escapes, control characters in texts, nesting deeper than a limit (checked as it goes, so a
/// hostile file cannot exhaust the stack), anything after the value. Every problem is reported
/// with its place: a line and column for syntax, a document path for a duplicate key.
///
/// The grammar is walked once and reported to a `JSONEventSink`: `JSONTapeBuilder` keeps the
/// document as a flat tape the decoder reads, `problem(in:)` keeps nothing.
struct JSONScanner {
    enum Problem: Error, Equatable {
        /// Not JSON: `what` ("unexpected character", "ends unexpectedly", …) at a line and column
        /// (columns count characters, not bytes).
        case syntax(what: String, line: Int, column: Int)
        /// Lists and objects nest deeper than the limit.
        case tooDeep(limit: Int)
        /// The same key twice in one object, at `path` (the object).
        case duplicateKey(path: DocumentPath, key: String)
    }

    /// A text or a number, as the bytes of the document it is in.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private let bytes: UnsafeBufferPointer<UInt8>
    private let depthLimit: Int
    private var position = 0
    /// The open containers, outermost first: where a problem is.
    private var frames: [Frame] = []
    /// The keys read so far in every open object, outermost object's first: each object frame
    /// knows where its own start. Kept as byte ranges, so that a key costs no allocation; the
    /// last key of an object is the one whose value is being read.
    private var keys: [Key] = []
    /// For an object with many keys, its keys as texts (by the depth of its frame): comparing
    /// each new key with all the earlier ones would make a many-keyed object quadratic.
    private var keySets: [Int: Set<String>] = [:]

    private enum Frame {
        case array(index: Int)
        /// `keySummary`: the object's keys so far, a bit per key (`summaryBit`). A new key whose
        /// bit is not set differs from all the earlier ones, so most keys are never compared.
        case object(firstKey: Int, keySummary: UInt64)
    }

    private struct Key {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// Up to this many keys, a new key is compared with each earlier one of its object.
    private static let linearKeyLimit = 16

    private init(bytes: UnsafeBufferPointer<UInt8>, depthLimit: Int) {
        self.bytes = bytes
        self.depthLimit = depthLimit
    }

    /// Reads `bytes` (valid UTF-8) as one JSON value, reporting it to `sink`; throws the first problem.
    static func scan<Sink: JSONEventSink>(_ bytes: UnsafeBufferPointer<UInt8>, depthLimit: Int, into sink: inout Sink) throws(Problem) {
        var scanner = JSONScanner(bytes: bytes, depthLimit: depthLimit)
        scanner.skipWhitespace()
        try scanner.value(&sink)
        scanner.skipWhitespace()
        if scanner.position < bytes.count { throw scanner.unexpected() }
    }

    static func scan<Sink: JSONEventSink>(_ bytes: [UInt8], depthLimit: Int, into sink: inout Sink) throws(Problem) {
        let result: Result<Void, Problem> = bytes.withUnsafeBufferPointer { buffer in
            do throws(Problem) {
                try scan(buffer, depthLimit: depthLimit, into: &sink)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Checks `bytes` without keeping anything: nil when they are strict JSON within the depth.
    static func problem(in bytes: [UInt8], depthLimit: Int) -> Problem? {
        var sink = DiscardingSink()
        do {
            try scan(bytes, depthLimit: depthLimit, into: &sink)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Grammar

    private mutating func value<Sink: JSONEventSink>(_ sink: inout Sink) throws(Problem) {
        guard position < bytes.count else { throw endOfInput() }
        switch bytes[position] {
        case UInt8(ascii: "{"): try object(&sink)
        case UInt8(ascii: "["): try array(&sink)
        case UInt8(ascii: "\""):
            let (range, escaped) = try string()
            sink.string(bytes[range], escaped: escaped)
        case UInt8(ascii: "t"): try literal("true"); sink.bool(true)
        case UInt8(ascii: "f"): try literal("false"); sink.bool(false)
        case UInt8(ascii: "n"): try literal("null"); sink.null()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            try number()
            sink.number(bytes[start..<position])
        default: throw unexpected()
        }
    }

    private mutating func open(_ frame: Frame) throws(Problem) {
        guard frames.count < depthLimit else { throw .tooDeep(limit: depthLimit) }
        frames.append(frame)
        position += 1
        skipWhitespace()
    }

    private mutating func object<Sink: JSONEventSink>(_ sink: inout Sink) throws(Problem) {
        try open(.object(firstKey: keys.count, keySummary: 0))
        let firstKey = keys.count
        sink.beginObject()
        if consume(UInt8(ascii: "}")) {
            close(object: firstKey)
            sink.endObject()
            return
        }
        while true {
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == UInt8(ascii: "\"") else { throw unexpected() }
            let keyStart = position
            let (range, escaped) = try string()
            let key = Key(start: range.lowerBound, end: range.upperBound, escaped: escaped)
            if isDuplicate(key, firstKey: firstKey) {
                position = keyStart
                throw .duplicateKey(path: path(), key: JSONScanner.text(of: bytes[range]))
            }
            keys.append(key)
            sink.key(bytes[range], escaped: escaped)
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw atCurrentOrEnd() }
            skipWhitespace()
            try value(&sink)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) {
                skipWhitespace()
                continue
            }
            guard consume(UInt8(ascii: "}")) else { throw atCurrentOrEnd() }
            close(object: firstKey)
            sink.endObject()
            return
        }
    }

    private mutating func close(object firstKey: Int) {
        if !keySets.isEmpty { keySets[frames.count] = nil }
        frames.removeLast()
        keys.removeLast(keys.count - firstKey)
    }

    /// Whether `key` is already a key of the innermost object (whose keys start at `firstKey`),
    /// comparing texts after their escapes are read.
    private mutating func isDuplicate(_ key: Key, firstKey: Int) -> Bool {
        let earlier = keys.count - firstKey
        if earlier < Self.linearKeyLimit {
            guard case .object(_, let summary) = frames[frames.count - 1] else { preconditionFailure("a key outside an object") }
            let bit = summaryBit(key)
            frames[frames.count - 1] = .object(firstKey: firstKey, keySummary: summary | bit)
            guard summary & bit != 0 else { return false }
            for i in firstKey..<keys.count where sameText(keys[i], key) { return true }
            return false
        }
        let depth = frames.count
        if earlier == Self.linearKeyLimit {
            keySets[depth] = Set(keys[firstKey...].map { JSONScanner.text(of: bytes[$0.start..<$0.end]) })
        }
        return !keySets[depth, default: []].insert(JSONScanner.text(of: bytes[key.start..<key.end])).inserted
    }

    private func sameText(_ a: Key, _ b: Key) -> Bool {
        if a.escaped || b.escaped {
            return JSONScanner.text(of: bytes[a.start..<a.end]) == JSONScanner.text(of: bytes[b.start..<b.end])
        }
        let count = a.end - a.start
        guard count == b.end - b.start else { return false }
        return count == 0 || memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, count) == 0
    }

    /// The bit of `key` in its object's summary (`Frame.object`): one of 64, by its length and
    /// its first and last bytes. An escaped key sets them all, as its text is not its bytes.
    @inline(__always)
    private func summaryBit(_ key: Key) -> UInt64 {
        if key.escaped { return ~0 }
        let count = key.end - key.start
        guard count > 0 else { return 1 }
        let mix = count &* 7 &+ Int(bytes[key.start]) &* 3 &+ Int(bytes[key.end - 1])
        return 1 << UInt64(mix & 63)
    }

    private mutating func array<Sink: JSONEventSink>(_ sink: inout Sink) throws(Problem) {
        try open(.array(index: 0))
        sink.beginArray()
        if consume(UInt8(ascii: "]")) {
            frames.removeLast()
            sink.endArray()
            return
        }
        var index = 0
        while true {
            frames[frames.count - 1] = .array(index: index)
            try value(&sink)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) {
                skipWhitespace()
                index += 1
                continue
            }
            guard consume(UInt8(ascii: "]")) else { throw atCurrentOrEnd() }
            frames.removeLast()
            sink.endArray()
            return
        }
    }

    /// The bytes between the quotes of the string starting at `position`, after checking its
    /// escapes, and whether it has any; `position` ends after the closing quote.
    private mutating func string() throws(Problem) -> (Range<Int>, escaped: Bool) {
        position += 1
        let start = position
        var escaped = false
        // Word at a time from the start and after each escape, straight to the next byte that
        // needs a look (the closing quote, most often).
        skipPlainText()
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let range = start..<position
                position += 1
                return (range, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                position += 1
                guard position < bytes.count else { throw endOfInput() }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                    skipPlainText()
                case UInt8(ascii: "u"):
                    let escapeStart = position - 1
                    let unit = try hexQuad(at: position + 1)
                    position += 5
                    if (0xD800...0xDBFF).contains(unit) {
                        // A high surrogate must be followed by the escape of a low one.
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
                              (0xDC00...0xDFFF).contains(try hexQuad(at: position + 2)) else {
                            throw syntax("a lone surrogate escape", at: escapeStart)
                        }
                        position += 6
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw syntax("a lone surrogate escape", at: escapeStart)
                    }
                default:
                    throw unexpected()
                }
            case 0x00..<0x20:
                throw syntax("a control character inside a text (write it as an escape)", at: position)
            default:
                position += 1
            }
        }
        throw endOfInput()
    }

    /// Moves past the bytes of a text that need no attention, to the first one that does: a
    /// quote, a backslash or a control character, the bytes a JSON text must escape.
    @inline(__always)
    private mutating func skipPlainText() {
        position = JSONTextEscape.firstToEscape(in: bytes, from: position)
    }

    private func hexQuad(at start: Int) throws(Problem) -> UInt32 {
        var unit: UInt32 = 0
        for i in start..<(start + 4) {
            guard i < bytes.count else { throw syntax("ends unexpectedly", at: bytes.count) }
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw syntax("unexpected character", at: i)
            }
            unit = unit << 4 | digit
        }
        return unit
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() throws(Problem) {
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            // No leading zeros: "012" is not JSON.
        } else {
            try digits()
        }
        if consume(UInt8(ascii: ".")) { try digits() }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            try digits()
        }
    }

    private mutating func digits() throws(Problem) {
        guard position < bytes.count else { throw endOfInput() }
        guard isDigit(bytes[position]) else { throw unexpected() }
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private mutating func literal(_ word: StaticString) throws(Problem) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for b in expected {
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == b else { throw unexpected() }
            position += 1
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Most calls find none: a value right after its key's colon, a comma right after a value.
        guard position < bytes.count, bytes[position] <= 0x20 else { return }
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09:
                position += 1
                // Indentation: the spaces after a line break, eight at a time.
                skipSpaces()
            default: return
            }
        }
    }

    @inline(__always)
    private mutating func skipSpaces() {
        guard let base = bytes.baseAddress else { return }
        while position + 8 <= bytes.count {
            let others = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: position, as: UInt64.self)) ^ 0x2020_2020_2020_2020
            guard others == 0 else {
                position += others.trailingZeroBitCount >> 3
                return
            }
            position += 8
        }
    }

    // MARK: Problems

    private func unexpected() -> Problem { syntax("unexpected character", at: position) }
    private func endOfInput() -> Problem { syntax("ends unexpectedly", at: bytes.count) }
    private func atCurrentOrEnd() -> Problem { position < bytes.count ? unexpected() : endOfInput() }

    /// A syntax problem at a byte offset, located by line and column (1-based; a column counts
    /// characters, skipping UTF-8 continuation bytes).
    private func syntax(_ what: String, at offset: Int) -> Problem {
        let what = offset >= bytes.count ? "ends unexpectedly" : what
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return .syntax(what: what, line: line, column: column)
    }

    /// The path of the innermost open object or array (the one being read).
    private func path() -> DocumentPath {
        var steps: [DocumentPath.Step] = []
        for (depth, frame) in frames.enumerated().dropLast() {
            switch frame {
            case .array(let index): steps.append(.index(index))
            case .object(let firstKey, _):
                // This object's keys end where the next object's start.
                var end = keys.count
                for deeper in frames[(depth + 1)...] {
                    if case .object(let next, _) = deeper { end = next; break }
                }
                if end > firstKey { steps.append(.key(JSONScanner.text(of: bytes[keys[end - 1].start..<keys[end - 1].end]))) }
            }
        }
        return DocumentPath(steps)
    }

    // MARK: Texts

    /// The text of a string's bytes (between the quotes, already checked by `string()`).
    static func text<Raw: RandomAccessCollection<UInt8>>(of raw: Raw) -> String where Raw.Index == Int {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll(keepingCapacity: true)
        }
        var i = raw.startIndex
        func hex(_ at: Int) -> UInt32 {
            var unit: UInt32 = 0
            for b in raw[at..<min(at + 4, raw.endIndex)] {
                let digit: UInt32 = b <= 57 ? UInt32(b &- 48) : (b | 0x20) <= 102 ? UInt32((b | 0x20) &- 87) : 0
                unit = unit << 4 | (digit & 0xF)
            }
            return unit
        }
        while i < raw.endIndex {
            let b = raw[i]
            guard b == UInt8(ascii: "\\"), i + 1 < raw.endIndex else {
                utf8.append(b)
                i += 1
                continue
            }
            flush()
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var unit = hex(i)
                i += 4
                if (0xD800...0xDBFF).contains(unit), i + 5 < raw.endIndex, raw[i] == UInt8(ascii: "\\") {
                    let low = hex(i + 2)
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low &- 0xDC00)
                    i += 6
                }
                scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            default: scalars.append(Unicode.Scalar(e))
            }
        }
        flush()
        return String(scalars)
    }
}

/// What a `JSONScanner` reports as it reads: the shape of the document, in order. Strings and
/// keys come as their raw bytes between the quotes (`JSONScanner.text(of:)` decodes them; `escaped`
/// says whether they need it), numbers as their text, so a sink pays only for what it keeps.
protocol JSONEventSink {
    mutating func beginObject()
    mutating func key(_ raw: JSONScanner.Bytes, escaped: Bool)
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    mutating func string(_ raw: JSONScanner.Bytes, escaped: Bool)
    mutating func number(_ text: JSONScanner.Bytes)
    mutating func bool(_ value: Bool)
    mutating func null()
}

/// Keeps nothing: scanning only checks the text.
struct DiscardingSink: JSONEventSink {
    mutating func beginObject() {}
    mutating func key(_ raw: JSONScanner.Bytes, escaped: Bool) {}
    mutating func endObject() {}
    mutating func beginArray() {}
    mutating func endArray() {}
    mutating func string(_ raw: JSONScanner.Bytes, escaped: Bool) {}
    mutating func number(_ text: JSONScanner.Bytes) {}
    mutating func bool(_ value: Bool) {}
    mutating func null() {}
}
