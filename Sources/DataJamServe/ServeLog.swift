import DataJamCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One line per connection, login, refusal and disconnection, appended to a file beside the
/// session file: the facilitator's terminal is showing the workshop, so nothing goes to stderr.
public final class ServeLog: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private let fd: Int32

    public init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw PseudoTerminal.SpawnError(description: "cannot write the log \(path): \(String(cString: strerror(errno))); choose another place with --log FILE")
        }
    }

    deinit { close(fd) }

    /// `event` then `key=value` pairs; values that come from clients (user names) are escaped so
    /// that the log stays one line per event and safe to `cat`.
    public func write(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        var line = Self.timestamp(Date()) + " " + event
        for (key, value) in fields {
            let escaped = value.escapedForTerminal()
            line += " \(key)=" + (escaped.isEmpty || escaped.contains(" ") || escaped.contains("\"") ? "\"\(escaped.replacingOccurrences(of: "\"", with: "\\\""))\"" : escaped)
        }
        let bytes = Array((line + "\n").utf8)
        lock.withLock {
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
