import Foundation

/// Turns session files into `Workshop` values and back.
///
/// Reading checks far more than syntax, in this order, and stops at the first problem with one
/// line naming the file, the place and the fault: size, UTF-8, strict JSON (nesting depth, syntax,
/// duplicate keys in any object), the format name and version (migrating older versions), the
/// types of every field and the range of every text form (a timestamp must fall in UTC years
/// 0001-9999), fields the model does not know even when null (a save would drop them), then the
/// semantic rules. A file either loads whole or not at all, and what loads is written back in a
/// form that loads again: a file DataJam writes, DataJam reads.
public struct SessionCodec: Sendable {
    public var migrator: SessionMigrator

    public init(migrator: SessionMigrator = .standard) { self.migrator = migrator }

    // MARK: Writing

    /// Indented, sorted keys, UTF-8, slashes unescaped, ending with a newline: readable and
    /// diff-friendly (see `IndentedJSONWriter`). The model encodes itself into a light tree that is
    /// written once; `JSONEncoder` followed by re-indenting its output took twice as long.
    public func encode(_ workshop: Workshop) throws -> Data {
        let node = try SortedKeysEncoder.node(of: workshop)
        // About 420 bytes per finding: reserving avoids most regrowth of a 4 MB buffer.
        return Data(IndentedJSONWriter.write(node, capacity: 64 * 1024 + workshop.findings.count * 480))
    }

    // MARK: Reading

    public func decode(_ data: Data, file: String) throws(SessionFileError) -> Workshop {
        try StrictDocument.withBytes(of: data) { bytes throws(SessionFileError) in try decode(bytes, file: file) }
    }

    /// Every check in one pass over the bytes (after a quick UTF-8 check): the scanner checks the
    /// syntax and builds a flat tape of the document, the model decodes itself from the tape, and
    /// the keys it never asked for are the unknown fields. Only a file of an older version goes
    /// through a tree of Foundation objects, which the migration steps rewrite.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(SessionFileError) -> Workshop {
        let tape = try StrictDocument.tape(of: bytes, file: file, kind: "session file", formatName: SessionFormat.name)
        guard StrictDocument.format(in: tape) == SessionFormat.name else {
            let found = tape.describe(tape.entry(at: DocumentPath([.key("format")])))
            throw SessionFileError(file: file, place: "format", message: "must be \"\(SessionFormat.name)\", found \(found): not a DataJam session file")
        }
        let version = try StrictDocument.version(in: tape, file: file)
        if version != migrator.currentVersion {
            return try decodeMigrating(bytes, from: version, file: file)
        }
        let workshop = try StrictDocument.decode(Workshop.self, from: tape, file: file)
        if let problem = SemanticValidator.problems(in: workshop).first {
            throw SessionFileError(file: file, place: problem.path.description, message: problem.message)
        }
        return workshop
    }

    /// A file of another version: the migration steps rewrite its tree of Foundation objects up to
    /// the current version, and the result is read as a current file (its messages name places in
    /// the migrated document).
    private func decodeMigrating(_ bytes: UnsafeBufferPointer<UInt8>, from version: Int, file: String) throws(SessionFileError) -> Workshop {
        func fail(_ place: String, _ message: String) -> SessionFileError {
            SessionFileError(file: file, place: place, message: message)
        }
        let data = Data(buffer: bytes)
        guard var document = (try? JSONSerialization.jsonObject(with: data, options: [])) as? [String: Any] else {
            // The scanner took it: only a number no Foundation type holds (1e400) gets here.
            throw SessionFileError(file: file, message: "is not valid JSON (a number out of range); was it truncated?")
        }
        do {
            (document, _) = try migrator.migrate(document, from: version)
        } catch SessionMigrator.Failure.newer(let v) {
            throw fail("version", "is \(v), written by a newer DataJam (this one reads up to \(migrator.currentVersion)): upgrade datajam to open it")
        } catch SessionMigrator.Failure.unknown(let v) {
            throw fail("version", "\(v) is not a known format version (\(migrator.firstVersion) to \(migrator.currentVersion))")
        } catch SessionMigrator.Failure.stepFailed(let from, let reason) {
            throw fail("version", "could not upgrade from version \(from): \(reason)")
        } catch {
            throw fail("version", "\(error)")
        }
        let migrated: Data
        do {
            migrated = try JSONSerialization.data(withJSONObject: document)
        } catch {
            throw SessionFileError(file: file, message: "could not be read: \(error)")
        }
        return try decode(migrated, file: file)
    }
}
