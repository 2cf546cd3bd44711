import DataJamCore
import DataJamExport
import Foundation
import TestSupport
import XCTest

final class AnonymizerTests: XCTestCase {
    /// Everyone the named workshop mentions, as recorded.
    static let people = ["Leïla Ben Salah", "Leïla", "Sami Gharbi", "Mohamed Ali", "Karim Trabelsi", "عبد الله"]

    /// The complete fixture, with people named in every place a name can be recorded and typed.
    static func namedWorkshop() -> Workshop {
        var w = WorkshopFixtures.complete()
        let t = WorkshopFixtures.time
        // Recorded: rapporteur "Leïla Ben Salah", author "Leïla", people "Mohamed Ali" come with the fixture.
        w.participantGroups[1].people = ["Karim Trabelsi", "عبد الله"]
        w.findings[1].author = "Sami Gharbi"
        w.teams.append(Team(id: "t-old", name: "Ancienne équipe", rapporteur: "Yasmine Deleted", createdAt: t(5), deletedAt: t(6)))
        // Typed inside free texts, in other cases, accents, spacing and line breaks.
        w.details.facilitatorNotes = "Merci à SAMI GHARBI et à leila ben-salah pour la prise de notes."
        w.details.context = "Atelier animé avec Karim\nTrabelsi."
        w.details.objectives.append("Relire avec Mohamed Ali")
        w.sessions[0].outline[0].points = ["Présenté par Karim Trabelsi (INS)"]
        w.sessions[1].outline[0].title = "Méthodologie — Leïla"
        w.plenary.scope = "Canaux, animé par Mohamed Ali"
        w.teams[1].scope = "investissement ; contact Yasmine Deleted"
        w.findings[0].text = "Absence d’APIs (signalé par Leïla Ben Salah, confirmé par LEÏLA)"
        w.findings[6].text = "عبد الله : ملاحظة 👍"
        w.findings[2].dataNeed?.wantedFormat = "CSV selon Sami Gharbi"
        w.synthesis.recommendations[0].text = "Publier les données de transport (proposition de Leïla)"
        w.synthesis.partnerships[0].subject = "horaires ouverts, suivi par Mohamed Ali"
        w.synthesis.results[0].text = "Besoins identifiés par Karim Trabelsi et Sami Gharbi"
        w.synthesis.difficulties[0].text = "Publics hétérogènes ; Mohamed-Ali est parti tôt"
        return w
    }

    func testRemovesRecordedNamesAndNamesInTexts() {
        let original = Self.namedWorkshop()
        XCTAssertEqual(Set(Anonymizer.personNames(in: original)), Set(Self.people + ["Yasmine Deleted"]))
        let w = original.anonymized()

        XCTAssertTrue(w.teams.allSatisfy { $0.rapporteur == nil })
        XCTAssertTrue(w.findings.allSatisfy { $0.author == nil })
        XCTAssertTrue(w.participantGroups.allSatisfy { $0.people.isEmpty })
        let p = Anonymizer.placeholder
        XCTAssertEqual(w.details.facilitatorNotes, "Merci à \(p) et à \(p) pour la prise de notes.")
        XCTAssertEqual(w.details.context, "Atelier animé avec \(p).")
        XCTAssertEqual(w.details.objectives.last, "Relire avec \(p)")
        XCTAssertEqual(w.sessions[0].outline[0].points, ["Présenté par \(p) (INS)"])
        XCTAssertEqual(w.sessions[1].outline[0].title, "Méthodologie — \(p)")
        XCTAssertEqual(w.plenary.scope, "Canaux, animé par \(p)")
        XCTAssertEqual(w.teams[1].scope, "investissement ; contact \(p)", "names of deleted records count too")
        XCTAssertEqual(w.findings[0].text, "Absence d’APIs (signalé par \(p), confirmé par \(p))", "longest name first, one placeholder")
        XCTAssertEqual(w.findings[6].text, "\(p) : ملاحظة 👍")
        XCTAssertEqual(w.findings[2].dataNeed?.wantedFormat, "CSV selon \(p)")
        XCTAssertEqual(w.synthesis.recommendations[0].text, "Publier les données de transport (proposition de \(p))")
        XCTAssertEqual(w.synthesis.partnerships[0].subject, "horaires ouverts, suivi par \(p)")
        XCTAssertEqual(w.synthesis.results[0].text, "Besoins identifiés par \(p) et \(p)")
        XCTAssertEqual(w.synthesis.difficulties[0].text, "Publics hétérogènes ; \(p) est parti tôt")
    }

