import Foundation

/// A JSON document read once into a flat list of entries, one per value (and one per object key),
/// in document order: what the decoder reads instead of a tree of Foundation objects.
///
/// Texts and numbers stay where they are in the file's bytes (an entry keeps their byte range),
/// so a value costs 16 bytes until something asks for it, and a text is unescaped only when it is
/// decoded. An object's entry is followed by its members, each a key entry then the value's
/// entries; a container's entry knows where its entries end, so skipping a whole subtree is one
/// step.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, number, `true`, `false`, null
    }

    struct Entry {
        /// Texts and numbers: the byte range (texts without their quotes). Containers: `end` is
        /// the index of the first entry after the container's last descendant.
        var start: UInt32
        var end: UInt32
        /// Containers: their members (objects) or elements (arrays).
        var count: UInt32
        var kind: Kind
        /// Texts: the raw bytes hold a backslash escape, so reading them needs unescaping.
        var escaped: Bool

        var isContainer: Bool { kind == .object || kind == .array }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let entries: UnsafeBufferPointer<Entry>
    /// Keeps the entries' memory for as long as the tape lives.
    private let storage: PageBuffer

    /// `bytes` must be valid UTF-8 as a whole (`UTF8Check`): texts are made from them unchecked.
    init(validatedUTF8 bytes: UnsafeBufferPointer<UInt8>, builder: JSONTapeBuilder) {
        assert(UTF8Check.firstInvalidOffset(bytes) == nil, "a tape of bytes that are not UTF-8")
        self.bytes = bytes
        entries = UnsafeBufferPointer(start: builder.storage.base.assumingMemoryBound(to: Entry.self), count: builder.count)
        storage = builder.storage
    }

    /// The entry after `index`'s value and everything inside it.
    @inline(__always)
    func next(after index: Int) -> Int {
        let entry = entries[index]
        return entry.isContainer ? Int(entry.end) : index + 1
    }

    /// The raw bytes of a text or number entry.
    @inline(__always)
    func raw(_ index: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
        let entry = entries[index]
        return bytes[Int(entry.start)..<Int(entry.end)]
    }

    /// The text of a string entry (a key or a value), unescaped.
    func text(_ index: Int) -> String {
        let entry = entries[index]
        let raw = bytes[Int(entry.start)..<Int(entry.end)]
        return entry.escaped ? JSONScanner.text(of: raw) : Self.checkedText(UnsafeBufferPointer(rebasing: raw))
    }

    /// A text from bytes already known to be UTF-8, copied without checking them again: a tape
    /// is only ever made of a whole text that passed `UTF8Check` (see `StrictDocument.tape`), and
    /// the bytes between two quotes of valid UTF-8 are valid UTF-8 (a quote is never part of a
    /// longer sequence). Checking again was a quarter of reading the findings.
    @inline(__always)
    private static func checkedText(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: raw)))
    }

    /// Whether the string entry `index` reads as `key` (compared after unescaping).
    @inline(__always)
    func text(_ index: Int, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[index]
        if entry.escaped { return text(index).utf8.elementsEqual(key) }
        let count = Int(entry.end - entry.start)
        guard count == key.count else { return false }
        guard count > 0 else { return true }
        return memcmp(bytes.baseAddress! + Int(entry.start), key.baseAddress!, count) == 0
    }

    /// The members of the object at `index`: the entry index of each key (its value follows it).
    func memberKeys(of index: Int) -> [Int] {
        var keys: [Int] = []
        keys.reserveCapacity(Int(entries[index].count))
        var i = index + 1
        let end = Int(entries[index].end)
        while i < end {
            keys.append(i)
            i = next(after: i + 1)
        }
        return keys
    }

    /// The value at `path` from the root, or nil when there is none.
    func entry(at path: DocumentPath) -> Int? {
        var current = 0
        guard !entries.isEmpty else { return nil }
        for step in path.steps {
            switch step {
            case .key(let key):
                guard entries[current].kind == .object else { return nil }
                var wanted = key
                let found: Int? = wanted.withUTF8 { utf8 in
                    memberKeys(of: current).last { text($0, equals: utf8) }
                }
                guard let found else { return nil }
                current = found + 1
            case .index(let position):
                guard entries[current].kind == .array, position >= 0, position < Int(entries[current].count) else { return nil }
                var i = current + 1
                for _ in 0..<position { i = next(after: i) }
                current = i
            }
        }
        return current
    }

    /// The document path of the entry at `target` (a value, not a key).
    func path(to target: Int) -> DocumentPath {
        var steps: [DocumentPath.Step] = []
        var current = 0
        while current != target {
            let entry = entries[current]
            switch entry.kind {
            case .object:
                var key = current + 1
                while next(after: key + 1) <= target { key = next(after: key + 1) }
                steps.append(.key(text(key)))
                current = key + 1
            case .array:
                var element = current + 1, position = 0
                while next(after: element) <= target { element = next(after: element); position += 1 }
                steps.append(.index(position))
                current = element
            default:
                return DocumentPath(steps)
            }
        }
        return DocumentPath(steps)
    }
}

