import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a command's output goes, decided by what the path names, so that writing never
/// destroys what is there: `export -o`, `report -o`, `merge -o`, `new` and the interface's
/// export all write through it.
///
/// - `-` is standard output; `/dev/stdout`, `/dev/fd/N` and `/proc/self/fd/N` are the process's
///   own descriptors, written as they are (whatever they point to).
/// - A regular file, or a path where nothing is yet, is replaced atomically and durably
///   (`DurableFile.write`, under the folder's lock).
/// - A symbolic link is followed: its target is written (atomically, in the target's folder)
///   and the link stays a link. A link to nothing creates its target.
/// - A character device (`/dev/null`, a terminal) or a named pipe is opened and streamed into,
///   never replaced; a Unix socket is connected to and streamed into.
/// - Anything else (a folder, a block device) is refused in one line and left alone.
public enum OutputTarget: Equatable, Sendable {
    case standardOutput
    case descriptor(Int32)
    case file(String)
    case stream(String)
    case socket(String)

    public typealias Failure = DurableFile.Failure

    /// Whether what is written goes to this process's standard output.
    public var isStandardOutput: Bool {
        switch self {
        case .standardOutput, .descriptor(STDOUT_FILENO): true
        default: false
        }
    }

    /// Decides how to write to `path`; throws, in one line without the path, when it must not be
    /// written at all.
    public static func resolve(_ path: String) throws(Failure) -> OutputTarget {
        if path == "-" { return .standardOutput }
        guard !path.isEmpty else { throw Failure(description: "no path given") }
        if path.hasSuffix("/") {
            throw Failure(description: FileKind.of(path) == .folder ? isAFolder : "ends with /, which names a folder; give a file's path")
        }
        var current = path
        // The kernel follows at most 40 links in a path; follow as many here.
        for _ in 0..<40 {
            let folder = DurableFile.folderOf(current)
            let name = (current as NSString).lastPathComponent
            guard let realFolder = realPath(folder) else {
                throw Failure(description: errno == ENOENT || errno == ENOTDIR
                    ? "the folder \(folder) does not exist; create it first or choose another path"
                    : "cannot reach the folder \(folder): \(DurableFile.errnoText())")
            }
            guard name != ".", name != ".." else { throw Failure(description: isAFolder) }
            let full = realFolder == "/" ? "/\(name)" : "\(realFolder)/\(name)"
            if let fd = ownDescriptor(full) { return .descriptor(fd) }
            var info = stat()
            guard lstat(full, &info) == 0 else {
                if errno == ENOENT { return .file(full) }
                throw Failure(description: "cannot be examined: \(DurableFile.errnoText())")
            }
            switch FileKind(mode: info.st_mode) {
            case .symbolicLink:
                guard let target = linkTarget(full) else {
                    throw Failure(description: "cannot read the symbolic link: \(DurableFile.errnoText())")
                }
                current = target.hasPrefix("/") ? target : "\(realFolder)/\(target)"
            case .regularFile: return .file(full)
            case .characterDevice, .namedPipe: return .stream(full)
            case .socket: return .socket(full)
            case .folder: throw Failure(description: isAFolder)
            case let kind: throw Failure(description: "is \(kind.described); write to a file, a pipe or standard output (-) instead")
            }
        }
        throw Failure(description: "has too many levels of symbolic links")
    }

    /// Resolves `path` and writes `data` there (see the type's description).
    public static func write(_ data: Data, to path: String, waitingForReader: Bool = true) throws(Failure) {
        try resolve(path).write(data, waitingForReader: waitingForReader)
    }

    /// Writes `data`; on failure nothing is left half-written in a file's place (a stream may have
    /// received part of it, as with any pipe).
    ///
    /// A named pipe with no reader yet is waited for, as a shell's `>` does, unless
    /// `waitingForReader` is false (the interface, which must never freeze): it is then refused.
    public func write(_ data: Data, waitingForReader: Bool = true) throws(Failure) {
        switch self {
        case .standardOutput:
            try Self.send(data, to: STDOUT_FILENO, named: "standard output")
        case .descriptor(let fd):
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw Failure(description: "descriptor \(fd) is not open") }
            try Self.send(data, to: fd, named: "descriptor \(fd)")
        case .file(let path):
            let folder = DurableFile.folderOf(path)
            do {
                try DurableFile.withFolderLock(folder) { () throws(Failure) in
                    DurableFile.removeStaleTemporaryFiles(in: folder)
                    try DurableFile.write(data, to: path)
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(description: "\(error)")
            }
        case .stream(let path):
            let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (waitingForReader ? 0 : O_NONBLOCK))
            guard fd >= 0 else {
                if errno == ENXIO { throw Failure(description: "nobody is reading this named pipe; start its reader, then try again") }
                throw Failure(description: "cannot open for writing: \(DurableFile.errnoText())")
            }
            defer { close(fd) }
            // Opened: from now on, write at the reader's pace.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            var info = stat()
            // Replaced by a regular file since we looked: writing into it would not be atomic.
            guard fstat(fd, &info) == 0, [.characterDevice, .namedPipe].contains(FileKind(mode: info.st_mode)) else {
                throw Failure(description: "changed while being opened; try again")
            }
            try Self.withoutBrokenPipeSignal { () throws(Failure) in
                try Self.send(data, to: fd, named: "the pipe or device")
            }
        case .socket(let path):
            let fd = try Self.connect(path)
            defer { close(fd) }
            try Self.withoutBrokenPipeSignal { () throws(Failure) in
                try Self.send(data, to: fd, named: "the socket")
            }
        }
    }

    // MARK: -

    private static let isAFolder = "is a folder; give a file's path (or - for standard output)"

    private static func send(_ data: Data, to fd: Int32, named name: String) throws(Failure) {
        guard DurableFile.writeAll(data, to: fd) else {
            throw Failure(description: "cannot write to \(name): \(DurableFile.errnoText())")
        }
    }

    /// Runs `body` with SIGPIPE held back in this thread, so that a reader going away gives
    /// EPIPE, reported in one line, instead of killing the process: the interface must never die
    /// of an export (its pending saves would go with it).
    private static func withoutBrokenPipeSignal(_ body: () throws(Failure) -> Void) throws(Failure) {
        var pipeOnly = sigset_t()
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous)
        defer {
            // Take back the SIGPIPE our write raised, unless one was held back before us.
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1, sigismember(&previous, SIGPIPE) == 0 {
                var now = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeOnly, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        try body()
    }

    /// A stream connection to the Unix socket at `path`.
    private static func connect(_ path: String) throws(Failure) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw Failure(description: "the socket's path is too long to connect to; write to a shorter path")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot make a socket: \(DurableFile.errnoText())") }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = DurableFile.errnoText()
            close(fd)
            throw Failure(description: "cannot connect to the socket: \(reason); is its program listening?")
        }
        return fd
    }

    /// `path` with every link resolved, or nil (errno tells why).
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The descriptor N when `path` is `/proc/<this process>/fd/N` (where `/dev/stdout`,
    /// `/dev/fd/N` and `/proc/self/fd/N` lead): the descriptor itself is what the user means,
    /// whatever it is open on (a pipe, a terminal, a file opened for appending).
    private static func ownDescriptor(_ path: String) -> Int32? {
        let prefix = "/proc/\(getpid())/fd/"
        guard path.hasPrefix(prefix), let fd = Int32(path.dropFirst(prefix.count)), fd >= 0 else { return nil }
        return fd
    }
}
