import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Generated trees of files, folders, named pipes and symbolic links (relative, absolute,
/// chained, dangling, looping) in two folders; every path of every tree is written through
/// `OutputTarget`. Whatever the path, writing never changes what anything else is: links stay
/// the same links, pipes stay pipes, folders stay folders, no temp copy is left; and either the
/// path now reads back the new bytes or nothing at all changed.
final class OutputTargetPropertyTests: XCTestCase {
    private enum Entry: Equatable {
        case file(Data), folder, pipe, link(String)
    }

    /// Every entry of the two folders, as lstat and readlink see them.
    private func snapshot(_ root: String) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for folder in ["A", "B"] {
            let path = "\(root)/\(folder)"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let full = "\(path)/\(name)"
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch FileKind(mode: info.st_mode) {
                case .regularFile: entries["\(folder)/\(name)"] = .file(FileManager.default.contents(atPath: full) ?? Data())
                case .folder: entries["\(folder)/\(name)"] = .folder
                case .namedPipe: entries["\(folder)/\(name)"] = .pipe
                case .symbolicLink:
                    entries["\(folder)/\(name)"] = .link((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
                default: XCTFail("unexpected kind at \(full)")
                }
            }
        }
        return entries
    }

    private func makeTree(_ root: String, using random: inout SystemRandomNumberGenerator) throws {
        let names = (0..<6).map { "n\($0)" }
        for folder in ["A", "B"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
            for name in names {
                let path = "\(root)/\(folder)/\(name)"
                let other = names.randomElement(using: &random) ?? "n0"
                let otherFolder = ["A", "B"].randomElement(using: &random) ?? "A"
                switch Int.random(in: 0..<8, using: &random) {
                case 0, 1: _ = FileManager.default.createFile(atPath: path, contents: Data("ancien \(folder)/\(name)".utf8))
                case 2: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
                case 3: XCTAssertEqual(mkfifo(path, 0o600), 0)
                case 4: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: other)
                case 5: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "../\(otherFolder)/\(other)")
                case 6: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "\(root)/\(otherFolder)/\(other)")
                default: break // nothing there
                }
            }
        }
    }

    func testWritingAnyPathChangesNothingButWhatItNames() throws {
        var random = SystemRandomNumberGenerator()
        var written = 0, refused = 0
        for round in 0..<60 {
            let folder = TemporaryFolder("targets")
            let root = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
            try makeTree(root, using: &random)
            for folderName in ["A", "B"] {
                for index in 0..<7 { // n6 never exists
                    let path = "\(root)/\(folderName)/n\(index)"
                    let before = snapshot(root)
                    let data = Data("nouveau \(round) \(folderName) \(index)\n".utf8)
                    let outcome: String?
                    do {
                        // Never wait for a pipe's reader: there is none here.
                        try OutputTarget.write(data, to: path, waitingForReader: false)
                        outcome = nil
                    } catch {
                        outcome = error.description
                    }
                    let after = snapshot(root)
                    XCTAssertEqual(after.keys.filter { $0.contains(".datajam-tmp-") }, [], "a temp copy was left")
                    if let outcome {
                        refused += 1
                        XCTAssertEqual(after, before, "\(path): refused (\(outcome)) yet something changed")
                        XCTAssertFalse(outcome.contains("\n"))
                    } else {
                        written += 1
                        XCTAssertEqual(FileManager.default.contents(atPath: path), data, "\(path) does not read back what was written")
                        // Only one entry may differ: the regular file the path leads to (new or replaced).
                        let changed = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }
                        XCTAssertLessThanOrEqual(changed.count, 1, "\(path): \(changed.sorted()) changed")
                        for key in changed {
                            XCTAssertEqual(after[key], .file(data), "\(path): \(key) became \(String(describing: after[key]))")
                            if case .link? = before[key] { XCTFail("\(path): the link \(key) was replaced") }
                            if before[key] == .pipe || before[key] == .folder { XCTFail("\(path): \(key) was replaced") }
                        }
                    }
                }
            }
        }
        print("output targets: \(written) paths written, \(refused) refused, over 60 generated trees")
        XCTAssertGreaterThan(written, 0)
        XCTAssertGreaterThan(refused, 0)
    }
}
