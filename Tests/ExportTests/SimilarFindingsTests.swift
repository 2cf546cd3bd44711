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
        for line in lines { XCTAssertEqual(line.split(separator: "\t", omittingEmptySubsequences: false).count, 8, String(line)) }
    }
}

