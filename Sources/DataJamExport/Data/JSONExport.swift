import DataJamCore
import Foundation

/// The workshop as a session file (the format `SessionCodec` writes: indented, sorted keys,
/// UTF-8, ending with a newline) without its deleted records, so that a published copy carries
/// nothing a user deleted.
///
/// No reference is left dangling (see `Workshop.publishable`): a deleted team or category that a
/// live finding still belongs to is kept, tombstone included (the app keeps hiding it); a
/// `samePointAs` link to a deleted finding is cleared. The result passes `SemanticValidator`, so
/// `SessionStore` loads it; a workshop that does not is refused rather than exported.
public enum JSONExport {
    /// Why the workshop could not be exported, in one line.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public static func render(_ workshop: Workshop) throws -> String {
        let published = workshop.publishable()
        if let problem = SemanticValidator.problems(in: published).first {
            throw Failure(description: "the workshop is not valid, not exported: \(problem)")
        }
        do {
            return String(decoding: try SessionCodec().encode(published), as: UTF8.self)
        } catch {
            throw Failure(description: "cannot encode the workshop: \(error)")
        }
    }
}
