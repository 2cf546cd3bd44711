import DataJamCore
import DataJamExport
import Foundation
import TestSupport
import XCTest

/// The Markdown and HTML reports, per workshop and consolidated.
///
/// Golden files (Tests/ExportTests/Golden/*.md) hold the reports of the three shipped sample
/// sessions; they are compared byte for byte. After an intended change, re-record them with
/// `DATAJAM_RECORD_GOLDEN=1 swift test --filter ExportTests.ReportTests`, then read the diff.
/// The Markdown reports with their no-break spaces (French typography) read as spaces, for the
/// tests that look for a phrase in them; the golden files keep the real characters.
enum PlainMarkdownReport {
    static func workshop(_ workshop: Workshop, language: ReportLanguage) -> String {
        MarkdownReport.workshop(workshop, language: language).replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    static func consolidated(_ workshops: [Workshop], language: ReportLanguage) -> String {
        MarkdownReport.consolidated(workshops, language: language).replacingOccurrences(of: "\u{00A0}", with: " ")
    }
}

final class ReportTests: XCTestCase {
    // MARK: Golden files

    func testWorkshopReportsOfTheSamplesMatchTheirGoldenFiles() throws {
        let files = RepositoryPaths.sampleSessionFiles
        XCTAssertEqual(files.count, 3, "the three shipped sample sessions")
        for file in files {
            let workshop = try SessionStore().load(file)
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            try assertGolden(MarkdownReport.workshop(workshop, language: .fr), "\(name).fr.md")
        }
    }

    /// With the programme file shipped beside the samples, as `datajam report Sessions/*.json` makes it.
    private func withSampleProgramme(_ language: ReportLanguage) throws -> ExportSettings {
        ExportSettings(language: language, programme: try ProgrammeStore().load(RepositoryPaths.sampleProgrammeFile))
    }

    func testConsolidatedReportOfTheSamplesMatchesItsGoldenFileInFrench() throws {
        try assertGolden(MarkdownReport.consolidated(try samples(), try withSampleProgramme(.fr)), "consolidated.fr.md")
    }

    func testConsolidatedReportOfTheSamplesMatchesItsGoldenFileInEnglish() throws {
        try assertGolden(MarkdownReport.consolidated(try samples(), try withSampleProgramme(.en)), "consolidated.en.md")
    }

    // MARK: Structure

    func testEverySectionOfEveryReportHasContent() throws {
        var reports = [PlainMarkdownReport.workshop(WorkshopFixtures.complete(), language: .fr),
                       PlainMarkdownReport.workshop(WorkshopFixtures.complete(), language: .en),
                       PlainMarkdownReport.workshop(Self.bare(), language: .fr),
                       PlainMarkdownReport.consolidated(try samples(), language: .fr),
                       PlainMarkdownReport.consolidated([WorkshopFixtures.complete()], language: .en)]
        reports += try samples().map { PlainMarkdownReport.workshop($0, language: .en) }
        for report in reports {
            XCTAssertEqual(emptyHeadings(report), [], "headings with nothing under them")
        }
    }

    func testAWorkshopWithoutSynthesisHasNoSynthesisHeading() {
        let markdown = PlainMarkdownReport.workshop(Self.bare(), language: .fr)
        XCTAssertTrue(markdown.hasPrefix("# Rapport d’atelier : Atelier vide\n"), markdown)
        for absent in ["Synthèse", "Recommandations", "Participants", "Contraintes", "Besoins en données",
                       "Travaux en plénière", "Partenariats", "Résultats", "Difficultés", "Pistes"] {
            XCTAssertFalse(markdown.contains(absent), "“\(absent)” should be left out:\n\(markdown)")
        }
        XCTAssertEqual(markdown, """
        # Rapport d’atelier : Atelier vide

        ## 1. Cadre de l’atelier

        - **Thématique :** Atelier vide

        """)
    }

