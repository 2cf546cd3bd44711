/// Why the terminal user interface could not start, as one line to show the user.
///
/// Thrown before the screen is touched, so the message lands on a normal terminal (or in a log when output
/// is redirected) and says what to change, instead of leaving a garbled screen or a hung process.
public struct TerminalStartError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
