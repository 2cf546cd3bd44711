@testable import DataJamExport
import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The same data need asked in several teams or workshops is one row, one CKAN request, naming
/// every workshop and team that asked.
final class DataNeedMergeTests: XCTestCase {
    private func workshop(_ id: String, _ theme: String, _ date: String, needs: [Finding]) -> Workshop {
        var w = WorkshopFixtures.complete()
        w.id = id
        w.details.theme = theme
        w.details.date = WorkshopDate(date)
        w.findings = needs
        return w
    }

    private func need(_ id: String, _ team: String?, _ text: String, producer: String? = nil, link: String? = nil,
                      relevance: Int? = nil) -> Finding {
        Finding(id: id, teamId: team, kind: .dataNeed, text: text,
                dataNeed: DataNeedDetails(producer: producer, relevance: relevance, impact: relevance), samePointAs: link,
                createdAt: WorkshopFixtures.time(50))
    }

    private func threeWorkshops() -> [Workshop] {
        [workshop("w-a", "Économie", "2023-11-27", needs: [
            need("a1", nil, "Données ventilées par sexe", producer: "INS", relevance: 3),
            need("a2", "t-transport", "Horaires des trains", producer: "SNCFT"),
         ]),
         workshop("w-b", "Inclusion", "2023-11-30", needs: [
            need("b1", "t-invest", "données  ventilées par SEXE (genre).", producer: "ins", relevance: 5),
            need("b2", "t-transport", "Horaires des trains", producer: "Transtu"),
            need("b3", nil, "Emploi des femmes", link: "b1"),
         ]),
         workshop("w-c", "Journalisme", "2023-12-19", needs: [
            need("c1", "t-transport", "Donnees ventilees par sexe", producer: "INS"),
         ])]
    }

    func testSameTitleAndProducerOrASamePointLinkMakeOneNeed() {
        let ranked = ConsolidatedReport.build(threeWorkshops()).dataNeeds
        XCTAssertEqual(ranked.count, 3, "\(ranked.map(\.text))")
        let sexData = ranked[0]
        XCTAssertEqual(sexData.text, "Données ventilées par sexe")
        XCTAssertEqual(sexData.priority, 25, "the highest priority of those who asked")
        XCTAssertEqual(sexData.askedBy.map(\.workshop), [1, 2, 2, 3])
        XCTAssertEqual(sexData.askedBy.map(\.findingId), ["a1", "b1", "b3", "c1"])
        XCTAssertEqual(sexData.askedBy.map(\.team), [nil, "Investissement", nil, "Transport et Infrastructure"])
        // The same title with another producer is another need.
        XCTAssertEqual(ranked.filter { $0.text == "Horaires des trains" }.map(\.producer), ["SNCFT", "Transtu"])

        let report = MarkdownReport.consolidated(threeWorkshops(), language: .fr).replacingOccurrences(of: "\u{00A0}", with: " ")
        let start = report.range(of: "Besoins en données de tous les ateliers", options: .backwards)?.upperBound ?? report.endIndex
        let end = report[start...].range(of: "\n## ")?.lowerBound ?? report.endIndex
        let markdown = String(report[start..<end])
        XCTAssertEqual(markdown.components(separatedBy: "| Données ventilées par sexe").count - 1, 1, "one row")
        XCTAssertTrue(markdown.contains("A1 – Plénière ; A2 – Investissement ; A2 – Plénière ; A3 – Transport et Infrastructure"), markdown)
    }

    func testOneCKANRequestNamesEveryWorkshopAndTeamThatAsked() throws {
        let requests = CKANDataRequests.requests(threeWorkshops(), language: .fr)
        XCTAssertEqual(requests.map(\.title), ["Données ventilées par sexe", "Horaires des trains — SNCFT", "Horaires des trains — Transtu"])
        let description = requests[0].description
        for expected in ["Demandé dans les ateliers data jam : ", "Économie (2023-11-27, Tunis) — demandé par : plénière",
                         "Inclusion (2023-11-30, Tunis) — demandé par : Investissement, plénière",
                         "Journalisme (2023-12-19, Tunis) — demandé par : Transport et Infrastructure"] {
            XCTAssertTrue(description.contains(expected), "“\(expected)” missing from:\n\(description)")
        }
    }

    func testTheSamplesGiveNoNumberedTitlesAndOneSexDisaggregatedRow() throws {
        let samples = try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) }
        let requests = CKANDataRequests.requests(samples, language: .fr)
        XCTAssertFalse(requests.contains { $0.title.range(of: #"\(\d+\)$"#, options: .regularExpression) != nil },
                       "\(requests.map(\.title))")
        let ranked = ConsolidatedReport.build(samples).dataNeeds
        let sexData = ranked.filter { DataNeedMerge.titleKey($0.text) == "donnees ventilees par sexe" }
        XCTAssertEqual(sexData.count, 1)
        XCTAssertEqual(sexData.first?.askedBy.map(\.workshop), [1, 2])
    }
}
