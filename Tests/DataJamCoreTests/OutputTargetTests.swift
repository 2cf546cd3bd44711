import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// How `OutputTarget` reads a path, case by case, and what each kind of target receives.
/// Only temporary devices, pipes and sockets are written; the real /dev/null is only examined.
final class OutputTargetTests: XCTestCase {
    private func refusal(_ path: String) -> String? {
        do {
            _ = try OutputTarget.resolve(path)
            return nil
        } catch {
            return error.description
        }
    }

    func testWhatEachPathIs() throws {
        let folder = TemporaryFolder()
        let real = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
        XCTAssertEqual(try OutputTarget.resolve("-"), .standardOutput)
        XCTAssertEqual(try OutputTarget.resolve("/dev/stdout"), .descriptor(1))
        XCTAssertEqual(try OutputTarget.resolve("/dev/stderr"), .descriptor(2))
        XCTAssertEqual(try OutputTarget.resolve("/dev/fd/2"), .descriptor(2))
        XCTAssertEqual(try OutputTarget.resolve("/proc/self/fd/1"), .descriptor(1))
        XCTAssertTrue(try OutputTarget.resolve("/dev/stdout").isStandardOutput)
        XCTAssertEqual(try OutputTarget.resolve("/dev/null"), .stream("/dev/null"))

        XCTAssertEqual(try OutputTarget.resolve(folder.file("new.md")), .file("\(real)/new.md"))
        let file = folder.write("x", to: "old.md")
        XCTAssertEqual(try OutputTarget.resolve(file), .file("\(real)/old.md"))
        // A chain of links, relative and absolute, ends at the file; a dangling one at its target.
        try FileManager.default.createSymbolicLink(atPath: folder.file("one"), withDestinationPath: "old.md")
        try FileManager.default.createSymbolicLink(atPath: folder.file("two"), withDestinationPath: folder.file("one"))
        XCTAssertEqual(try OutputTarget.resolve(folder.file("two")), .file("\(real)/old.md"))
        try FileManager.default.createSymbolicLink(atPath: folder.file("dangling"), withDestinationPath: "later.md")
        XCTAssertEqual(try OutputTarget.resolve(folder.file("dangling")), .file("\(real)/later.md"))

        XCTAssertEqual(mkfifo(folder.file("pipe"), 0o600), 0)
        XCTAssertEqual(try OutputTarget.resolve(folder.file("pipe")), .stream("\(real)/pipe"))

        XCTAssertEqual(refusal(folder.path), "is a folder; give a file's path (or - for standard output)")
        XCTAssertEqual(refusal(folder.path + "/"), "is a folder; give a file's path (or - for standard output)")
        XCTAssertEqual(refusal(folder.file("..")), "is a folder; give a file's path (or - for standard output)")
        XCTAssertEqual(refusal(folder.file("report/")), "ends with /, which names a folder; give a file's path")
        XCTAssertEqual(refusal("/nonexistent/r.md"), "the folder /nonexistent does not exist; create it first or choose another path")
        XCTAssertEqual(refusal(""), "no path given")
        try FileManager.default.createSymbolicLink(atPath: folder.file("loop-a"), withDestinationPath: "loop-b")
        try FileManager.default.createSymbolicLink(atPath: folder.file("loop-b"), withDestinationPath: "loop-a")
        XCTAssertEqual(refusal(folder.file("loop-a")), "has too many levels of symbolic links")
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "the real /dev/null is untouched")
    }

    func testAFileKeepsItsModeAndANewOneIsPrivate() throws {
        let folder = TemporaryFolder()
        let existing = folder.write("x", to: "shared.md")
        XCTAssertEqual(chmod(existing, 0o644), 0)
        try OutputTarget.write(Data("nouveau\n".utf8), to: existing)
        try OutputTarget.write(Data("nouveau\n".utf8), to: folder.file("new.md"))
        func mode(_ path: String) -> mode_t {
            var info = stat()
            stat(path, &info)
            return info.st_mode & 0o7777
        }
        XCTAssertEqual(mode(existing), 0o644)
        XCTAssertEqual(mode(folder.file("new.md")), 0o600)
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "nouveau\n")
        XCTAssertEqual(folder.entries, ["new.md", "shared.md"])
    }

    func testADescriptorIsWrittenAsItIs() throws {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        defer { close(ends[0]) }
        let target = try OutputTarget.resolve("/dev/fd/\(ends[1])")
        XCTAssertEqual(target, .descriptor(ends[1]))
        try target.write(Data("par le tube\n".utf8))
        close(ends[1])
        let received = ReceivedData()
        received.readAll(ends[0])
        XCTAssertEqual(received.text, "par le tube\n")
    }

    func testASocketIsConnectedToAndStreamedInto() throws {
        let folder = TemporaryFolder("sock")
        let path = folder.file("s")
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(listener, 1), 0)
        let received = ReceivedData()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let connection = accept(listener, nil, nil)
            received.readAll(connection)
            close(connection)
            done.signal()
        }
        XCTAssertEqual(try OutputTarget.resolve(path), .socket(path))
        try OutputTarget.write(Data("à la socket\n".utf8), to: path)
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(received.text, "à la socket\n")
    }

    func testANamedPipeIsStreamedInto() throws {
        let folder = TemporaryFolder()
        let fifo = folder.file("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = ReceivedData()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let fd = open(fifo, O_RDONLY)
            received.readAll(fd)
            close(fd)
            done.signal()
        }
        // Larger than a pipe's buffer, so the writer really streams.
        let text = String(repeating: "constat ", count: 40_000)
        try OutputTarget.write(Data(text.utf8), to: fifo)
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(received.text, text)
        XCTAssertEqual(FileKind.of(fifo), .namedPipe)
    }
}

private final class ReceivedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func readAll(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            lock.lock()
            data.append(contentsOf: buffer[0..<n])
            lock.unlock()
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
