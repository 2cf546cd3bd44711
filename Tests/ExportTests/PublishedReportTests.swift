@testable import DataJamExport
import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The consolidated report as a ministry publishes it: complete on its own (a chapter per
/// workshop with every finding), a cover, a table of contents, key figures, numbered
/// recommendations, annexes, a licence, page numbers in print; private notes only when asked.
final class PublishedReportTests: XCTestCase {
    private func samples() throws -> [Workshop] {
        try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) }
    }

    /// The report with its no-break spaces (French typography) read as spaces, to search in it.
    private func plain(_ text: String) -> String { text.replacingOccurrences(of: "\u{00A0}", with: " ") }

    private let publication = Publication(issuer: "Ministère des Technologies", programme: "PAGOF 2 – axe B",
                                          version: "2.1", date: Date(timeIntervalSince1970: 1_764_547_200),
                                          license: License.named("ODbL-1.0")!)

    // MARK: Complete on its own

    func testTheConsolidatedReportCarriesEveryRecordOfEveryWorkshop() throws {
        let workshops = try samples()
        let markdown = plain(MarkdownReport.consolidated(workshops, ExportSettings(language: .fr)))
        var missing: [String] = []
        func expect(_ text: String, _ what: String) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return }
            // Long texts are checked on their first line, as written (escaped) in Markdown.
            let line = String(trimmed.split(separator: "\n").first ?? "")
            if !markdown.contains(MarkdownText.inline(line)) { missing.append("\(what): \(line)") }
        }
        for workshop in workshops {
            for finding in workshop.findings.live { expect(finding.text, "\(finding.kind.rawValue) \(finding.id)") }
            for team in workshop.teams.live {
                expect(team.name, "team")
                expect(team.scope, "scope of \(team.name)")
            }
            for group in workshop.participantGroups.live {
                for organisation in group.organisations { expect(organisation, "organisation of \(group.name)") }
            }
            for session in workshop.sessions {
                expect(session.title, "session")
                for item in session.outline { expect(item.title, "outline") }
            }
            for section in Synthesis.Section.allCases {
                for item in workshop.synthesis[section].live { expect(item.text, section.rawValue) }
            }
            expect(workshop.plenary.scope, "plenary")
            if let date = workshop.details.date { expect(ReportDate.written(date, .fr), "date") }
            expect(workshop.details.city, "city")
        }
        XCTAssertEqual(missing, [], "left out of the consolidated report")
    }

    func testEachWorkshopHasItsChapterNumberedAsTheSeedsSectionFour() throws {
        let markdown = plain(MarkdownReport.consolidated(try samples(), ExportSettings(language: .fr)))
        for heading in ["## 4. Le déroulement des ateliers", "### 4.1 Atelier 1 – Économie numérique",
                        "### 4.2 Atelier 2 – Inclusion sociale et réduction des inégalités", "### 4.3 Atelier 3 – Data journalisme",
                        "#### Participants", "#### Déroulement de la journée", "#### Travaux en équipes",
                        "##### Équipe Ressources naturelles", "#### Contraintes par catégorie"] {
            XCTAssertTrue(markdown.contains("\n" + heading + "\n"), "missing heading \(heading)")
        }
        // Organisations by group, in the chapter.
        XCTAssertTrue(markdown.contains("**Administration** — organisations représentées (20) :"), markdown)
        // Constraints by category with their texts.
        XCTAssertTrue(markdown.contains("Absence d’APIs"))
        XCTAssertTrue(markdown.contains("**Cadre juridique** ("))
    }

    func testCoverContentsKeyFiguresAnnexesAndLicence() throws {
        let settings = ExportSettings(language: .fr, publication: publication)
        let markdown = plain(MarkdownReport.consolidated(try samples(), settings))
        for expected in ["- **Émetteur :** Ministère des Technologies", "- **Programme :** PAGOF 2 – axe B",
                         "- **Date de publication :** 1er décembre 2025", "- **Version :** 2\\.1", "- **Licence :** ODbL-1.0",
                         "## Sommaire", "  * 4\\.2 Atelier 2 – Inclusion sociale et réduction des inégalités",
                         "## L’essentiel en chiffres", "**101 participants**, dont Administration : 60",
                         "### Les barrières les plus récurrentes",
                         "1. **Technique / Barrières techniques** — relevée dans les 3 ateliers",
                         "### Les besoins en données les plus demandés",
                         "1. Données ventilées par sexe — demandé dans les ateliers 1 et 2",
                         "## Annexe A – Organisations représentées", "## Annexe B – Méthode", "## Annexe C – Sources",
                         "## Licence et réutilisation", "Open Data Commons Open Database License 1.0 (ODbL-1.0)"] {
            XCTAssertTrue(markdown.contains(expected), "missing “\(expected)”")
        }
        // Recommendations numbered, each with the workshops it comes from.
        XCTAssertTrue(markdown.contains("## 8. Recommandations\n\n1. "), markdown)
        // The table of contents comes before the key figures, which come before chapter 1.
        let toc = try XCTUnwrap(markdown.range(of: "## Sommaire")).lowerBound
        let figures = try XCTUnwrap(markdown.range(of: "## L’essentiel en chiffres")).lowerBound
        let first = try XCTUnwrap(markdown.range(of: "## 1. Cadre général")).lowerBound
        XCTAssertTrue(toc < figures && figures < first)
    }

    func testTheMissingWomenAndMenFiguresAreStatedAsAGap() throws {
        let french = plain(MarkdownReport.consolidated(try samples(), ExportSettings(language: .fr)))
        XCTAssertTrue(french.contains("**Donnée manquante :** le nombre de femmes et d’hommes n’a été relevé pour aucun des 6 groupes"), french)
        let english = MarkdownReport.consolidated(try samples(), ExportSettings(language: .en))
        XCTAssertTrue(english.contains("Gender balance, an objective of the programme, therefore cannot be checked"))
        var counted = try samples()
        for w in counted.indices {
            for g in counted[w].participantGroups.indices {
                counted[w].participantGroups[g].women = 5
                counted[w].participantGroups[g].men = 5
            }
        }
        XCTAssertFalse(MarkdownReport.consolidated(counted, ExportSettings(language: .fr)).contains("Donnée manquante"))
    }

    func testHTMLHasAContentsWithWorkingLinksAndPageNumbersInPrint() throws {
        let html = HTMLReport.consolidated(try samples(), ExportSettings(language: .fr, publication: publication))
        XCTAssertTrue(html.contains("<nav class=\"contents\""))
        let links = html.components(separatedBy: "href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertGreaterThan(links.count, 15)
        for link in links { XCTAssertTrue(html.contains("id=\"\(link)\""), "link to #\(link) has no target") }
        XCTAssertTrue(html.contains("<section id=\"chapter-4-2\">"))
        XCTAssertTrue(html.contains("<section id=\"section-1\" class=\"summary\">"))
        XCTAssertTrue(HTMLStyle.css.contains("counter(page)"), "page numbers in print")
        XCTAssertTrue(HTMLStyle.css.contains("counter(pages)"))
        XCTAssertTrue(HTMLStyle.css.contains("section.summary { break-before: page; break-after: page; }"))
    }

    // MARK: Private notes

    func testTheFacilitatorsNotesAreLeftOutUnlessAsked() throws {
        var workshop = WorkshopFixtures.complete()
        workshop.details.facilitatorNotes = "Note privée : le ministère X traîne des pieds."
        for format in [ExportFormat.markdown, .html, .csv, .json] {
            let without = try Exporter.text(format, [workshop], consolidated: false, settings: ExportSettings(language: .fr))
            XCTAssertFalse(without.contains("traîne des pieds"), "\(format) without --include-notes")
            let consolidated = try Exporter.text(format, [workshop], consolidated: true, settings: ExportSettings(language: .fr))
            XCTAssertFalse(consolidated.contains("traîne des pieds"), "consolidated \(format) without --include-notes")
        }
        let with = try Exporter.text(.markdown, [workshop], consolidated: false,
                                     settings: ExportSettings(language: .fr, includeNotes: true))
        XCTAssertTrue(with.contains("traîne des pieds"))
        let consolidated = try Exporter.text(.markdown, [workshop, ReportTests.bare()], consolidated: true,
                                             settings: ExportSettings(language: .fr, includeNotes: true))
        XCTAssertTrue(consolidated.contains("traîne des pieds"))
    }

    func testTheLibraryDefaultLeavesTheNotesOutToo() {
        var workshop = WorkshopFixtures.complete()
        workshop.details.facilitatorNotes = "Note privée"
        XCTAssertFalse(MarkdownReport.workshop(workshop, language: .fr).contains("Note privée"))
    }

    // MARK: Words

    func testNoGenderFlagAfterATextThatAlreadySaysIt() throws {
        var workshop = WorkshopFixtures.complete()
        workshop.findings.append(Finding(id: "f-g1", teamId: nil, kind: .constraint, text: "Analyses non genrées", gender: true,
                                         createdAt: WorkshopFixtures.time(40)))
        workshop.findings.append(Finding(id: "f-g2", teamId: nil, kind: .dataNeed, text: "Données désagrégées par genre", gender: true,
                                         createdAt: WorkshopFixtures.time(41)))
        for language in ReportLanguage.allCases {
            let markdown = MarkdownReport.workshop(workshop, language: language)
            XCTAssertFalse(markdown.contains("genre (genre)"), markdown)
            XCTAssertFalse(markdown.contains("genrées (genre)"), markdown)
            XCTAssertFalse(markdown.contains("genre (gender)"), markdown)
        }
        XCTAssertTrue(MarkdownReport.workshop(workshop, language: .fr).contains("Données ventilées par sexe sur l’emploi (genre)"))
    }

    func testReportHelpSaysWhatItMakesWithoutSeed() throws {
        let help = try ProcessRunner.datajam("report", "--help")
        XCTAssertEqual(help.status, 0)
        XCTAssertFalse(help.stdout.lowercased().contains("seed"), help.stdout)
        XCTAssertTrue(help.stdout.contains("table of contents"), help.stdout)
        XCTAssertTrue(help.stdout.contains("--include-notes"), help.stdout)
        XCTAssertTrue(help.stdout.contains("docx"), help.stdout)
    }
}