    func testWorkshopReportFollowsTheSeedsStructure() {
        let markdown = PlainMarkdownReport.workshop(WorkshopFixtures.complete(), language: .fr)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        XCTAssertEqual(headings, [
            "## 1. Cadre de l’atelier", "## 2. Participants", "## 3. Déroulement de la journée",
            "## 4. Travaux en équipes", "## 5. Travaux en plénière", "## 6. Contraintes par catégorie",
            "## 7. Besoins en données classés par priorité", "## 8. Points soulevés par plusieurs équipes",
            "## 9. Synthèse",
        ])
        for expected in [
            "- **Date :** 27 novembre 2023", "- **Lieu :** Tunis", "### Objectifs spécifiques",
            "| Administration | 24 | 11 | 12 | 1 |",
            "| Société civile et secteur privé | 18 | non renseigné | non renseigné | non renseigné |",
            "| **Total** | **42** | **au moins 11** | **au moins 12** | **au moins 1** |",
            "### Séance 1 : Présentation du programme national d’open data",
            "### Équipe Transport et Infrastructure", "- **Rapporteur :** Leïla Ben Salah",
            "**Barrières techniques** (1)", "- Absence d’APIs",
            "- Données ventilées par sexe sur l’emploi (genre) — producteur : INS ; manquantes ; format souhaité : CSV ; à ventiler par sexe ; priorité 20",
            "- Absence d’API — même point que « Absence d’APIs » (Équipe Transport et Infrastructure)",
            "**Producteurs de données**", "- Tunisian Investment Authority",
            "### Canaux d’obtention des données", "- Portail national open data",
            "- عبد الله : ملاحظة 👍",
            "1. Publier les données de transport", "- **SNCFT** ↔ **Thnity** : horaires ouverts",
            "### Pistes pour les prochains ateliers", "- Supports en amont",
        ] {
            XCTAssertTrue(markdown.contains(expected), "missing “\(expected)” in:\n\(markdown)")
        }
        XCTAssertFalse(markdown.contains("Mohamed Ali"), "named participants stay out of the report")
    }

    func testSessionTimesAreShownWhenKnown() {
        var workshop = WorkshopFixtures.complete()
        workshop.sessions[0].startedAt = Timestamp(iso8601: "2023-11-27T08:30:00.000Z")
        workshop.sessions[0].endedAt = Timestamp(iso8601: "2023-11-27T09:40:00.000Z")
        workshop.sessions[1].plannedMinutes = 45
        workshop.sessions[1].startedAt = Timestamp(iso8601: "2023-11-27T10:00:00.000Z")
        workshop.sessions[1].endedAt = Timestamp(iso8601: "2023-11-28T08:00:00.000Z")
        let markdown = PlainMarkdownReport.workshop(workshop, language: .fr)
        XCTAssertTrue(markdown.contains("Durée prévue : 1 h · Début : 08:30 UTC · Fin : 09:40 UTC (durée réelle : 1 h 10 min)"), markdown)
        XCTAssertTrue(markdown.contains("Durée prévue : 45 min · Début : 10:00 UTC · Fin : 28 novembre 2023 08:00 UTC (durée réelle : 22 h)"), markdown)
        let english = PlainMarkdownReport.workshop(workshop, language: .en)
        XCTAssertTrue(english.contains("Planned: 1 h · Start: 08:30 UTC · End: 09:40 UTC (actual duration: 1 h 10 min)"), english)
    }

    func testSessionTimesAreInTheWorkshopsTimeZoneAndNameIt() {
        var workshop = WorkshopFixtures.complete()
        workshop.details.timeZone = "Africa/Tunis"
        workshop.sessions[0].startedAt = Timestamp(iso8601: "2023-11-27T08:30:00.000Z")
        workshop.sessions[0].endedAt = Timestamp(iso8601: "2023-11-27T09:40:00.000Z")
        // 23:30 UTC is already the next day in Tunis (UTC+1).
        workshop.sessions[1].startedAt = Timestamp(iso8601: "2023-11-26T23:30:00.000Z")
        let markdown = PlainMarkdownReport.workshop(workshop, language: .fr)
        XCTAssertTrue(markdown.contains("Début : 09:30 Africa/Tunis · Fin : 10:40 Africa/Tunis (durée réelle : 1 h 10 min)"), markdown)
        XCTAssertTrue(markdown.contains("Début : 00:30 Africa/Tunis"), "the local day is the workshop's day: no date written")
        XCTAssertFalse(markdown.contains("UTC"), markdown)
    }