/// Builds a `JSONTape` from the scanner's events, in the same pass that checks the syntax.
struct JSONTapeBuilder: JSONEventSink {
    /// Room for the most entries a text of that length can hold, reserved at once so that it
    /// never grows; only what is written is ever touched. A closed value takes at least two bytes
    /// (itself or its brackets, and a separator); a broken text may leave open the containers the
    /// scanner allows before it stops.
    let storage: PageBuffer
    private let entries: UnsafeMutablePointer<JSONTape.Entry>
    private let capacity: Int
    private(set) var count = 0
    /// The open containers' entry indices, innermost last.
    private var open: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        capacity = bytes.count / 2 + 2 + Limits.nestingDepth
        storage = PageBuffer(byteCount: capacity * MemoryLayout<JSONTape.Entry>.stride)
        entries = storage.base.bindMemory(to: JSONTape.Entry.self, capacity: capacity)
    }

    @inline(__always)
    private mutating func add(_ entry: JSONTape.Entry) {
        // The bound above holds for any text the scanner takes; should it ever not, stop rather
        // than write past the buffer.
        precondition(count < capacity, "tape entries beyond the bound for a text of this length")
        (entries + count).initialize(to: entry)
        count += 1
    }

    @inline(__always)
    private mutating func countInParent() {
        if let parent = open.last { entries[parent].count += 1 }
    }

    @inline(__always)
    private mutating func append(_ kind: JSONTape.Kind, _ raw: Slice<UnsafeBufferPointer<UInt8>>, escaped: Bool = false) {
        add(JSONTape.Entry(start: UInt32(raw.startIndex), end: UInt32(raw.endIndex), count: 0, kind: kind, escaped: escaped))
    }

    mutating func beginObject() {
        // Keys count the members, so an object is not counted in its parent object here.
        if let parent = open.last, entries[parent].kind == .array { entries[parent].count += 1 }
        open.append(count)
        add(JSONTape.Entry(start: 0, end: 0, count: 0, kind: .object, escaped: false))
    }

    mutating func key(_ raw: Slice<UnsafeBufferPointer<UInt8>>, escaped: Bool) {
        countInParent()
        append(.string, raw, escaped: escaped)
    }

    mutating func endObject() { close() }

    mutating func beginArray() {
        if let parent = open.last, entries[parent].kind == .array { entries[parent].count += 1 }
        open.append(count)
        add(JSONTape.Entry(start: 0, end: 0, count: 0, kind: .array, escaped: false))
    }

    mutating func endArray() { close() }

    private mutating func close() {
        let index = open.removeLast()
        entries[index].end = UInt32(count)
    }

    @inline(__always)
    private mutating func countScalarInArray() {
        if let parent = open.last, entries[parent].kind == .array { entries[parent].count += 1 }
    }

    mutating func string(_ raw: Slice<UnsafeBufferPointer<UInt8>>, escaped: Bool) {
        countScalarInArray()
        append(.string, raw, escaped: escaped)
    }

    mutating func number(_ text: Slice<UnsafeBufferPointer<UInt8>>) {
        countScalarInArray()
        append(.number, text)
    }

    mutating func bool(_ value: Bool) {
        countScalarInArray()
        add(JSONTape.Entry(start: 0, end: 0, count: 0, kind: value ? .true : .false, escaped: false))
    }

    mutating func null() {
        countScalarInArray()
        add(JSONTape.Entry(start: 0, end: 0, count: 0, kind: .null, escaped: false))
    }
}
