import DataJamCore
import Foundation
import TestSupport
import XCTest

/// "A file DataJam writes, DataJam reads", for programme files: thousands of seeded mutants of the
/// shipped programme (bytes, values, timestamps, keys) either are refused in one located line, or
/// are written back, read again and written identically, and Python's jsonschema accepts them too.
final class ProgrammeRoundTripPropertyTests: XCTestCase {
    func testWhateverLoadsIsWrittenBackAndLoadsAgainIdentically() throws {
        let codec = ProgrammeCodec()
        let shipped = try XCTUnwrap(FileManager.default.contents(atPath: RepositoryPaths.sampleProgrammeFile))
        var edited = try codec.decode(shipped, file: "seed")
        try edited.addRecommendation("Publier le calendrier", owner: "INS", deadline: WorkshopDate("2024-06-30"))
        try edited.delete("s-programme-resultat-01")
        var mutator = SessionMutator(seed: 20231219, seeds: [shipped, try codec.encode(edited)])
        let folder = TemporaryFolder("programme-mutants")
        var accepted: [String] = []
        var refused = 0
        for index in 0..<3000 {
            let mutant = mutator.next()
            let programme: Programme
            do {
                programme = try codec.decode(mutant, file: "mutant-\(index).json")
            } catch {
                refused += 1
                XCTAssertTrue(error.description.hasPrefix("mutant-\(index).json: "), error.description)
                XCTAssertFalse(error.description.contains("\n"), "one line: \(error.description)")
                continue
            }
            let written = try codec.encode(programme)
            let again = try codec.decode(written, file: "rewritten")
            XCTAssertEqual(again, programme, "mutant \(index) reads back as itself")
            XCTAssertEqual(try codec.encode(again), written, "mutant \(index) is written identically the second time")
            if accepted.count < 300 { accepted.append(folder.write(mutant, to: "m\(index).json")) }
        }
        XCTAssertGreaterThan(refused, 100, "the mutator breaks files")
        XCTAssertGreaterThan(accepted.count, 100, "and keeps many loadable")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: accepted, schema: ProgrammeSchema.text), [],
                       "whatever the loader accepts, the schema accepts")
    }
}