    func testDeletedRecordsAreLeftOut() {
        var workshop = WorkshopFixtures.complete()
        let deleted = WorkshopFixtures.time(100)
        workshop.findings[1].deletedAt = deleted                      // "Applications de mobilité"
        workshop.participantGroups[1].deletedAt = deleted             // Société civile
        workshop.synthesis.recommendations[0].deletedAt = deleted
        workshop.synthesis.partnerships[0].deletedAt = deleted
        let markdown = PlainMarkdownReport.workshop(workshop, language: .fr)
        for gone in ["Applications de mobilité", "Société civile", "Publier les données de transport", "horaires ouverts",
                     "### Recommandations", "### Partenariats"] {
            XCTAssertFalse(markdown.contains(gone), "deleted “\(gone)” is in the report")
        }
        XCTAssertTrue(markdown.contains("- **Participants :** 24"), markdown)
    }

    func testFindingsOfADeletedTeamKeepTheirTeamsName() {
        var workshop = WorkshopFixtures.complete()
        workshop.teams[1].deletedAt = WorkshopFixtures.time(100)
        let markdown = PlainMarkdownReport.workshop(workshop, language: .fr)
        XCTAssertTrue(markdown.contains("### Équipe Investissement (équipe supprimée)\n"), markdown)
        XCTAssertTrue(markdown.contains("- **Équipes :** 1 (Transport et Infrastructure)"), markdown)
    }

    func testAConsolidatedReportOfNoWorkshopSaysSo() {
        XCTAssertEqual(PlainMarkdownReport.consolidated([], language: .en),
                       "# Consolidated report of the workshops between data producers and data users\n\nNo workshop.\n")
        XCTAssertTrue(HTMLReport.consolidated([], language: .fr).contains("<p dir=\"auto\">Aucun atelier.</p>"))
    }

    // MARK: Data needs

    func testDataNeedsAreRankedByRelevanceTimesImpactWithUnscoredOnesLast() {
        var workshop = Self.bare()
        workshop.teams = [Team(id: "t-a", name: "Équipe A", createdAt: WorkshopFixtures.time(1))]
        func need(_ id: String, _ text: String, _ relevance: Int?, _ impact: Int?) -> Finding {
            Finding(id: id, teamId: "t-a", kind: .dataNeed, text: text,
                    dataNeed: DataNeedDetails(relevance: relevance, impact: impact), createdAt: WorkshopFixtures.time(2))
        }
        workshop.findings = [
            need("f-1", "Non évalué", nil, nil),
            need("f-2", "Moyen", 2, 2),
            need("f-3", "Pertinence seule", 5, nil),
            need("f-4", "Fort", 5, 4),
            need("f-5", "Moyen bis", 1, 4),
            need("f-6", "Faible", 1, 2),
        ]
        // Scores a file can hold (1 to 5), so the ranking is tested on what users can enter.
        XCTAssertEqual(SemanticValidator.problems(in: workshop).map(\.message), [])
        let ranked = ConsolidatedReport.build([workshop]).dataNeeds
        XCTAssertEqual(ranked.map(\.text), ["Fort", "Moyen", "Moyen bis", "Faible", "Non évalué", "Pertinence seule"])
        XCTAssertEqual(ranked.map(\.rank), [1, 2, 2, 4, nil, nil])
        XCTAssertEqual(ranked.map(\.priority), [20, 4, 4, 2, nil, nil])

        let markdown = PlainMarkdownReport.workshop(workshop, language: .fr)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("Équipe A") }.map(String.init)
        XCTAssertEqual(rows, [
            "| 1 | Fort | Équipe A | — | non renseignée | non | 5 | 4 | **20** |",
            "| 2 | Moyen | Équipe A | — | non renseignée | non | 2 | 2 | **4** |",
            "| 2 | Moyen bis | Équipe A | — | non renseignée | non | 1 | 4 | **4** |",
            "| 4 | Faible | Équipe A | — | non renseignée | non | 1 | 2 | **2** |",
            "| — | Non évalué | Équipe A | — | non renseignée | non | — | — | — |",
            "| — | Pertinence seule | Équipe A | — | non renseignée | non | 5 | — | — |",
        ])
    }

