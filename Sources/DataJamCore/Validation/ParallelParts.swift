import Foundation

/// Work over a long list (the findings of a large file) cut into one part per core: the parts are
/// independent, and their results are put back together in list order.
enum ParallelParts {
    /// `count` elements cut into one range per core, none smaller than `minimum` elements (below
    /// that, handing a part to another thread costs more than it saves).
    static func ranges(_ count: Int, minimum: Int = 1000) -> [Range<Int>] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / minimum))
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }

    /// `body` of each range, at the same time when there are several; the results in range order.
    /// `body` must touch only what its own range owns.
    static func map<T>(_ ranges: [Range<Int>], _ body: (Range<Int>) -> T) -> [T] {
        if ranges.count == 1 { return [body(ranges[0])] }
        return withoutActuallyEscaping(body) { body in
            let run = Run(body: body, ranges: ranges)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { run.part($0) }
            return run.results.map { $0! }
        }
    }

    /// `body` of each item, at the same time (one after the other on a single core); the results
    /// in item order.
    static func each<Item, T>(_ items: [Item], _ body: (Item) -> T) -> [T] {
        map(items.indices.map { $0..<($0 + 1) }) { body(items[$0.lowerBound]) }
    }

    /// `first` and `second` at the same time (one after the other on a single core).
    static func both(_ first: () -> Void, _ second: () -> Void) {
        _ = each([true, false]) { $0 ? first() : second() }
    }

    /// One run of `body` over the ranges: each thread runs one part and writes its own result
    /// slot only, and `concurrentPerform` returns once all are done, so nothing here is shared
    /// while it changes.
    private final class Run<T>: @unchecked Sendable {
        let body: (Range<Int>) -> T
        let ranges: [Range<Int>]
        /// A buffer rather than an array property: two threads writing an array held by a class
        /// would both claim the whole array (an exclusivity violation), not just their slot.
        let slots: UnsafeMutableBufferPointer<T?>

        init(body: @escaping (Range<Int>) -> T, ranges: [Range<Int>]) {
            self.body = body
            self.ranges = ranges
            slots = .allocate(capacity: ranges.count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        var results: [T?] { Array(slots) }

        func part(_ index: Int) { slots[index] = body(ranges[index]) }
    }
}
