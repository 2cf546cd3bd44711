/// A value on its way to a session file: what `SortedKeysEncoder` builds from the model's own
/// `Encodable` conformances and `IndentedJSONWriter` writes out. Objects keep their members in the
/// order the model encodes them; the writer sorts them.
enum JSONNode {
    case string(String)
    /// The number's text, as it is written.
    case number(String)
    case bool(Bool)
    case null
    case object(JSONObjectNode)
    case array(JSONArrayNode)
    /// The value of an encoder handed out by `superEncoder()`, which is filled after the call
    /// that made it returns: read when written.
    case pending(SortedKeysEncoder)
    /// A workshop's findings, written straight to bytes by `FindingJSONWriter` instead of a node
    /// per field: they are nearly all of a session file. Only findings it can write (every
    /// timestamp writable) are put here.
    case findings([Finding])
}

/// An object being filled by a keyed container: a reference, because the container is handed out
/// while the parent holds the node.
final class JSONObjectNode {
    var members: [(key: String, value: JSONNode)]

    init() {
        // A model object has up to about fifteen fields: one allocation instead of five regrowths.
        members = []
        members.reserveCapacity(16)
    }
}

/// A list being filled by an unkeyed container.
final class JSONArrayNode {
    var elements: [JSONNode] = []
}