    func testKeepsOrganisationsCountsAndEverythingElse() {
        let original = Self.namedWorkshop()
        let w = original.anonymized()
        XCTAssertEqual(w.participantGroups.map(\.organisations), original.participantGroups.map(\.organisations))
        XCTAssertEqual(w.participantGroups.map(\.headcount), [24, 18])
        XCTAssertEqual(w.participantGroups.map(\.women), original.participantGroups.map(\.women))
        XCTAssertEqual(w.synthesis.partnerships[0].producer, "SNCFT")
        XCTAssertEqual(w.synthesis.partnerships[0].reuser, "Thnity")
        XCTAssertEqual(w.findings[2].dataNeed?.producer, "INS")
        XCTAssertEqual(w.findings.map(\.id), original.findings.map(\.id))
        XCTAssertEqual(w.findings.map(\.updatedAt), original.findings.map(\.updatedAt))
        XCTAssertEqual(w.teams.map(\.name), original.teams.map(\.name))
        XCTAssertEqual(w.details.theme, original.details.theme)
        XCTAssertEqual(SemanticValidator.problems(in: w), [], "still a valid session")
    }

    func testMatchesWholeWordsOnlyAndSkipsVeryShortNames() {
        var w = WorkshopFixtures.complete()
        w.participantGroups[0].people = ["Ali", "Bo", "Inès"]
        w.findings[0].text = "Alimentation, Ali et ALI ; Bo et Bob ; ines, Inès et Inèsa"
        let text = w.anonymized().findings[0].text
        let p = Anonymizer.placeholder
        XCTAssertEqual(text, "Alimentation, \(p) et \(p) ; Bo et Bob ; \(p), \(p) et Inèsa")
    }

    func testAWorkshopThatNamesNobodyIsUnchanged() throws {
        for path in RepositoryPaths.sampleSessionFiles {
            let sample = try SessionStore().load(path)
            XCTAssertEqual(Anonymizer.personNames(in: sample), [])
            XCTAssertEqual(sample.anonymized(), sample)
        }
    }

    /// Every export format, run on the anonymised workshop, mentions nobody.
    func testNoExportOfTheAnonymisedWorkshopNamesAnyone() throws {
        let original = Self.namedWorkshop()
        let anonymous = original.anonymized()
        let folder = TemporaryFolder("anonymous")
        try DataPackageExport.write([anonymous], to: folder.file("package"), language: .fr)
        var outputs: [String: String] = [
            "findings.csv (fr)": FindingsCSV.render([anonymous], language: .fr),
            "findings.csv (en)": FindingsCSV.render([anonymous], language: .en),
            "ckan.json": CKANDataRequests.render([anonymous], language: .fr),
            "session.json": try JSONExport.render(anonymous),
        ]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.file("package")) {
            outputs["package/\(name)"] = try String(contentsOfFile: folder.file("package/\(name)"), encoding: .utf8)
        }
        XCTAssertEqual(outputs.count, 4 + DataPackageExport.fileNames.count)

        let names = Self.people + ["Yasmine Deleted", "Gharbi", "Trabelsi", "Salah"]
        for (format, text) in outputs {
            let folded = Self.fold(text)
            for name in names {
                XCTAssertFalse(folded.contains(Self.fold(name)), "\(format) still names \(name)")
            }
        }
        // …while what is not a person is still there.
        let csv = outputs["findings.csv (fr)"]!
        for kept in ["INS", "Tunisian Investment Authority", "Transport et Infrastructure", "Données ventilées par sexe"] {
            XCTAssertTrue(csv.contains(kept), "findings.csv lost \(kept)")
        }
        let groups = outputs["package/participant_groups.csv"]!
        XCTAssertTrue(groups.contains("24,11,12,1,INS; SNCFT,"), groups)
        XCTAssertTrue(groups.contains("Thnity"))
        XCTAssertTrue(outputs["package/partnerships.csv"]!.contains("SNCFT,Thnity,"))
        XCTAssertTrue(outputs["ckan.json"]!.contains("\"organization_id\" : \"ins\"") || outputs["ckan.json"]!.contains("\"organization_id\": \"ins\""))

        // The same exports of the original do name people: the check above can fail.
        let named = Self.fold(FindingsCSV.render([original], language: .fr) + (try JSONExport.render(original)))
        XCTAssertTrue(named.contains(Self.fold("Leïla Ben Salah")))
        XCTAssertTrue(named.contains(Self.fold("Karim Trabelsi")))
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