    func testConsolidatedDataNeedsRankAcrossWorkshopsWithTheirWorkshop() {
        var first = WorkshopFixtures.complete()
        var second = WorkshopFixtures.complete()
        second.id = "w-second"
        second.details.date = WorkshopDate("2023-12-19")
        second.findings[2].text = "Budgets ouverts"
        second.findings[2].dataNeed?.relevance = 5
        second.findings[2].dataNeed?.impact = 5
        first.findings[2].dataNeed?.impact = 1
        let ranked = ConsolidatedReport.build([second, first]).dataNeeds
        XCTAssertEqual(ranked.map(\.text), ["Budgets ouverts", "Données ventilées par sexe sur l’emploi"])
        XCTAssertEqual(ranked.map(\.workshop), [2, 1], "workshops are numbered by date")
        let markdown = PlainMarkdownReport.consolidated([second, first], language: .fr)
        XCTAssertTrue(markdown.contains("| 1 | Budgets ouverts (genre) (format souhaité : CSV) | A2 – Investissement | INS | manquantes | oui | 5 | 5 | **25** |"), markdown)
    }

    // MARK: Consolidation

    func testBarriersRaisedInEveryWorkshopAreDetectedByLabelIgnoringCaseAndAccents() {
        func workshop(_ id: String, _ date: String, _ categories: [(String, String)], constraints: [String]) -> Workshop {
            var w = Workshop(id: id, details: WorkshopDetails(theme: id, date: WorkshopDate(date), updatedAt: WorkshopFixtures.time(0)))
            w.categories = categories.map { ConstraintCategory(id: $0.0, label: $0.1, createdAt: WorkshopFixtures.time(0)) }
            w.findings = constraints.enumerated().map { i, category in
                Finding(id: "f-\(id)-\(i)", teamId: nil, kind: .constraint, text: "Contrainte \(i) (\(category))",
                        category: category, createdAt: WorkshopFixtures.time(Int64(i)))
            }
            return w
        }
        let workshops = [
            workshop("w-1", "2023-11-27", [("technical", "Barrières techniques"), ("legal", "Cadre juridique")],
                     constraints: ["technical", "legal"]),
            workshop("w-2", "2023-11-30", [("tech", "barrieres TECHNIQUES"), ("legal", "Cadre juridique")],
                     constraints: ["tech", "tech"]),
            workshop("w-3", "2023-12-19", [("t", "Barrières  Techniques"), ("legal", "Cadre Juridique"), ("gender", "Genre")],
                     constraints: ["t", "legal", "gender"]),
        ]
        let report = ConsolidatedReport.build(workshops)
        XCTAssertEqual(report.categoriesInAllWorkshops, ["Barrières techniques"])
        XCTAssertEqual(report.constraintCategories.map(\.label), ["Barrières techniques", "Cadre juridique", "Genre"])
        XCTAssertEqual(report.constraintCategories[0].counts.map(\.constraints), [1, 2, 1])
        XCTAssertEqual(report.constraintCategories[1].workshopsRaising, [1, 3])
        XCTAssertEqual(report.constraintCategories[2].counts.map(\.isConfigured), [false, false, true])

        let markdown = PlainMarkdownReport.consolidated(workshops, language: .fr)
        XCTAssertTrue(markdown.contains("Contraintes relevées dans les 3 ateliers : « Barrières techniques »."), markdown)
        XCTAssertTrue(markdown.contains("Relevées dans plusieurs ateliers : « Cadre juridique » (ateliers 1 et 3)."), markdown)
        XCTAssertTrue(markdown.contains("| Genre | non prévue | non prévue | 1 | 1 |"), markdown)
        XCTAssertTrue(PlainMarkdownReport.consolidated(workshops, language: .en)
            .contains("Constraints raised in all 3 workshops: “Barrières techniques”."))

        let samples = ConsolidatedReport.build(try! self.samples())
        XCTAssertEqual(samples.categoriesInAllWorkshops, ["Technique / Barrières techniques"],
                       "the samples' two category sets share the id `technical`, raised in all three workshops")
        XCTAssertEqual(samples.workshops.map(\.genderConstraints), [3, 3, 1])
    }

