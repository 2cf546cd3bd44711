/// A growable run of bytes written through a pointer, for the hot paths of the session writer
/// (`FindingJSONWriter`): room is made once for a piece whose longest form is known (`reserve`),
/// then its bytes are put without the capacity and uniqueness checks `Array.append` makes on
/// every call, which cost more than the copying itself when the pieces are a few bytes long.
struct ByteSink: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes put so far.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    mutating func removeAll() { count = 0 }

    /// Makes room for `more` bytes past those written: what the `put` calls that follow may write.
    mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let grown = max(capacity * 2, count + more)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        assert(count < capacity, "ByteSink: put past the room reserved")
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        assert(count + bytes.count <= capacity, "ByteSink: put past the room reserved")
        guard let from = bytes.baseAddress else { return }
        (start + count).update(from: from, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A line break and `depth` levels of two-space indentation.
    @inline(__always)
    mutating func newline(_ depth: Int) {
        assert(count + 1 + 2 * depth <= capacity, "ByteSink: put past the room reserved")
        start[count] = UInt8(ascii: "\n")
        (start + count + 1).update(repeating: 0x20, count: 2 * depth)
        count += 1 + 2 * depth
    }

    /// Lets `body` write up to `length` bytes in place, and counts the bytes it says it wrote.
    @inline(__always)
    mutating func put(upTo length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        assert(count + length <= capacity, "ByteSink: put past the room reserved")
        let written = body(start + count)
        assert(written <= length)
        count += written
    }
}
