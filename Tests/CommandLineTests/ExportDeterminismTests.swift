import Foundation
import TestSupport
import XCTest

/// The same session files give byte-identical exports in every run.
///
/// Swift seeds its hashing afresh in every process, so anything that walks a dictionary or a set
/// in the order it happens to hold them changes from one run to the next. Comparing two calls in
/// one process cannot see that; comparing separate runs of the real binary does. The moment of
/// publication (on the cover, `created` in a Data Package) is the build time: fixed here with
/// `SOURCE_DATE_EPOCH`, as reproducible builds do.
final class ExportDeterminismTests: XCTestCase {
    private let runs = 3
    private static let fixedTime = ["SOURCE_DATE_EPOCH": "1764547200"]

    func testEveryFormatIsByteIdenticalAcrossRuns() throws {
        let samples = RepositoryPaths.sampleSessionFiles
        XCTAssertEqual(samples.count, 3)
        for format in ["markdown", "html", "csv", "ckan", "json"] {
            for language in ["fr", "en"] {
                let workshop = try outputs(["export", samples[1], "--format", format, "--lang", language])
                XCTAssertEqual(Set(workshop).count, 1, "export --format \(format) --lang \(language) differs between runs")
                let consolidated = try outputs(["report"] + samples + ["--format", format, "--lang", language])
                XCTAssertEqual(Set(consolidated).count, 1, "report --format \(format) --lang \(language) differs between runs")
                let anonymised = try outputs(["export", samples[0], "--format", format, "--lang", language, "--anonymize"])
                XCTAssertEqual(Set(anonymised).count, 1, "export --format \(format) --anonymize differs between runs")
            }
        }
    }

    func testDataPackageFolderIsByteIdenticalAcrossRuns() throws {
        let folder = TemporaryFolder("determinism")
        var contents: [[String: Data]] = []
        for run in 0..<runs {
            let target = folder.file("package-\(run)")
            let result = try ProcessRunner.datajam(arguments: ["export", RepositoryPaths.sampleSessionFiles[2], "--format", "datapackage", "-o", target],
                                                   environment: Self.fixedTime)
            XCTAssertEqual(result.status, 0, result.stderr)
            let names = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
            XCTAssertFalse(names.isEmpty)
            contents.append(Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: "\(target)/\($0)") ?? Data()) }))
        }
        XCTAssertEqual(contents[1], contents[0])
        XCTAssertEqual(contents[2], contents[0])
    }

    /// The standard output of `runs` separate runs, each checked for success.
    private func outputs(_ arguments: [String]) throws -> [String] {
        try (0..<runs).map { _ in
            let result = try ProcessRunner.datajam(arguments: arguments, environment: Self.fixedTime)
            XCTAssertEqual(result.status, 0, "datajam \(arguments.joined(separator: " ")): \(result.stderr)")
            XCTAssertEqual(result.stderr, "")
            XCTAssertFalse(result.stdout.isEmpty)
            return result.stdout
        }
    }
}