    func testTextsSharedByTheWorkshopsArePrintedOnce() throws {
        let samples = try samples()
        let report = ConsolidatedReport.build(samples)
        XCTAssertEqual(report.results.count, 11)
        XCTAssertTrue(report.results.allSatisfy { $0.workshops == [1, 2, 3] })
        XCTAssertEqual(report.difficulties.count, 4)
        XCTAssertEqual(report.improvements.count, 4)
        XCTAssertEqual(report.objectives.count, 6)
        XCTAssertEqual(report.context.count, 1)
        XCTAssertEqual(report.recommendations.map(\.workshops), [[1, 2, 3], [3]])

        let markdown = PlainMarkdownReport.consolidated(samples, language: .fr)
        let sharedResult = "Échanges informels et networking contribuant à créer un écosystème vivant autour des données."
        XCTAssertEqual(markdown.components(separatedBy: sharedResult).count - 1, 1, "printed once")
        XCTAssertEqual(markdown.components(separatedBy: "Le portail national open data en Tunisie regroupe").count - 1, 1)
        XCTAssertTrue(markdown.contains("**Commun aux 3 ateliers (1, 2 et 3)**"), markdown)
        // Recommendations are numbered across the workshops, each with where it comes from.
        XCTAssertTrue(markdown.contains("pour améliorer l’offre des données ouvertes en Tunisie. *(Commun aux 3 ateliers (1, 2 et 3))*\n2. La collaboration entre les différents acteurs"), markdown)
        XCTAssertTrue(markdown.contains("pour exploiter pleinement ce potentiel. *(Atelier 3 – Data journalisme)*"), markdown)
    }

    func testParticipantsAreSummedByGroupNameAndUnknownCountsAreNeverInvented() throws {
        let report = ConsolidatedReport.build(try samples())
        XCTAssertEqual(report.participants.groups.map(\.name), ["Administration", "Société civile et secteur privé", "Médias"])
        XCTAssertEqual(report.participants.groups.map(\.counts.headcount.recorded), [60, 34, 7])
        XCTAssertEqual(report.participants.total.headcount, ConsolidatedReport.Count(recorded: 101, notRecorded: 0))
        XCTAssertEqual(report.participants.total.women, ConsolidatedReport.Count(recorded: nil, notRecorded: 6))
        XCTAssertEqual(report.workshops.map(\.participants.headcount.recorded), [42, 37, 22])

        var mixed = WorkshopFixtures.complete()
        mixed.participantGroups.append(ParticipantGroup(id: "g-x", name: "ADMINISTRATION", headcount: nil, women: 4,
                                                        createdAt: WorkshopFixtures.time(5)))
        let markdown = PlainMarkdownReport.consolidated([mixed], language: .fr)
        XCTAssertTrue(markdown.contains("| Administration | au moins 24 | 15 | au moins 12 | au moins 1 |"), markdown)
        XCTAssertTrue(markdown.contains("| Société civile et secteur privé | 18 | non renseigné | non renseigné | non renseigné |"), markdown)
    }

    func testConsolidatedReportRoundTripsThroughJSON() throws {
        let report = ConsolidatedReport.build(try samples())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(report)
        let decoded = try JSONDecoder().decode(ConsolidatedReport.self, from: data)
        XCTAssertEqual(try encoder.encode(decoded), data)
        let json = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(json.contains("\"date\":\"2023-11-27\""), String(json.prefix(400)))
        XCTAssertTrue(json.contains("\"availability\":\"unusable-format\""))
    }

    func testOutputIsDeterministic() throws {
        let samples = try samples()
        XCTAssertEqual(PlainMarkdownReport.consolidated(samples, language: .fr), PlainMarkdownReport.consolidated(samples.reversed(), language: .fr),
                       "workshops are ordered by date, whatever the order given")
        // Byte-identical output across processes (each hashes differently) is checked by
        // ExportDeterminismTests, which runs the real binary several times.
    }

    // MARK: Languages

