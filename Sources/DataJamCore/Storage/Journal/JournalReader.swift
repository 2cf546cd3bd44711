import Foundation

/// Reads a journal's lines back.
///
/// A crash can cut the last line short (or, after a power cut, leave zeros where it was): a last
/// line that does not parse is ignored, since it was never acknowledged as written. A line that
/// does not parse followed by more lines means the journal was damaged some other way: nothing of it
/// is replayed, and the caller keeps it for a person to look at.
public enum JournalReader {
    public struct Damaged: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line) cannot be read (\(reason))" }
    }

    public static func entries(in data: Data) throws(Damaged) -> [JournalEntry] {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        var entries: [JournalEntry] = []
        let decoder = JSONDecoder()
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1 || (index == lines.count - 2 && lines[lines.count - 1].isEmpty)
            if line.isEmpty {
                if index == lines.count - 1 { break }
                throw Damaged(line: index + 1, reason: "empty line")
            }
            do {
                entries.append(try decoder.decode(JournalEntry.self, from: Data(line)))
            } catch {
                if isLast { break }  // torn by a crash mid-append
                throw Damaged(line: index + 1, reason: Self.shortReason(error))
            }
        }
        return entries
    }

    private static func shortReason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
             DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let place = context.codingPath.map(\.stringValue).joined(separator: ".")
            return place.isEmpty ? "not a journal line" : "\(place): \(context.debugDescription)"
        default:
            return "not a journal line"
        }
    }
}
