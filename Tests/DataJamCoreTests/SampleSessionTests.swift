import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The shipped samples: the seed report's three workshops.
final class SampleSessionTests: XCTestCase {
    private func load(_ suffix: String) throws -> Workshop {
        let file = try XCTUnwrap(RepositoryPaths.sampleSessionFiles.first { $0.hasSuffix(suffix) }, suffix)
        return try SessionStore().load(file)
    }

    func testThreeSamplesLoadAndAreInCanonicalLayout() throws {
        XCTAssertEqual(RepositoryPaths.sampleSessionFiles.map { ($0 as NSString).lastPathComponent }, [
            "2023-11-27-economie-numerique.json", "2023-11-30-inclusion-sociale.json", "2023-12-19-data-journalisme.json",
        ])
        for file in RepositoryPaths.sampleSessionFiles {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let workshop = try SessionCodec().decode(data, file: file)
            XCTAssertEqual(String(decoding: try SessionCodec().encode(workshop), as: UTF8.self),
                           String(decoding: data, as: UTF8.self), "\(file) is byte-for-byte what DataJam writes")
        }
    }

    func testEconomieNumeriqueHoldsTheSeedsFacts() throws {
        let w = try load("economie-numerique.json")
        XCTAssertEqual(w.details.theme, "Économie numérique")
        XCTAssertEqual(w.details.date?.description, "2023-11-27")
        XCTAssertEqual(w.details.city, "Tunis")
        XCTAssertEqual(w.details.objectives.count, 6)
        XCTAssertEqual(w.participantGroups.map(\.name), ["Administration", "Société civile et secteur privé"])
        XCTAssertEqual(w.participantGroups.map(\.headcount), [24, 18])
        XCTAssertEqual(w.participantGroups.map(\.organisations.count), [20, 12])
        XCTAssertTrue(w.participantGroups.allSatisfy { $0.women == nil && $0.men == nil }, "no invented gender counts")
        XCTAssertEqual(w.teams.map(\.name), ["Ressources naturelles", "Transport et Infrastructure", "Investissement"])
        XCTAssertEqual(w.categories.map(\.id), ["legal", "data-quality", "governance", "technical", "human-resources", "financial"])
        let byCategory = Dictionary(grouping: w.findings.filter { $0.kind == .constraint }, by: { $0.category! }).mapValues(\.count)
        XCTAssertEqual(byCategory, ["legal": 5, "data-quality": 12, "governance": 8, "technical": 3, "human-resources": 4, "financial": 1])
        XCTAssertTrue(w.findings.contains { $0.kind == .useCase && $0.text.contains("Thnity") })
        XCTAssertTrue(w.findings.contains { $0.text == "Absence d’APIs." || $0.text.hasPrefix("Absence d’APIs") })
    }

    func testInclusionSocialeHasThePlenaryChannelsAndTeamBarriers() throws {
        let w = try load("inclusion-sociale.json")
        XCTAssertEqual(w.details.theme, "Inclusion sociale et réduction des inégalités")
        let channels = w.findings.filter { $0.kind == .channel }
        XCTAssertEqual(channels.count, 15)
        XCTAssertTrue(channels.allSatisfy { $0.teamId == nil }, "channels were listed in plenary")
        XCTAssertEqual(w.teams.map(\.name), ["Santé et affaires sociales", "Education", "Empower Data"])
        XCTAssertTrue(w.findings.contains { $0.kind == .dataNeed && $0.dataNeed?.availability == .unusableFormat })
        XCTAssertTrue(w.findings.contains { $0.gender && $0.kind == .constraint })
        XCTAssertEqual(w.participantGroups.map(\.headcount), [21, 16])
    }

    func testDataJournalismeHasMediaAndTheSharedSynthesis() throws {
        let w = try load("data-journalisme.json")
        XCTAssertEqual(w.participantGroups.map(\.name), ["Administration", "Médias"])
        XCTAssertEqual(w.participantGroups.map(\.headcount), [15, 7])
        XCTAssertEqual(w.teams.map(\.name), ["Environnement", "Finance et Subventions", "Droit de l’Homme"])
        XCTAssertEqual(w.synthesis.improvements.count, 4)
        XCTAssertFalse(w.synthesis.results.isEmpty)
        XCTAssertFalse(w.synthesis.difficulties.isEmpty)
        XCTAssertFalse(w.synthesis.recommendations.isEmpty)
    }
}
