@testable import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `SessionStore.readAll` reads a file straight into its buffer (page memory for a large one):
/// every byte, whatever the file did since it was measured, and never more than the limit + 1.
final class FileReadingTests: XCTestCase {
    private func read(_ content: Data, expected: Int, limit: Int) throws -> Data? {
        let folder = TemporaryFolder("read-all")
        let path = folder.file("f.json")
        try content.write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        return SessionStore.readAll(fd, expected: expected, limit: limit)
    }

    private func pattern(_ count: Int) -> Data { Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }) }

    func testEveryByteWhetherTheFileGrewShrankOrStayed() throws {
        for size in [0, 1, 4096, (1 << 20) - 1, 1 << 20, 3 << 20] {
            let content = pattern(size)
            for expected in [size, max(0, size - 5000), size + 5000, 0, 1 << 21] {
                XCTAssertEqual(try read(content, expected: expected, limit: 64 << 20), content, "size \(size), expected \(expected)")
            }
        }
    }

    func testNeverMoreThanTheLimitPlusOne() throws {
        let content = pattern(3 << 20)
        for (expected, limit) in [(3 << 20, 2 << 20), (1 << 20, 2 << 20), (3 << 20, (3 << 20) - 1), (3 << 20, 3 << 20)] {
            let data = try XCTUnwrap(try read(content, expected: expected, limit: limit))
            XCTAssertEqual(data, content.prefix(limit + 1), "expected \(expected), limit \(limit)")
        }
    }

    /// The tape's entries live in page memory sized for the worst case: texts made of the
    /// densest shapes (brackets, one-digit numbers, empty texts, open containers left by a broken
    /// text) are scanned, or refused, without writing past it.
    func testTheDensestTextsFitTheTape() {
        let shapes = ["1", "[]", "[[]]", "[1,2,3,4,5,6,7,8,9]", "{\"\":1}", "[\"\",\"\",\"\"]", "[[],[],[],[]]",
                      String(repeating: "[", count: 31), String(repeating: "[", count: 40), "{\"\":{\"\":{\"\":",
                      "[" + Array(repeating: "0", count: 5000).joined(separator: ",") + "]",
                      String(repeating: "[", count: 32) + String(repeating: "]", count: 32)]
        for shape in shapes {
            var bytes = Array(shape.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let view = UnsafeBufferPointer(buffer)
                var builder = JSONTapeBuilder(bytes: view)
                _ = try? JSONScanner.scan(view, depthLimit: Limits.nestingDepth, into: &builder)
                XCTAssertLessThanOrEqual(builder.count, view.count / 2 + 2 + Limits.nestingDepth, shape)
            }
        }
    }
}
