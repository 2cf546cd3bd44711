import DataJamCore
import Foundation
import TestSupport
import XCTest

/// A file DataJam writes, DataJam reads: for generated workshops and thousands of mutated files,
/// whatever the loader accepts is written back, accepted again, and written identically the
/// second time; and Python's jsonschema accepts what the loader accepted (the schema says the same).
final class LoaderRoundTripPropertyTests: XCTestCase {
    private let codec = SessionCodec()

    /// Accepted ⇒ encodes ⇒ re-accepted as the same workshop ⇒ the second encoding is identical.
    private func assertRoundTrips(_ accepted: Workshop, _ label: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let first = try codec.encode(accepted)
            let reread = try codec.decode(first, file: "written.json")
            XCTAssertEqual(reread, accepted, "reading back changed the workshop: \(label())", file: file, line: line)
            XCTAssertEqual(try codec.encode(reread), first, "second write differs: \(label())", file: file, line: line)
        } catch {
            XCTFail("accepted but not written back readably (\(error)): \(label())", file: file, line: line)
        }
    }

    func testGeneratedWorkshopsRoundTrip() throws {
        for seed in 0..<150 as Range<UInt64> {
            let workshop = GeneratedWorkshops.make(seed: seed)
            let accepted = try codec.decode(codec.encode(workshop), file: "generated-\(seed).json")
            XCTAssertEqual(accepted, workshop, "seed \(seed)")
            assertRoundTrips(accepted, "generated seed \(seed)")
        }
    }

    func testEveryAcceptedMutantRoundTripsAndMeetsTheSchema() throws {
        var mutator = SessionMutator(seed: 20_261_130, seeds: SessionMutator.standardSeeds(generated: 30))
        let folder = TemporaryFolder("mutants")
        var schemaSample: [String] = []
        var cases = 0, accepted = 0
        let deadline = Date().addingTimeInterval(18)
        while cases < 5000, Date() < deadline {
            let data = mutator.next()
            cases += 1
            guard let workshop = try? codec.decode(data, file: "mutant.json") else { continue }
            accepted += 1
            assertRoundTrips(workshop, "mutant \(cases): \(String(decoding: data.prefix(300), as: UTF8.self))")
            if accepted % 10 == 1, schemaSample.count < 150 {
                schemaSample.append(folder.write(data, to: "mutant-\(cases).json"))
            }
        }
        print("mutants: \(cases) cases, \(accepted) accepted, \(schemaSample.count) checked by jsonschema")
        XCTAssertGreaterThan(cases, 200, "too few cases to mean anything")
        XCTAssertGreaterThan(accepted * 5, cases, "the mutations should keep a good share of files loadable")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: schemaSample), [])
    }

    /// The loader is no stricter on its own files than the schema, and the schema no looser on
    /// the edges of the text forms than the loader.
    func testSchemaAndLoaderAgreeOnTimestampTexts() throws {
        let folder = TemporaryFolder("timestamps")
        var tree = try JSONSerialization.jsonObject(with: codec.encode(WorkshopFixtures.complete())) as! [String: Any]
        var loaderAccepts: [String: Bool] = [:]
        var files: [String: String] = [:]
        for (i, text) in SessionMutator.timestampTexts.enumerated() {
            var findings = tree["findings"] as! [[String: Any]]
            findings[0]["updatedAt"] = text
            tree["findings"] = findings
            let data = try JSONSerialization.data(withJSONObject: tree)
            loaderAccepts[text] = (try? codec.decode(data, file: "t.json")) != nil
            files[folder.write(data, to: "t\(i).json")] = text
        }
        let refused = Set(try JSONSchemaCheck.problems(in: Array(files.keys)).compactMap { line in
            files.first { line.hasPrefix($0.key + ":") }?.value
        })
        for (text, accepted) in loaderAccepts where accepted {
            XCTAssertFalse(refused.contains(text), "the loader accepts \(text), the schema refuses it")
        }
        // What a pattern cannot say: out of range only after the offset, days a month lacks.
        let onlyTheLoaderRefuses: Set = ["0001-01-01T00:00:00.000+00:01", "9999-12-31T23:59:59.999-00:01", "9999-12-31T23:59:60Z",
                                         "2023-02-29T00:00:00Z"]
        for (text, accepted) in loaderAccepts where !accepted && !onlyTheLoaderRefuses.contains(text) {
            XCTAssertTrue(refused.contains(text), "the loader refuses \(text), the schema accepts it")
        }
    }

    /// The loader reads null as absent for every optional field; the schema must say so too.
    func testNullOptionalFieldsMeetTheSchema() throws {
        let folder = TemporaryFolder("nulls")
        var tree = try JSONSerialization.jsonObject(with: codec.encode(WorkshopFixtures.complete())) as! [String: Any]
        func set(_ list: String, _ index: Int, _ fields: [String]) {
            var records = tree[list] as! [[String: Any]]
            for field in fields { records[index][field] = NSNull() }
            tree[list] = records
        }
        set("findings", 0, ["author", "samePointAs", "deletedAt", "dataNeed", "actorRole"])
        set("findings", 1, ["category", "teamId"])
        set("teams", 0, ["rapporteur", "deletedAt"])
        set("participantGroups", 0, ["headcount", "women", "men", "notStated"])
        set("sessions", 0, ["plannedMinutes", "startedAt", "endedAt"])
        var findings = tree["findings"] as! [[String: Any]]
        findings[2]["dataNeed"] = ["sexDisaggregation": false, "producer": NSNull(), "availability": NSNull(),
                                   "wantedFormat": NSNull(), "relevance": NSNull(), "impact": NSNull()]
        tree["findings"] = findings
        var details = tree["details"] as! [String: Any]
        details["date"] = NSNull()
        tree["details"] = details
        let data = try JSONSerialization.data(withJSONObject: tree)
        XCTAssertNoThrow(try codec.decode(data, file: "nulls.json"))
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [folder.write(data, to: "nulls.json")]), [])
    }
}
