import Foundation

/// libFuzzer entry for the session loader, compiled together with the DataJamCore sources by
/// `Tests/Fuzz/fuzz-loader`.
///
/// Beyond "no crash", it holds the loader to its promise that a file DataJam writes, DataJam
/// reads: whatever bytes are accepted are written back, the written file is accepted again, and
/// writing that gives the same bytes. Any breach stops the run like a crash does, with the
/// input saved by libFuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let codec = SessionCodec()
    guard let accepted = try? codec.decode(data, file: "fuzz.json") else { return 0 }
    let first: Data
    do {
        first = try codec.encode(accepted)
    } catch {
        fatalError("accepted, but cannot be written: \(error)")
    }
    let reread: Workshop
    do {
        reread = try codec.decode(first, file: "written.json")
    } catch {
        fatalError("wrote a file it cannot read: \(error)")
    }
    guard reread == accepted else { fatalError("reading back what was written changed the workshop") }
    guard let second = try? codec.encode(reread), second == first else {
        fatalError("writing the file read back gave different bytes")
    }
    // What every command computes from a loaded workshop: none of it may trap.
    _ = WorkshopSummary(reread)
    _ = reread.lastChange
    let merged = SessionMerge.merge(base: reread, others: [accepted]).workshop
    guard (try? codec.encode(merged)).map({ (try? codec.decode($0, file: "merged.json")) != nil }) == true else {
        fatalError("merging an accepted file with itself wrote a file it cannot read")
    }
    return 0
}

// MARK: Structure-aware mutations

/// libFuzzer's own byte-level mutator.
@_extern(c, "LLVMFuzzerMutate")
func libFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// Half the time, a mutation that knows the session format: a timestamp, a number, a key or a
/// text replaced by one at the edge of what the loader takes. Byte flips alone rarely turn a
/// valid file into a valid file with one value at an edge, and that is where loaders break.
@_cdecl("LLVMFuzzerCustomMutator")
public func loaderFuzzMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    var random = FormatMutation.Random(seed: UInt64(seed))
    if random.below(2) == 0 { return libFuzzerMutate(data, size, maxSize) }
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FormatMutation.apply(to: &bytes, &random)
    guard bytes.count <= maxSize, !bytes.isEmpty else { return libFuzzerMutate(data, size, maxSize) }
    bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: bytes.count) }
    return bytes.count
}

enum FormatMutation {
    struct Random {
        var state: UInt64
        init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
        mutating func pick(_ options: [String]) -> String { options[below(options.count)] }
    }

    static let timestamps = [
        "0000-01-01T00:00:00.000+01:00", "9999-12-31T23:59:59.999-00:01", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
        "0000-12-31T23:30:00.000-01:00", "0000-06-01T09:30:00.000Z", "2023-11-27T09:30:00.0000Z", "2023-11-27T09:30:00.123456789Z",
        "2016-12-31T23:59:60.999Z", "9999-12-31T23:59:60Z", "2023-11-27t09:30:00.5z", "2023-11-27T10:30:00+23:59",
        "2024-02-29T00:00:00Z", "2023-11-27T09:30:00." + String(repeating: "9", count: 30) + "Z",
    ]
    static let numbers = ["0", "-1", "1", "5", "6", "100000", "100001", "9223372036854775807", "-9223372036854775808",
                          "9223372036854775808", "1e2", "1.0", "-0", "1e400", "1440", "1441", "2"]
    static let texts = ["", " ", "\\u0000", "\\ud83d\\ude00", "\\u202e", "e\\u0301", "\\u001b[2J", "x", "legal", "t-x", "f-1",
                        "data-need", "actor", "constraint", "re-user", "2023-11-27", "0000-01-01", "9999-12-31"]

    static func apply(to bytes: inout [UInt8], _ random: inout Random) {
        switch random.below(5) {
        case 0: replaceString(in: &bytes, &random, where: isTimestampStart, with: random.pick(timestamps))
        case 1: replaceNumber(in: &bytes, &random)
        case 2: replaceString(in: &bytes, &random, where: { _, _ in true }, with: random.pick(texts))
        case 3: duplicateKey(in: &bytes, &random)
        default:
            // An unknown field, null or not, at the start of an object.
            let opens = bytes.indices.filter { bytes[$0] == UInt8(ascii: "{") }
            guard !opens.isEmpty else { return }
            let at = opens[random.below(opens.count)] + 1
            bytes.insert(contentsOf: Array((random.below(2) == 0 ? "\"zz\": null," : "\"zz\": 1,").utf8), at: at)
        }
    }

    static func isTimestampStart(_ bytes: [UInt8], _ i: Int) -> Bool {
        i + 11 < bytes.count && bytes[i + 5] == UInt8(ascii: "-") && bytes[i + 11] == UInt8(ascii: "T")
    }

    /// Replaces the contents of one string value (after `": "`) chosen among those `accept` takes.
    static func replaceString(in bytes: inout [UInt8], _ random: inout Random, where accept: ([UInt8], Int) -> Bool, with text: String) {
        var starts: [Int] = []
        var i = 2
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\""), bytes[i - 1] == UInt8(ascii: " "), bytes[i - 2] == UInt8(ascii: ":"), accept(bytes, i) {
                starts.append(i + 1)
            }
            i += 1
        }
        guard !starts.isEmpty else { return }
        let start = starts[random.below(starts.count)]
        guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return }
        bytes.replaceSubrange(start..<end, with: Array(text.utf8))
    }

    static func replaceNumber(in bytes: inout [UInt8], _ random: inout Random) {
        func isNumberByte(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || b == 45 || b == 46 || b == 101 || b == 69 || b == 43 }
        var starts: [Int] = []
        var i = 2
        while i < bytes.count {
            if isNumberByte(bytes[i]), bytes[i - 1] == UInt8(ascii: " "), bytes[i - 2] == UInt8(ascii: ":") { starts.append(i) }
            i += 1
        }
        guard !starts.isEmpty else { return }
        let start = starts[random.below(starts.count)]
        var end = start
        while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
        bytes.replaceSubrange(start..<end, with: Array(random.pick(numbers).utf8))
    }

    /// `"key": ` becomes `"key": null, "key": ` (or the same key with another value first).
    static func duplicateKey(in bytes: inout [UInt8], _ random: inout Random) {
        var keys: [Range<Int>] = []
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == UInt8(ascii: "\""), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "\"")),
               close + 2 < bytes.count, bytes[close + 1] == UInt8(ascii: ":"), close - i < 40 {
                keys.append(i..<(close + 1))
                i = close + 1
            } else {
                i += 1
            }
        }
        guard !keys.isEmpty else { return }
        let key = keys[random.below(keys.count)]
        let first = Array(bytes[key]) + Array((random.below(2) == 0 ? ": null, " : ": 2, ").utf8)
        bytes.insert(contentsOf: first, at: key.lowerBound)
    }
}
