@testable import DataJamExport
import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The consolidated report built with the programme file: sections 5 and 6 printed once, from it;
/// recommendations numbered with their owner and deadline; recurrence counted on confirmed links,
/// falling back to category names, saying which.
final class ProgrammeReportTests: XCTestCase {
    private func samples() throws -> [Workshop] { try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) } }
    private func programme() throws -> Programme { try ProgrammeStore().load(RepositoryPaths.sampleProgrammeFile) }

    /// The Markdown report with no-break spaces and Markdown escapes taken out, to search for texts as typed.
    private func markdown(_ workshops: [Workshop], _ programme: Programme?, _ language: ReportLanguage = .fr,
                          anonymize: Bool = false) -> String {
        let settings = ExportSettings(language: language, anonymize: anonymize, programme: programme)
        return (try! Exporter.text(.markdown, workshops, consolidated: true, settings: settings))
            .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\\", with: "")
    }

    private func occurrences(_ text: String, in report: String) -> Int { report.components(separatedBy: text).count - 1 }

    func testEveryResultDifficultyAndIdeaOfTheSeedIsPrintedOnceFromTheProgramme() throws {
        let programme = try programme()
        let report = markdown(try samples(), programme)
        // The synthesis across workshops (a use case of workshop 2 has one result's words too, in its chapter).
        let synthesis = try XCTUnwrap(report.components(separatedBy: "## 5. Participants").last)
        for item in programme.results.live + programme.difficulties.live + programme.improvements.live {
            XCTAssertEqual(occurrences(item.text, in: synthesis), 1, "printed once: \(item.text.prefix(60))")
        }
        // Under the programme's own label, not as a text "common to the 3 workshops".
        XCTAssertTrue(report.contains("## 9. Résultats\n\n**Pour l’ensemble du programme**\n\n- Sensibiliser les producteurs"), report)
        XCTAssertFalse(synthesis.contains("Commun aux 3 ateliers (1, 2 et 3)"), "the copies in the workshop files are the programme's")
        for chapter in report.components(separatedBy: "#### Conclusion de l’atelier").dropFirst() {
            let conclusion = chapter.components(separatedBy: "\n### ").first ?? chapter
            XCTAssertFalse(conclusion.contains("Échanges informels et networking"), "no programme text in a workshop's conclusion")
        }
        // A workshop's chapter keeps its own conclusion, never the programme's texts.
        let chapter3 = try XCTUnwrap(report.components(separatedBy: "### 4.3 Atelier 3 – Data journalisme").last?
            .components(separatedBy: "## 5. Participants").first)
        XCTAssertTrue(chapter3.contains("La collaboration entre les différents acteurs et la mise en place d'une politique nationale"))
        XCTAssertFalse(chapter3.contains("Échanges informels et networking"))
        // The cover names the programme from its file.
        XCTAssertTrue(report.contains("- **Programme :** PAGOF 2 — Ateliers d’échange"), report)
    }

    func testWithoutTheProgrammeTheSharedTextsAreStillPrintedOnceButAsTheWorkshops() throws {
        let report = markdown(try samples(), nil)
        XCTAssertEqual(occurrences("Échanges informels et networking contribuant", in: report), 1)
        XCTAssertTrue(report.contains("**Commun aux 3 ateliers (1, 2 et 3)**"))
        XCTAssertFalse(report.contains("Pour l’ensemble du programme"))
    }

    func testRecommendationsAreNumberedWithOwnerAndDeadline() throws {
        var programme = try programme()
        try programme.addRecommendation("Publier un calendrier d’ouverture des données de santé", owner: "Ministère de la santé",
                                        deadline: WorkshopDate("2024-06-30"), at: Timestamp(milliseconds: 1_703_300_000_000))
        try programme.addRecommendation("Former les points focaux open data", deadline: WorkshopDate("2024-03-01"),
                                        at: Timestamp(milliseconds: 1_703_300_000_001))
        let french = markdown(try samples(), programme)
        let section = try XCTUnwrap(french.components(separatedBy: "## 8. Recommandations\n\n").last?.components(separatedBy: "\n\n").first)
        let lines = section.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, section)
        XCTAssertTrue(lines[0].hasPrefix("1. Il est aussi important de continuer l’appui"), lines[0])
        XCTAssertFalse(lines[0].contains("*("), "the programme's own needs no workshop label")
        XCTAssertEqual(lines[1], "2. Publier un calendrier d’ouverture des données de santé — *Responsable : Ministère de la santé ; échéance : 30 juin 2024*")
        XCTAssertEqual(lines[2], "3. Former les points focaux open data — *Échéance : 1er mars 2024*")
        XCTAssertTrue(lines[3].hasPrefix("4. La collaboration entre les différents acteurs"), lines[3])
        XCTAssertTrue(lines[3].hasSuffix("*(Atelier 3 – Data journalisme)*"), lines[3])
        let english = markdown(try samples(), programme, .en)
        XCTAssertTrue(english.contains("2. Publier un calendrier d’ouverture des données de santé — *Owner: Ministère de la santé; deadline: 30 June 2024*"), english)
        let html = try Exporter.text(.html, try samples(), consolidated: true, settings: ExportSettings(language: .fr, programme: programme))
        XCTAssertTrue(html.contains("Ministère de la santé"), "the HTML report carries the owner")
        XCTAssertTrue(html.contains("30 juin 2024") || html.contains("30\u{00A0}juin\u{00A0}2024"), "and the deadline")
    }

    func testRecurrenceIsCountedOnConfirmedLinksAndSaysSo() throws {
        let report = markdown(try samples(), try programme())
        let figures = try XCTUnwrap(report.components(separatedBy: "### Les barrières les plus récurrentes\n\n").last?
            .components(separatedBy: "\n\n").first)
        // The seed's reading: coordination, secrecy, unusable formats and missing training recur in all three.
        for label in ["Manque de formation et de compétences", "Manque de coordination entre les acteurs",
                      "Formats inexploitables (PDF, formats non ouverts)", "Culture du secret, réticence à partager les données"] {
            XCTAssertTrue(figures.contains("**\(label)** — relevée dans les 3 ateliers"), figures)
        }
        XCTAssertTrue(figures.contains("(lien confirmé)"))
        XCTAssertTrue(report.contains("La récurrence des barrières est comptée sur les liens confirmés entre ateliers (fichier du programme) : 4 points reliés"))
        // Each point shows where each workshop filed it: the categories differ, the point is one.
        XCTAssertTrue(report.contains("  * Atelier 1 (Gouvernance) : Manque de coordination et d’échange entre les administrations"), report)
        XCTAssertTrue(report.contains("  * Atelier 3 (Barrières organisationnelles) : Barrières organisationnelles : Le manque de coordination"))
        // Where no link covers the constraints, the category names, said as such.
        XCTAssertTrue(report.contains("### Récurrence par nom de catégorie, sans lien\n\n- **Cadre juridique** — relevée dans les ateliers 1 et 2"), report)

        let structured = ConsolidatedReport.build(try samples(), programme: try programme())
        XCTAssertEqual(structured.recurringPoints.map(\.workshops), [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]])
    }

    func testWithoutLinksRecurrenceFallsBackToCategoryNamesAndSaysSo() throws {
        var programme = try programme()
        for link in programme.links.live { try programme.delete(link.id) }
        for (report, says) in [(markdown(try samples(), programme), "Aucun lien entre ateliers n’est confirmé dans le fichier du programme"),
                               (markdown(try samples(), nil), "Sans fichier de programme, aucun lien entre ateliers n’est confirmé")] {
            XCTAssertTrue(report.contains(says), report)
            XCTAssertTrue(report.contains("1. **Technique / Barrières techniques** — relevée dans les 3 ateliers, 7 contraintes (par nom de catégorie, sans lien confirmé)"), report)
            XCTAssertFalse(report.contains("(lien confirmé)"))
        }
    }

    func testLinksToFindingsOutsideTheReportOrInOneWorkshopAreNotRecurrence() throws {
        let workshops = try samples()
        var programme = Programme()
        try programme.link([FindingReference(workshop: "w-2023-11-27-economie-numerique", finding: "f-eco-021"),
                            FindingReference(workshop: "w-elsewhere", finding: "f-x")], label: "Ailleurs")
        try programme.link([FindingReference(workshop: "w-2023-11-27-economie-numerique", finding: "f-eco-030"),
                            FindingReference(workshop: "w-2023-11-27-economie-numerique", finding: "f-eco-031")], label: "Un seul atelier")
        try programme.link([FindingReference(workshop: "w-2023-11-30-inclusion-sociale", finding: "f-inc-030"),
                            FindingReference(workshop: "w-2023-12-19-data-journalisme", finding: "f-dj-005"),
                            FindingReference(workshop: "w-2023-12-19-data-journalisme", finding: "f-deleted-or-missing")], label: "Formats")
        let report = ConsolidatedReport.build(workshops, programme: programme)
        XCTAssertEqual(report.recurringPoints.map(\.label), ["Formats"])
        XCTAssertEqual(report.recurringPoints.first?.findings.map(\.findingId), ["f-inc-030", "f-dj-005"])
        // A link with only two workshops of three is recurrence in those two.
        XCTAssertTrue(markdown(workshops, programme).contains("**Formats** — relevée dans les ateliers 2 et 3, 2 constats reliés (lien confirmé)"))
    }

    func testTheProgrammeIsAnonymisedWithTheNamesOfEveryWorkshop() throws {
        var workshops = try samples()
        workshops[1].findings[0].author = "Karim Trabelsi"
        var programme = try programme()
        try programme.addRecommendation("Karim Trabelsi présentera les données (karim@example.org)", owner: "TRABELSI Karim")
        let report = markdown(workshops, programme, anonymize: true)
        XCTAssertFalse(report.contains("Trabelsi"), "a name recorded in a workshop is removed from the programme's texts")
        XCTAssertFalse(report.contains("TRABELSI"), "and from an owner, surname first")
        XCTAssertFalse(report.contains("karim@example.org"))
    }

    func testTheJSONReportCarriesTheProgrammeAndItsLinks() throws {
        let json = try Exporter.text(.json, try samples(), consolidated: true, settings: ExportSettings(language: .fr, programme: try programme()))
        let tree = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual((tree["programme"] as? [String: Any])?["id"] as? String, "g-pagof2-ateliers-2023")
        XCTAssertEqual((tree["recurringPoints"] as? [Any])?.count, 4)
        XCTAssertEqual((tree["recommendations"] as? [[String: Any]])?.map { $0["number"] as? Int }, [1, 2])
    }

    func testAPublicationOptionWinsOverTheProgrammeFile() throws {
        let settings = ExportSettings(language: .fr, publication: Publication(issuer: "Ministère X", programme: "Autre nom"),
                                      programme: try programme())
        let report = try Exporter.text(.markdown, try samples(), consolidated: true, settings: settings)
        XCTAssertTrue(report.contains("**Programme :** Autre nom") || report.contains("**Programme\u{00A0}:** Autre nom"), report)
        XCTAssertFalse(report.contains("PAGOF 2 —"))
    }

    func testDataNeedsLinkedAcrossWorkshopsAreOneRowAndOneRequest() throws {
        let workshops = try samples()
        let eco = FindingReference(workshop: "w-2023-11-27-economie-numerique", finding: "f-eco-044")
        let journalism = FindingReference(workshop: "w-2023-12-19-data-journalisme", finding: "f-dj-019")
        func rows(_ programme: Programme?) -> [ConsolidatedReport.RankedDataNeed] {
            ConsolidatedReport.build(workshops, programme: programme).dataNeeds
        }
        func requests(_ programme: Programme?) throws -> Int {
            let json = try Exporter.text(.ckan, workshops, consolidated: true, settings: ExportSettings(language: .fr, programme: programme))
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any]).count
        }
        let before = rows(nil)
        XCTAssertFalse(before.contains { Set($0.askedBy.map(\.findingId)).isSuperset(of: ["f-eco-044", "f-dj-019"]) })
        var programme = Programme()
        try programme.link([eco, journalism], label: "Données manquantes pour certains usages")
        let after = rows(programme)
        XCTAssertEqual(after.count, before.count - 1)
        let merged = try XCTUnwrap(after.first { $0.askedBy.map(\.findingId).contains("f-eco-044") })
        XCTAssertEqual(merged.askedBy.map(\.findingId), ["f-eco-044", "f-dj-019"])
        XCTAssertEqual(merged.askedBy.map(\.workshop), [1, 3])
        XCTAssertEqual(try requests(programme), try requests(nil) - 1, "one CKAN request for the linked needs")
    }
}
