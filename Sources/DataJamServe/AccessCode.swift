import Crypto
import Foundation

/// The code rapporteurs type at the password prompt, and the comparison that does not tell an
/// attacker, by its timing, how many leading characters they got right.
public enum AccessCode {
    /// Six random digits by default (a million codes; with the throttle, ten tries per address per
    /// quarter-hour), short enough to read aloud and type on any keyboard layout.
    public static func random(digits: Int = 6) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<max(digits, 6)).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// Constant-time equality: both sides are hashed first, so neither the length nor the first
    /// differing byte changes how long the comparison takes.
    public static func matches(_ typed: String, _ expected: String) -> Bool {
        let a = Array(SHA256.hash(data: Data(typed.utf8)))
        let b = Array(SHA256.hash(data: Data(expected.utf8)))
        var difference: UInt8 = 0
        for index in 0..<a.count { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// Why a code chosen on the command line is refused, or nil when it is acceptable.
    public static func problem(with code: String) -> String? {
        if code.count < 6 { return "an access code needs at least 6 characters, not \(code.count)" }
        if code.contains(where: { $0.isWhitespace || $0.isNewline }) { return "an access code cannot contain spaces" }
        return nil
    }
}

/// The access codes of a running server, changeable while it serves (read on every login).
public final class AccessCodes: @unchecked Sendable {
    private let lock = NSLock()
    private var rapporteur: String
    private var facilitator: String?

    public init(rapporteur: String, facilitator: String?) {
        self.rapporteur = rapporteur
        self.facilitator = facilitator
    }

    public var rapporteurCode: String { lock.withLock { rapporteur } }
    public var facilitatorCode: String? { lock.withLock { facilitator } }

    public func change(rapporteur code: String) { lock.withLock { rapporteur = code } }

    public enum Role: Sendable, Equatable { case rapporteur, facilitator }

    /// The role this password gives, if any. Both codes are always compared, so that timing does
    /// not tell which one exists.
    public func role(for password: String) -> Role? {
        let (rapporteur, facilitator) = lock.withLock { (self.rapporteur, self.facilitator) }
        let isFacilitator = facilitator.map { AccessCode.matches(password, $0) } ?? AccessCode.matches(password, UUID().uuidString)
        let isRapporteur = AccessCode.matches(password, rapporteur)
        if isFacilitator { return .facilitator }
        return isRapporteur ? .rapporteur : nil
    }
}
