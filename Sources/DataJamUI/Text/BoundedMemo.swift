import Synchronization

/// Results of a pure function of text kept while the same texts keep coming back, as they do
/// frame after frame for the lines in view. Bounded: emptied when full, so memory stays flat
/// whatever is scrolled through. Safe to share between threads.
final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let capacity: Int
    private let entries = Mutex<[Key: Value]>([:])

    init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `key`, or `make()`'s, kept for next time.
    func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = entries.withLock({ $0[key] }) { return known }
        let value = make()
        entries.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = value
        }
        return value
    }
}
