import Foundation

/// Repeated wrong codes from one address are answered more and more slowly, then refused for a
/// while: a six-digit code cannot be guessed by trying them all.
public final class LoginThrottle: @unchecked Sendable {
    public struct Policy: Sendable {
        /// Failures answered without delay beyond the base one.
        public var freeFailures = 3
        /// After this many failures within `window`, the address is refused until the window passes.
        public var refuseAfter = 10
        public var window: TimeInterval = 15 * 60
        public var baseDelay: TimeInterval = 0.5
        public var maximumDelay: TimeInterval = 8
        public init() {}
    }

    public enum Verdict: Equatable, Sendable {
        case allowed
        case refused(until: Date)
    }

    private struct Record { var failures: Int; var first: Date }
    private let lock = NSLock()
    private var records: [String: Record] = [:]
    public let policy: Policy

    public init(policy: Policy = Policy()) { self.policy = policy }

    /// Whether `address` may try a code now.
    public func verdict(for address: String, now: Date = Date()) -> Verdict {
        lock.withLock {
            guard let record = records[address] else { return .allowed }
            if now.timeIntervalSince(record.first) > policy.window {
                records[address] = nil
                return .allowed
            }
            return record.failures >= policy.refuseAfter ? .refused(until: record.first.addingTimeInterval(policy.window)) : .allowed
        }
    }

    /// Records a wrong code; returns how long to wait before answering it.
    public func failed(_ address: String, now: Date = Date()) -> TimeInterval {
        lock.withLock {
            var record = records[address] ?? Record(failures: 0, first: now)
            if now.timeIntervalSince(record.first) > policy.window { record = Record(failures: 0, first: now) }
            record.failures += 1
            records[address] = record
            let extra = max(0, record.failures - policy.freeFailures)
            return min(policy.baseDelay * pow(2, Double(extra)), policy.maximumDelay)
        }
    }

    /// A right code clears the address's record.
    public func succeeded(_ address: String) {
        lock.withLock { records[address] = nil }
    }
}