    func testEnglishReportsHaveEnglishLabelsAndContentAsTyped() throws {
        let markdown = PlainMarkdownReport.workshop(WorkshopFixtures.complete(), language: .en)
        for expected in ["# Workshop report: Économie numérique", "## 1. Workshop frame", "- **Date:** 27 November 2023",
                         "- **Place:** Tunis", "| Group | Headcount | Women | Men | Not stated |",
                         "| Société civile et secteur privé | 18 | not recorded | not recorded | not recorded |",
                         "### Team Transport et Infrastructure", "#### Constraints", "**Barrières techniques** (1)",
                         "(gender) — producer: INS; missing; wanted format: CSV; to be disaggregated by sex; priority 20",
                         "— same point as “Absence d’APIs” (Team Transport et Infrastructure)", "## 9. Synthesis",
                         "### Recommendations", "- **SNCFT** ↔ **Thnity**: horaires ouverts", "| Rank | Need | Team |"] {
            XCTAssertTrue(markdown.contains(expected), "missing “\(expected)” in:\n\(markdown)")
        }
        // The fixture's session titles and some findings are typed in French: only labels are checked.
        for french in ["Thématique", "Contraintes", "non renseigné", "Équipe Transport", "### Recommandations", "novembre",
                       "**Lieu", "(genre)", "Périmètre", "Plénière", "Producteur", "priorité", "même point"] {
            XCTAssertFalse(markdown.contains(french), "French “\(french)” in the English report:\n\(markdown)")
        }
    }

    // MARK: HTML

