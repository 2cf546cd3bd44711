#if canImport(Glibc)
import Glibc
#endif

/// What a path names, as `stat` tells it, in words a user recognises ("a named pipe (FIFO)").
/// Reading and writing look at it first, because opening a pipe or a device does something else
/// than opening a file: a pipe waits for the other end, a device may never end.
public enum FileKind: Equatable, Sendable {
    case regularFile, folder, symbolicLink, namedPipe, characterDevice, blockDevice, socket, other

    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .namedPipe
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// The kind of what `path` names after following symbolic links; nil when it does not exist
    /// (or cannot be examined).
    public static func of(_ path: String) -> FileKind? {
        var info = stat()
        return stat(path, &info) == 0 ? FileKind(mode: info.st_mode) : nil
    }

    /// "a named pipe (FIFO)", to follow "is".
    public var described: String {
        switch self {
        case .regularFile: "a file"
        case .folder: "a folder"
        case .symbolicLink: "a symbolic link"
        case .namedPipe: "a named pipe (FIFO)"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .other: "a special file"
        }
    }
}
