import Foundation

/// A list of `TapeRecord`s, decoded from the tape on every core: its elements are independent, and
/// at 10,000 findings they are most of a load. Elements the fast reading leaves to `Decodable`
/// are then decoded through it, in order, on the calling thread, so the first problem reported
/// is the first in the file, with the place and words it always had.
extension Array where Element: TapeRecord {
    /// `decoder` runs `body` with the `Decodable` decoder of element `index` (at entry `entry`),
    /// its coding path set.
    static func decodeList(_ array: Int, tape: JSONTape,
                           decoder: (_ index: Int, _ entry: Int, _ body: (any Decoder) throws -> Any) throws -> Any) throws -> [Element] {
        let count = Int(tape.entries[array].count)
        var starts: [Int] = []
        starts.reserveCapacity(count)
        var entry = array + 1
        for _ in 0..<count {
            starts.append(entry)
            entry = tape.next(after: entry)
        }
        return try Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let filled = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
            filled.initialize(repeating: false)
            defer { filled.deallocate() }
            let slots = TapeRecordSlots(elements: buffer, filled: filled)
            _ = ParallelParts.map(ParallelParts.ranges(count)) { range in
                for i in range {
                    if let value = Element.fromTape(TapeObject(tape: tape, entry: starts[i])) {
                        (slots.elements.baseAddress! + i).initialize(to: value)
                        slots.filled[i] = true
                    }
                }
            }
            do {
                for i in 0..<count where !filled[i] {
                    (buffer.baseAddress! + i).initialize(to: try decoder(i, starts[i]) { try Element(from: $0) } as! Element)
                    filled[i] = true
                }
            } catch {
                for i in 0..<count where filled[i] { (buffer.baseAddress! + i).deinitialize(count: 1) }
                initialized = 0
                throw error
            }
            initialized = count
        }
    }
}

/// Where the worker threads put what they read: each writes only its own range of elements.
private struct TapeRecordSlots<Element>: @unchecked Sendable {
    let elements: UnsafeMutableBufferPointer<Element>
    let filled: UnsafeMutableBufferPointer<Bool>
}