    func testHTMLReportsAreSelfContainedWellFormedAndHaveTheirCharts() throws {
        let folder = TemporaryFolder("report-html")
        var pages: [(name: String, html: String, charts: Int)] = [
            ("complete.fr.html", HTMLReport.workshop(WorkshopFixtures.complete(), language: .fr), 3),
            ("complete.en.html", HTMLReport.workshop(WorkshopFixtures.complete(), language: .en), 3),
            ("bare.html", HTMLReport.workshop(Self.bare(), language: .fr), 0),
            // The participants, constraints and needs across workshops, and each workshop's own charts.
            ("consolidated.fr.html", HTMLReport.consolidated(try samples(), language: .fr), 8),
            ("consolidated.en.html", HTMLReport.consolidated(try samples(), language: .en), 8),
        ]
        for (i, sample) in try samples().enumerated() {
            pages.append(("sample-\(i).html", HTMLReport.workshop(sample, language: .fr), 2))
        }
        for page in pages {
            let html = page.html
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\""), page.name)
            XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"), page.name)
            XCTAssertTrue(html.contains("@media print"), page.name)
            for forbidden in ["<script", "<link", "@import", "url(", "src="] {
                XCTAssertFalse(html.lowercased().contains(forbidden), "\(page.name) contains \(forbidden)")
            }
            // Links only within the page (the table of contents).
            XCTAssertEqual(html.components(separatedBy: "href=").count, html.components(separatedBy: "href=\"#").count, page.name)
            // The licence's address is text to read, not something loaded.
            let licence = html.components(separatedBy: License.ccBy4.url).count - 1
            let addresses = html.components(separatedBy: "http").count - 1 - licence
            let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
            XCTAssertEqual(addresses, namespaces, "\(page.name): the only address is the SVG namespace")
            let check = try wellFormedness(folder.write(html, to: page.name))
            XCTAssertEqual(check.errors, [], page.name)
            XCTAssertEqual(check.svgCount, page.charts, "\(page.name): charts")
            XCTAssertEqual(html.components(separatedBy: "<figcaption").count - 1, page.charts, page.name)
        }
        let english = pages[1].html
        XCTAssertTrue(english.contains("<html lang=\"en\">"))
        XCTAssertTrue(english.contains("<title id=\"chart-1-title\">Participants by group and gender</title>"))
        let french = pages[0].html
        XCTAssertTrue(french.contains("<title id=\"chart-2-title\">Contraintes par catégorie et par équipe</title>"))
        XCTAssertTrue(french.contains("<title id=\"chart-3-title\">Priorité des besoins en données</title>"))
        XCTAssertTrue(french.contains("fill=\"#C8C8C8\""), "unknown gender is shown in grey")
        XCTAssertTrue(french.contains("<h2 dir=\"auto\">2. Participants</h2>"))
        XCTAssertTrue(french.contains("<td dir=\"auto\">Société civile et secteur privé</td><td dir=\"auto\">18</td><td dir=\"auto\">non renseigné</td>"))
    }

    func testHostileTextIsEscapedInHTMLAndMarkdown() throws {
        let hostile = "<script>alert(\"x\")</script> & | pipes"
        var workshop = WorkshopFixtures.complete()
        workshop.details.theme = hostile
        workshop.details.context = hostile + "\n\n# " + hostile
        workshop.teams[0].name = hostile
        workshop.categories[0].label = hostile
        workshop.participantGroups[0].name = hostile
        workshop.participantGroups[0].organisations = [hostile]
        workshop.findings[0].text = hostile
        workshop.findings[2].text = hostile
        workshop.findings[2].dataNeed?.producer = hostile
        workshop.synthesis.recommendations[0].text = hostile
        workshop.synthesis.partnerships[0].subject = hostile
        workshop.sessions[0].outline[0].title = "<p>" + hostile

        let html = HTMLReport.workshop(workshop, language: .fr)
        XCTAssertFalse(html.contains("<script"), "raw script tag")
        XCTAssertFalse(html.contains("<p><p>"))
        XCTAssertFalse(html.contains("alert(\"x\")"), "quotes left raw")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; | pipes"), html)
        XCTAssertTrue(html.contains("<title>Rapport d’atelier : &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; | pipes</title>"))
        let folder = TemporaryFolder("report-hostile")
        let check = try wellFormedness(folder.write(html, to: "hostile.html"))
        XCTAssertEqual(check.errors, [])
        XCTAssertEqual(check.svgCount, 3)

        let markdown = PlainMarkdownReport.workshop(workshop, language: .fr)
        XCTAssertFalse(markdown.contains("<script"))
        let escaped = "&lt;script>alert(\"x\")&lt;/script> & \\| pipes"
        XCTAssertTrue(markdown.contains("| 1 | \(escaped) (genre) (format souhaité : CSV) | Investissement | \(escaped) | manquantes | oui | 5 | 4 | **20** |"), markdown)
        XCTAssertTrue(markdown.contains("| \(escaped) | 24 | 11 | 12 | 1 |"), markdown)
        XCTAssertTrue(markdown.contains("\n\\# \(escaped)\n"), "a typed heading marker stays text")
        XCTAssertEqual(misalignedTableRows(markdown), [], "a typed pipe must not add a column")
    }

    func testMarkdownSpecialCharactersInTypedTextStayText() {
        var workshop = Self.bare()
        workshop.synthesis.results = [
            SynthesisItem(id: "s-1", text: "*gras* _souligné_ [lien](http://x) `code` a\\b 1. liste ~~barré~~ &amp;",
                          createdAt: WorkshopFixtures.time(1)),
            SynthesisItem(id: "s-2", text: "- tiret\n> citation", createdAt: WorkshopFixtures.time(2)),
        ]
        let markdown = PlainMarkdownReport.workshop(workshop, language: .fr)
        XCTAssertTrue(markdown.contains("- \\*gras\\* \\_souligné\\_ \\[lien\\](http://x) \\`code\\` a&#92;b 1. liste \\~\\~barré\\~\\~ &amp;amp;\n"), markdown)
        XCTAssertTrue(markdown.contains("- \\- tiret > citation\n"), markdown)
        let html = HTMLReport.workshop(workshop, language: .fr)
        XCTAssertTrue(html.contains("<li dir=\"auto\">*gras* _souligné_ [lien](http://x) `code` a&#92;b 1. liste ~~barré~~ &amp;amp;</li>"), html)
        XCTAssertTrue(html.contains("<li dir=\"auto\">- tiret &gt; citation</li>"), html)
    }

    // MARK: Helpers

    private func samples() throws -> [Workshop] {
        try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) }
    }

    /// A workshop with a theme and nothing else: no sessions, participants, findings or synthesis.
    static func bare() -> Workshop {
        Workshop(id: "w-bare", details: WorkshopDetails(theme: "Atelier vide", updatedAt: WorkshopFixtures.time(0)),
                 sessions: [], plenary: Plenary(updatedAt: WorkshopFixtures.time(0)))
    }

    private static var goldenFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    /// Compares `text` with the golden file byte for byte; with DATAJAM_RECORD_GOLDEN=1, writes it
    /// instead and fails so that a recording is never mistaken for a pass.
    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.goldenFolder.appendingPathComponent(name)
        let actual = Data(text.utf8)
        if ProcessInfo.processInfo.environment["DATAJAM_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: url)
            XCTFail("recorded golden file \(name) (DATAJAM_RECORD_GOLDEN=1): read it, then run the tests without the variable",
                    file: file, line: line)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file \(url.path): record it with DATAJAM_RECORD_GOLDEN=1", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let actualLines = text.components(separatedBy: "\n")
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let expectedLine = first < expectedLines.count ? expectedLines[first] : "<end of file>"
        let actualLine = first < actualLines.count ? actualLines[first] : "<end of file>"
        XCTFail("""
            \(name) differs from its golden file at line \(first + 1):
              golden: \(expectedLine)
              actual: \(actualLine)
            (re-record with DATAJAM_RECORD_GOLDEN=1 if the change is intended)
            """, file: file, line: line)
    }

    /// Table rows whose number of cells differs from their table's header row.
    private func misalignedTableRows(_ markdown: String) -> [String] {
        var bad: [String] = []
        var headerCells: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                headerCells = nil
                continue
            }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let expected = headerCells {
                if cells != expected { bad.append(String(line)) }
            } else {
                headerCells = cells
            }
        }
        return bad
    }

    /// Headings followed by another heading of the same or a higher level, or by nothing.
    private func emptyHeadings(_ markdown: String) -> [String] {
        let lines = markdown.split(separator: "\n").map(String.init)
        func level(_ line: String) -> Int? {
            let hashes = line.prefix(while: { $0 == "#" }).count
            return hashes > 0 && line.dropFirst(hashes).hasPrefix(" ") ? hashes : nil
        }
        var empty: [String] = []
        for (i, line) in lines.enumerated() {
            guard let own = level(line) else { continue }
            let next = lines[(i + 1)...].first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if let next, let nextLevel = level(next), nextLevel <= own { empty.append(line) }
            if next == nil { empty.append(line) }
        }
        return empty
    }

    private struct PythonFailed: Error, CustomStringConvertible { var description: String }

    private struct WellFormedness {
        var errors: [String]
        var svgCount: Int
    }

    /// Parses the page with Python's html.parser, checking that every element is closed in order
    /// (void elements aside), and every SVG with xml.etree.
    private func wellFormedness(_ path: String) throws -> WellFormedness {
        let script = """
        import re, sys
        from html.parser import HTMLParser
        import xml.etree.ElementTree as ET
        VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
        class Strict(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.stack, self.errors, self.svgs, self.doctype = [], [], 0, False
            def handle_decl(self, decl):
                self.doctype = self.doctype or decl.lower() == "doctype html"
            def handle_starttag(self, tag, attrs):
                if tag == "svg":
                    self.svgs += 1
                if tag not in VOID:
                    self.stack.append(tag)
            def handle_endtag(self, tag):
                if tag in VOID:
                    return
                if self.stack and self.stack[-1] == tag:
                    self.stack.pop()
                else:
                    self.errors.append(f"</{tag}> at {self.getpos()} while {self.stack[-3:]} are open")
                    if tag in self.stack:
                        while self.stack.pop() != tag:
                            pass
        text = open(sys.argv[1], encoding="utf-8").read()
        parser = Strict()
        parser.feed(text)
        parser.close()
        if not parser.doctype:
            parser.errors.append("no <!DOCTYPE html>")
        if parser.stack:
            parser.errors.append(f"not closed: {parser.stack}")
        for i, match in enumerate(re.finditer(r"<svg\\b.*?</svg>", text, re.S)):
            try:
                root = ET.fromstring(match.group(0))
                if root.find("{http://www.w3.org/2000/svg}title") is None:
                    parser.errors.append(f"svg {i + 1} has no title")
            except ET.ParseError as error:
                parser.errors.append(f"svg {i + 1}: {error}")
        print(f"SVG {parser.svgs}")
        for error in parser.errors:
            print(f"ERROR {error}")
        """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0 else {
            throw PythonFailed(description: "python3 failed (\(result.status)): \(result.stderr.suffix(800))")
        }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let count = lines.first { $0.hasPrefix("SVG ") }.flatMap { Int($0.dropFirst(4)) } ?? -1
        return WellFormedness(errors: lines.filter { $0.hasPrefix("ERROR ") }, svgCount: count)
    }
}
