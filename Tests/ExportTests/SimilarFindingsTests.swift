@testable import DataJamExport
import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Suggestions of findings that make the same point across workshops, for the facilitator to confirm.
final class SimilarFindingsTests: XCTestCase {
    func testTheSamplesSuggestTheBarriersTheSeedSawRecurring() throws {
        let samples = try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) }
        let suggestions = SimilarFindings.suggest(samples, kinds: [.constraint])
        XCTAssertFalse(suggestions.isEmpty)
        // Suggestions chain findings into groups, as a facilitator confirming them would.
        var parent: [String: String] = [:]
        func root(_ k: String) -> String { var k = k; while let p = parent[k], p != k { k = p }; return k }
        var texts: [String: String] = [:]
        for s in suggestions {
            let a = s.first.workshopID + "/" + s.first.findingID, b = s.second.workshopID + "/" + s.second.findingID
            texts[a] = s.first.text; texts[b] = s.second.text
            let ra = root(a), rb = root(b)
            if ra != rb { parent[ra] = rb }
        }
        func suggested(_ a: String, _ b: String) -> Bool {
            let left = texts.filter { $0.value.contains(a) }.map { root($0.key) }
            let right = texts.filter { $0.value.contains(b) }.map { root($0.key) }
            return !Set(left).isDisjoint(with: right)
        }
        // Coordination and secrecy, across workshops whatever their categories.
        XCTAssertTrue(suggested("Manque de coordination et d’échange entre les administrations", "Le manque de coordination entre les différents acteurs"))
        XCTAssertTrue(suggested("culture d’opacité", "culture du secret et réticence"))
        for s in suggestions { XCTAssertNotEqual(s.first.workshopID, s.second.workshopID, "only across workshops") }
        XCTAssertEqual(suggestions.map(\.score), suggestions.map(\.score).sorted(by: >), "best first")
    }

    func testUnrelatedTextsAreNotSuggested() {
        var a = WorkshopFixtures.complete()
        var b = WorkshopFixtures.complete()
        b.id = "w-other"
        a.findings = [Finding(id: "a", teamId: nil, kind: .constraint, text: "Absence de budget dédié aux projets open data", createdAt: WorkshopFixtures.time(1))]
        b.findings = [Finding(id: "b", teamId: nil, kind: .constraint, text: "Craintes liées à la vie privée des élèves", createdAt: WorkshopFixtures.time(1)),
                      Finding(id: "c", teamId: nil, kind: .opportunity, text: "Budget dédié aux projets open data", createdAt: WorkshopFixtures.time(2))]
        XCTAssertEqual(SimilarFindings.suggest([a, b]), [], "different words, or a different kind")
    }

    func testTheCommandListsSuggestionsOnePerLine() throws {
        let result = try ProcessRunner.datajam(arguments: ["report"] + RepositoryPaths.sampleSessionFiles + ["--format", "markdown", "--suggest-links"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines { XCTAssertEqual(line.split(separator: "\t", omittingEmptySubsequences: false).count, 9, String(line)) }
    }

    func testFormatsAndTrainingAreSuggestedAcrossWorkshopsNotMistakenForEachOther() throws {
        let samples = try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) }
        let pairs = Set(SimilarFindings.suggest(samples, kinds: [.constraint]).map { Set([$0.first.findingID, $0.second.findingID]) })
        // "Des formats non adaptés (des PDFs non lisible)" and "formats inexploitables", "format non ouverts (PDF)".
        XCTAssertTrue(pairs.contains(["f-eco-007", "f-dj-005"]), "formats")
        XCTAssertTrue(pairs.contains(["f-eco-007", "f-inc-030"]), "formats")
        // "Le manque de personnels formés", "Manque de formation", "le manque de formation … et de compétences".
        XCTAssertTrue(pairs.contains(["f-eco-030", "f-dj-011"]), "training")
        XCTAssertTrue(pairs.contains(["f-eco-031", "f-dj-011"]), "training")
        XCTAssertEqual(FrenchStem.of("formations"), FrenchStem.of("formes"), "trained and training meet")
        XCTAssertNotEqual(FrenchStem.of("formats"), FrenchStem.of("formation"), "formats are not training")
        XCTAssertEqual(FrenchStem.of("coordination"), FrenchStem.of("coordonner"))
        XCTAssertEqual(FrenchStem.of("secretes"), FrenchStem.of("opacite"), "a concept of the domain")
    }

    func testReferencesAreShortStableAndLinkedPairsAreLeftOut() throws {
        let samples = try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) }
        let suggestions = SimilarFindings.suggest(samples)
        let first = try XCTUnwrap(suggestions.first)
        XCTAssertTrue(SuggestionReference.looksLikeOne(first.reference), first.reference)
        XCTAssertEqual(first.reference, SuggestionReference.of(first.second.reference, first.first.reference), "either order")
        XCTAssertEqual(Set(suggestions.map(\.reference)).count, suggestions.count, "one reference per pair")
        var programme = Programme()
        try programme.link([first.first.reference, first.second.reference])
        let after = SimilarFindings.suggest(samples, programme: programme)
        XCTAssertFalse(after.contains { $0.reference == first.reference }, "a confirmed pair is no longer suggested")
    }
}

