import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Every command that writes a file (`export -o`, `report -o`, `merge -o`, `new`) writes what the
/// path names: a device or a pipe gets the bytes streamed into it, a symbolic link keeps being a
/// link and its target gets the content, `-` is standard output, and anything else is refused
/// in one line without touching it.
///
/// These tests run as root on the test machines, where replacing `/dev/null` really happens: they
/// make their own devices and pipes in a temporary folder and only ever `stat` the real ones.
final class OutputTargetCommandTests: XCTestCase {
    private var sample: String { RepositoryPaths.sampleSessionFiles[0] }

    private func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// A character device that behaves as /dev/null (major 1, minor 3), made in `folder`.
    private func nullDevice(in folder: TemporaryFolder) throws -> String {
        let path = folder.file("null")
        guard mknod(path, S_IFCHR | 0o666, makedev(1, 3)) == 0 else {
            throw XCTSkip("cannot make a device here (\(String(cString: strerror(errno)))): needs root")
        }
        return path
    }

    private func makedev(_ major: UInt32, _ minor: UInt32) -> dev_t {
        // glibc's encoding of gnu_dev_makedev, which Swift cannot import as a macro.
        let major = UInt64(major), minor = UInt64(minor)
        return dev_t((minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xff) << 12) | ((major & ~0xfff) << 32))
    }

    private func expectedMarkdown() throws -> String {
        let result = try ProcessRunner.datajam("export", sample, "--format", "markdown")
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testACharacterDeviceStaysADevice() throws {
        let folder = TemporaryFolder("out-device")
        let device = try nullDevice(in: folder)
        for arguments in [["export", sample, "--format", "markdown", "-o", device],
                          ["report"] + RepositoryPaths.sampleSessionFiles + ["--format", "csv", "-o", device]] {
            let result = try ProcessRunner.datajam(arguments: arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr, "")
            XCTAssertEqual(kind(device), S_IFCHR, "\(arguments[0]) -o DEVICE must write into the device, not replace it")
        }
        XCTAssertEqual(folder.entries, ["null"], "no temp file left")
        XCTAssertEqual(kind("/dev/null"), S_IFCHR, "the real /dev/null is still a device")
    }

    func testAFIFOReceivesTheExport() throws {
        let folder = TemporaryFolder("out-fifo")
        let fifo = folder.file("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A reader that takes everything written until the writer closes.
        let received = ReceivedBytes()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let fd = open(fifo, O_RDONLY)
            received.readAll(fd)
            close(fd)
            done.signal()
        }
        let export = try ChildProcess.datajam("export", sample, "--format", "markdown", "-o", fifo)
        XCTAssertEqual(export.wait(seconds: 60), 0, export.stderr)
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "the reader got an end of file")
        XCTAssertEqual(received.text, try expectedMarkdown())
        XCTAssertEqual(kind(fifo), S_IFIFO, "still a named pipe")
        XCTAssertEqual(folder.entries, ["pipe"])
    }

    func testAPipeWhoseReaderLeavesGivesOneLineNotASignal() throws {
        let folder = TemporaryFolder("out-fifo-gone")
        let fifo = folder.file("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A reader that takes one byte and goes away, like `head -c 1`, with a pipe smaller than
        // the report so that the writer is still writing when it goes.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC) // not inherited by the writer
        let setPipeSize: Int32 = 1031 // F_SETPIPE_SZ, which Swift cannot import
        XCTAssertGreaterThan(fcntl(reader, setPipeSize, 4096), 0)
        let export = try ChildProcess.datajam("report", RepositoryPaths.sampleSessionFiles[0], RepositoryPaths.sampleSessionFiles[1],
                                              RepositoryPaths.sampleSessionFiles[2], "--format", "html", "-o", fifo)
        var byte: UInt8 = 0
        let deadline = Date().addingTimeInterval(30)
        while read(reader, &byte, 1) != 1, Date() < deadline { usleep(1_000) }
        close(reader)
        XCTAssertEqual(export.wait(seconds: 60), 1, "killed by SIGPIPE instead of saying why")
        XCTAssertEqual(export.stderr, "Error: \(fifo): cannot write to the pipe or device: Broken pipe\n")
    }

    func testASymbolicLinkIsWrittenThrough() throws {
        let folder = TemporaryFolder("out-link")
        let target = folder.write("previous report\n", to: "target.md")
        let link = folder.file("link.md")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.md")
        let result = try ProcessRunner.datajam("export", sample, "--format", "markdown", "-o", link)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "target.md", "the link stays a link")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), try expectedMarkdown())

        // A link to a file that does not exist yet creates that file.
        let dangling = folder.file("new-link.md")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "created.md")
        XCTAssertEqual(try ProcessRunner.datajam("export", sample, "--format", "markdown", "-o", dangling).status, 0)
        XCTAssertEqual(kind(dangling), S_IFLNK)
        XCTAssertEqual(try String(contentsOfFile: folder.file("created.md"), encoding: .utf8), try expectedMarkdown())
        XCTAssertEqual(folder.entries, ["created.md", "link.md", "new-link.md", "target.md"], "no temp file left")
    }

    func testDashIsStandardOutput() throws {
        let folder = TemporaryFolder("out-dash")
        let result = try ProcessRunner.datajam(arguments: ["export", sample, "--format", "markdown", "-o", "-"], in: folder.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, try expectedMarkdown())
        XCTAssertEqual(folder.entries, [], "no file named -")

        let package = try ProcessRunner.datajam(arguments: ["export", sample, "--format", "datapackage", "-o", "-"], in: folder.path)
        XCTAssertEqual(package.status, 1)
        XCTAssertEqual(package.stderr, "Error: a Data Package is a folder and cannot go to standard output; give a folder with -o DIR\n")
        XCTAssertEqual(folder.entries, [])
    }

    func testAFolderOrABlockDeviceIsRefusedInOneLine() throws {
        let folder = TemporaryFolder("out-refused")
        let inside = folder.file("reports")
        try FileManager.default.createDirectory(atPath: inside, withIntermediateDirectories: false)
        let result = try ProcessRunner.datajam("export", sample, "--format", "html", "-o", inside)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "Error: \(inside): is a folder; give a file's path (or - for standard output)\n")
        XCTAssertEqual(folder.entries, ["reports"])
        XCTAssertEqual(FileManager.default.subpaths(atPath: inside), [])

        let block = folder.file("disk")
        if mknod(block, S_IFBLK | 0o600, makedev(7, 200)) == 0 {
            let refused = try ProcessRunner.datajam("export", sample, "--format", "html", "-o", block)
            XCTAssertEqual(refused.status, 1)
            XCTAssertEqual(refused.stderr, "Error: \(block): is a block device; write to a file, a pipe or standard output (-) instead\n")
            XCTAssertEqual(kind(block), S_IFBLK)
        }
        XCTAssertEqual(folder.entries.filter { $0.hasPrefix(".") }, [], "no temp file left")
    }

    func testNewAndMergeWriteIntoStreamsButNeverOverwriteAFile() throws {
        let folder = TemporaryFolder("out-session")
        let device = try nullDevice(in: folder)
        let created = try ProcessRunner.datajam(arguments: ["new", "-", "--theme", "Sur la sortie"], in: folder.path)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(try SessionCodec().decode(Data(created.stdout.utf8), file: "-").details.theme, "Sur la sortie",
                       "the session file itself goes to standard output")
        XCTAssertTrue(created.stderr.hasPrefix("created -: "), "the summary goes to standard error: \(created.stderr)")

        XCTAssertEqual(try ProcessRunner.datajam("new", device, "--theme", "Nulle part").status, 0)
        XCTAssertEqual(kind(device), S_IFCHR)

        let base = folder.file("base.json"), other = folder.file("other.json")
        XCTAssertEqual(try ProcessRunner.datajam("new", base, "--theme", "Base", "--team", "A").status, 0)
        XCTAssertEqual(try ProcessRunner.datajam("new", other, "--theme", "Autre", "--team", "B").status, 0)
        let merged = try ProcessRunner.datajam(arguments: ["merge", base, other, "-o", "-"], in: folder.path)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(try SessionCodec().decode(Data(merged.stdout.utf8), file: "-").teams.map(\.name).sorted(), ["A", "B"])
        XCTAssertFalse(merged.stderr.isEmpty, "the summary line goes to standard error")
        XCTAssertEqual(try ProcessRunner.datajam("merge", base, other, "-o", device).status, 0)
        XCTAssertEqual(kind(device), S_IFCHR)

        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        let refused = try ProcessRunner.datajam("merge", base, other, "-o", other)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "Error: \(other): already exists; choose another name (nothing was overwritten)\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: other)), before)
        XCTAssertEqual(folder.entries, ["base.json", "null", "other.json"])
    }

    func testADataPackageIsRefusedOnAnythingButAFolder() throws {
        let folder = TemporaryFolder("out-package")
        let device = try nullDevice(in: folder)
        let result = try ProcessRunner.datajam("export", sample, "--format", "datapackage", "-o", device)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "Error: \(device): is a character device, not a folder (nothing was written)\n")
        XCTAssertEqual(kind(device), S_IFCHR)
        XCTAssertEqual(folder.entries, ["null"])
    }
}

/// Bytes collected by a reader thread.
final class ReceivedBytes: @unchecked Sendable {
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
