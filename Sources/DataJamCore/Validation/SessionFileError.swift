/// Why a session file could not be read or written: one line that names the file, the place in
/// it and what is wrong, e.g. `Sessions/a.json: findings[3].relevance: must be 1 to 5, found 9`.
public struct SessionFileError: Error, Equatable, CustomStringConvertible {
    public var file: String
    /// A path into the document (`findings[3].relevance`); nil when the problem is the whole file.
    public var place: String?
    public var message: String

    public init(file: String, place: String? = nil, message: String) {
        self.file = file
        self.place = place
        self.message = message
    }

    /// The line to show, with control characters escaped: it names a file and may quote its content.
    public var description: String {
        let line = if let place, !place.isEmpty { "\(file): \(place): \(message)" } else { "\(file): \(message)" }
        return line.escapedForTerminal()
    }
}

/// A path into a JSON document, written the way a reader would look for it: `findings[3].text`.
public struct DocumentPath: Hashable, Sendable, CustomStringConvertible {
    public enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) { self.steps = steps }

    public func key(_ key: String) -> DocumentPath { DocumentPath(steps + [.key(key)]) }
    public func index(_ index: Int) -> DocumentPath { DocumentPath(steps + [.index(index)]) }

    public var description: String {
        var s = ""
        for step in steps {
            switch step {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s.isEmpty ? "(top level)" : s
    }

    public init(codingPath: [CodingKey]) {
        steps = codingPath.map { key in key.intValue.map(Step.index) ?? .key(key.stringValue) }
    }
}
