@testable import DataJamExport
import DataJamCore
import Foundation
import TestSupport
import XCTest

/// What a portal reads in `datapackage.json` before the data: licence, sources, contributors,
/// version, a name no other publication has, and when it was built.
final class DataPackageMetadataTests: XCTestCase {
    private func descriptor(_ workshops: [Workshop], _ settings: ExportSettings) throws -> [String: Any] {
        let folder = TemporaryFolder("package-meta")
        let target = folder.file("package")
        try DataPackageExport.write(workshops, to: target, settings: settings)
        return try DataExportTools.json(String(contentsOfFile: "\(target)/datapackage.json", encoding: .utf8))
    }

    func testLicenceSourcesContributorsVersionAndBuildTime() throws {
        let samples = try DataExportTools.samples()
        let built = Date(timeIntervalSince1970: 1_764_550_000)
        let settings = ExportSettings(language: .fr, publication: Publication(issuer: "Ministère X", version: "2.0", date: built))
        let package = try descriptor(samples, settings)
        let licences = try XCTUnwrap(package["licenses"] as? [[String: String]])
        XCTAssertEqual(licences, [["name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                   "title": "Creative Commons Attribution 4.0"]], "CC-BY-4.0 by default")
        XCTAssertEqual(package["version"] as? String, "2.0")
        XCTAssertEqual(package["created"] as? String, "2025-12-01T00:46:40.000Z", "the build time, not the files' last change")
        let sources = try XCTUnwrap(package["sources"] as? [[String: String]])
        XCTAssertEqual(sources.map { $0["title"] ?? "" }, [
            "Atelier data jam : Économie numérique (2023-11-27, Tunis)",
            "Atelier data jam : Inclusion sociale et réduction des inégalités (2023-11-30, Tunis)",
            "Atelier data jam : Data journalisme (2023-12-19, Tunis)",
        ])
        let contributors = try XCTUnwrap(package["contributors"] as? [[String: String]])
        XCTAssertEqual(contributors.first, ["title": "Ministère X", "role": "publisher"])

        var odbl = settings
        odbl.publication.license = try XCTUnwrap(License.named("odbl-1.0"))
        let other = try XCTUnwrap(try descriptor(samples, odbl)["licenses"] as? [[String: String]])
        XCTAssertEqual(other.first?["name"], "ODbL-1.0")
    }

    func testTwoPublicationsNeverShareAName() throws {
        let samples = try DataExportTools.samples()
        func name(_ workshops: [Workshop], at seconds: TimeInterval) throws -> String {
            let settings = ExportSettings(language: .en, publication: Publication(date: Date(timeIntervalSince1970: seconds)))
            return try XCTUnwrap(try descriptor(workshops, settings)["name"] as? String)
        }
        let all = try name(samples, at: 1_764_550_000)
        let twoOfThem = try name(Array(samples.prefix(2)), at: 1_764_550_000)
        let later = try name(samples, at: 1_764_550_001)
        XCTAssertEqual(Set([all, twoOfThem, later]).count, 3, "\(all) \(twoOfThem) \(later)")
        XCTAssertNotNil(all.range(of: #"^[a-z0-9._/-]+$"#, options: .regularExpression), "a valid Data Package name: \(all)")
        XCTAssertEqual(try name(samples, at: 1_764_550_000), all, "the same publication, the same name")
    }

    func testTheCommandLineSetsLicenceIssuerAndVersion() throws {
        let folder = TemporaryFolder("package-cli")
        let target = folder.file("package")
        let result = try ProcessRunner.datajam(arguments: ["report"] + RepositoryPaths.sampleSessionFiles
            + ["--format", "datapackage", "--license", "CC0-1.0", "--issuer", "Unité e-gov", "--edition", "3", "-o", target])
        XCTAssertEqual(result.status, 0, result.stderr)
        let package = try DataExportTools.json(String(contentsOfFile: "\(target)/datapackage.json", encoding: .utf8))
        XCTAssertEqual((package["licenses"] as? [[String: String]])?.first?["name"], "CC0-1.0")
        XCTAssertEqual(package["version"] as? String, "3")
        let wrong = try ProcessRunner.datajam(arguments: ["report"] + RepositoryPaths.sampleSessionFiles
            + ["--format", "datapackage", "--license", "MIT", "-o", folder.file("other")])
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("unknown licence \"MIT\"; use one of: CC-BY-4.0"), wrong.stderr)
    }
}
