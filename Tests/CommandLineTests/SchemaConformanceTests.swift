import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Every shipped sample and every file the code writes validates against `datajam schema`,
/// checked by Python's jsonschema, an implementation independent of our loader.
final class SchemaConformanceTests: XCTestCase {
    func testSchemaCommandPrintsTheSchema() throws {
        let result = try ProcessRunner.datajam("schema")
        XCTAssertEqual(result.status, 0)
        let schema = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(schema?["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(result.stdout, SessionSchema.text + "\n")
    }

    func testShippedSamplesValidate() throws {
        XCTAssertEqual(RepositoryPaths.sampleSessionFiles.count, 3)
        XCTAssertEqual(try JSONSchemaCheck.problems(in: RepositoryPaths.sampleSessionFiles), [])
    }

    func testEveryFileTheCodeWritesValidates() throws {
        let folder = TemporaryFolder("schema-written")
        var files: [String] = []
        for preset in WorkshopPreset.all {
            let file = folder.file("\(preset.name).json")
            try ProcessRunner.datajam("new", file, "--theme", "Thème é", "--date", "2024-01-15", "--city", "Sfax", "--preset", preset.name)
            files.append(file)
        }
        let busy = folder.file("busy.json")
        try ProcessRunner.datajam("new", busy, "--theme", "x", "--team", "Équipe A", "--lang", "en")
        for args in [
            ["--team", "Équipe A", "--kind", "constraint", "--category", "legal", "--gender", "Décret"],
            ["--kind", "data-need", "--producer", "INS", "--availability", "unusable-format", "--format", "CSV",
             "--sex-disaggregated", "--relevance", "5", "--impact", "3", "Données par sexe"],
            ["--kind", "actor", "--role", "re-user", "Thnity"],
            ["--kind", "channel", "--author", "Amira", "Portail"],
        ] {
            let result = try ProcessRunner.datajam(arguments: ["add", busy] + args)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        files.append(busy)
        let fixture = folder.file("fixture.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: fixture)
        files.append(fixture)
        var deleted = WorkshopFixtures.complete()
        deleted.findings[0].deletedAt = .now()
        let tombstones = folder.file("tombstones.json")
        try SessionStore().create(deleted, at: tombstones)
        files.append(tombstones)
        XCTAssertEqual(try JSONSchemaCheck.problems(in: files), [])
    }

    func testSchemaAgreesWithLimits() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(SessionSchema.text.utf8)) as! [String: Any]
        let defs = schema["$defs"] as! [String: Any]
        XCTAssertEqual((defs["longText"] as! [String: Any])["maxLength"] as? Int, Limits.longText)
        XCTAssertEqual((defs["shortText"] as! [String: Any])["maxLength"] as? Int, Limits.shortText)
        XCTAssertEqual((defs["count"] as! [String: Any])["maximum"] as? Int, Limits.headcount)
        XCTAssertEqual((defs["id"] as! [String: Any])["pattern"] as? String, Limits.idPattern)
        XCTAssertEqual((schema["properties"] as! [String: Any])["version"] as? [String: Int], ["const": SessionFormat.currentVersion])
    }

    func testSchemaRejectsWhatTheLoaderRejects() throws {
        let folder = TemporaryFolder("schema-broken")
        var tree = try JSONSerialization.jsonObject(with: SessionCodec().encode(WorkshopFixtures.complete())) as! [String: Any]
        var findings = tree["findings"] as! [[String: Any]]
        findings[2]["dataNeed"] = ["sexDisaggregation": true, "relevance": 9]
        findings[1]["category"] = "legal"
        findings[0]["txet"] = "typo"
        tree["findings"] = findings
        let file = folder.write(try JSONSerialization.data(withJSONObject: tree), to: "bad.json")
        let problems = try JSONSchemaCheck.problems(in: [file])
        XCTAssertTrue(problems.contains { $0.contains("findings/2/dataNeed/relevance") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("findings/1") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("findings/0") && $0.contains("txet") }, "\(problems)")
    }
}
