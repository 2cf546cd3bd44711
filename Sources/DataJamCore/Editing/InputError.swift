/// Input a user typed that cannot be used, with what is allowed instead: one line.
public struct InputError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
