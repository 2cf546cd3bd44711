/// Brings a session file written by an older DataJam up to the current format version.
///
/// Each step rewrites the untyped JSON tree from version n to n + 1, so a file of any older
/// version loads through the chain. Version 1 is the first format: the chain is empty today, and
/// the next format change adds its step here (with a fixture of the old version in the tests).
public struct SessionMigrator: Sendable {
    public typealias Step = @Sendable ([String: Any]) throws -> [String: Any]

    /// `steps[n]` upgrades version n to n + 1.
    public let steps: [Int: Step]
    public let currentVersion: Int
    public let firstVersion: Int

    public init(steps: [Int: Step], currentVersion: Int, firstVersion: Int = 1) {
        self.steps = steps
        self.currentVersion = currentVersion
        self.firstVersion = firstVersion
    }

    public static let standard = SessionMigrator(steps: [:], currentVersion: SessionFormat.currentVersion)

    public enum Failure: Error, Equatable {
        case newer(Int)
        case unknown(Int)
        case stepFailed(from: Int, reason: String)
    }

    /// Returns the document at `currentVersion` and whether anything changed.
    public func migrate(_ document: [String: Any], from version: Int) throws -> (document: [String: Any], migrated: Bool) {
        if version > currentVersion { throw Failure.newer(version) }
        guard version >= firstVersion else { throw Failure.unknown(version) }
        var document = document
        var v = version
        while v < currentVersion {
            guard let step = steps[v] else { throw Failure.unknown(version) }
            do {
                document = try step(document)
            } catch {
                throw Failure.stepFailed(from: v, reason: "\(error)")
            }
            v += 1
            document["version"] = v
        }
        return (document, version != currentVersion)
    }
}
