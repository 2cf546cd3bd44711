import DataJamCore
import Foundation
import TestSupport
import XCTest

/// A whole workshop day done as a new facilitator would, with the real binary in tmux and only
/// the keys the screens show: create the workshop from an empty folder (its teams one per line),
/// frame it (time zone, context, objectives, a session's planned time), record the participant
/// groups and their organisations, add a team, let a rapporteur sign and capture from a second
/// terminal, delete a finding and restore it after a restart, write the synthesis, export from
/// session 2. Then the file, `datajam list` and the export must hold all of it.
final class WholeDayEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        folder = TemporaryFolder("e2e-whole-day")
    }

    private var binary: String { TmuxSession.quote(RepositoryPaths.binary) }

    func testAWholeWorkshopDayFromAnEmptyFolder() throws {
        let file = folder.file("2023-12-19-data-journalisme.json")
        let facilitatorCommand = "\(binary) --sessions \(TmuxSession.quote(folder.path)) --lang fr"
        let facilitator = try TmuxSession(width: 110, height: 32, command: facilitatorCommand)

        // Create: the form, then the teams one per line (a comma belongs to a name).
        try facilitator.waitFor(text: "Aucun atelier ici")
        try facilitator.press("n")
        try facilitator.waitFor(text: "Nouvel atelier")
        try facilitator.type("Data journalisme")
        try facilitator.press("Tab", "C-u")
        try facilitator.type("2023-12-19")
        try facilitator.press("Tab")
        try facilitator.type("Tunis")
        try facilitator.press("Enter")
        try facilitator.waitFor(text: "Une équipe par ligne")
        try facilitator.type("Presse écrite")
        try facilitator.press("Enter")
        try facilitator.type("Médias en ligne, radio")
        try facilitator.press("C-s")
        try facilitator.waitFor(text: "Atelier créé")

        // Frame: time zone, context over two paragraphs, objectives one per line, session 2's time.
        try facilitator.press("c")
        try facilitator.waitFor(text: "Cadre de l’atelier")
        try facilitator.press("Down", "Down", "Down", "Enter")
        try facilitator.waitFor(text: "Fuseau horaire")
        try facilitator.press("C-u")
        try facilitator.type("Africa/Tunis")
        try facilitator.press("Enter")
        try facilitator.waitFor(text: "Africa/Tunis (UTC+01:00)")
        try facilitator.press("Down", "Down", "Enter")
        try facilitator.waitFor(text: "Ctrl-S ou F2 terminer")
        try facilitator.type("Les rédactions utilisent peu les données ouvertes.")
        try facilitator.press("Enter", "Enter")
        try facilitator.type("Elles veulent des sources fiables, en arabe et en français.")
        try facilitator.press("C-s")
        try facilitator.waitFor(text: "Cadre modifié : Contexte")
        try facilitator.press("Down", "Enter")
        try facilitator.waitFor(text: "Un objectif par ligne")
        try facilitator.type("Recenser les besoins ; les prioriser")
        try facilitator.press("Enter")
        try facilitator.type("Relier INS, ONAGRI et rédactions")
        try facilitator.press("F2")
        try facilitator.waitFor(text: "• Relier INS, ONAGRI et rédactions")
        try facilitator.press("Down", "Down", "Enter")
        try facilitator.waitFor(text: "Séance 2 : titre et horaires")
        try facilitator.press("Tab", "C-u")
        try facilitator.type("90")
        try facilitator.press("Enter")
        try facilitator.waitFor(text: "Séance 2 modifiée")
        try facilitator.press("Escape")
        try facilitator.waitFor("the frame panel to close") { !$0.contains("Cadre de l’atelier") }

        // Participants: two groups from the sign-in sheet, organisations one per line.
        try facilitator.press("Tab")
        try facilitator.waitFor(text: "▶ Participants")
        try facilitator.press("a")
        try facilitator.waitFor(text: "Nouveau groupe de participants")
        try facilitator.type("Administration")
        try facilitator.press("Tab")
        try facilitator.type("12")
        try facilitator.press("Tab")
        try facilitator.type("5")
        try facilitator.press("Tab")
        try facilitator.type("7")
        try facilitator.press("Enter")
        // The sign-in sheet's organisations are asked next, one per line.
        try facilitator.waitFor(text: "Organisations · Administration")
        try facilitator.type("INS")
        try facilitator.press("Enter")
        try facilitator.type("ONAGRI, direction des statistiques")
        try facilitator.press("C-s")
        try facilitator.waitFor("the organisations editor to close") { !$0.contains("Organisations · Administration") }
        try facilitator.press("a")
        try facilitator.waitFor(text: "Nouveau groupe de participants")
        try facilitator.type("Société civile")
        try facilitator.press("Tab")
        try facilitator.type("8")
        try facilitator.press("Enter")
        try facilitator.waitFor(text: "Organisations · Société civile")
        try facilitator.press("Escape")
        try facilitator.waitFor("the second group") { !$0.contains("Organisations · Société civile") && $0.contains("Société civile") }

        // Session 2: a team added on the spot.
        try facilitator.press("F3")
        try facilitator.waitFor(text: "Presse écrite (0)")
        try facilitator.press("F9", "1")
        try facilitator.waitFor(text: "Nom de la nouvelle équipe")
        try facilitator.type("Fact-checking")
        try facilitator.press("Enter")
        try facilitator.waitFor(text: "Fact-checking (0)")

        // A rapporteur in a second terminal: asked for a name once, findings signed.
        let rapporteur = try TmuxSession(width: 90, height: 24,
                                         command: "\(binary) open \(TmuxSession.quote(file)) --team \(TmuxSession.quote("Presse écrite")) --lang fr")
        try rapporteur.waitFor(text: "Votre nom")
        try rapporteur.type("Amira Ben Ali")
        try rapporteur.press("Enter")
        try rapporteur.waitFor("the name taken") { !$0.contains("Votre nom") }
        try rapporteur.press("M-c")
        try rapporteur.waitFor(text: "Nouvelle trouvaille")
        try rapporteur.type("Formats inutilisables : PDF scannés")
        try rapporteur.press("Enter")
        try rapporteur.waitFor(text: "Presse écrite (1)")
        try rapporteur.press("Escape")
        try rapporteur.waitFor("the capture line to close") { !$0.contains("Nouvelle trouvaille") }
        try rapporteur.press("M-d")
        try rapporteur.waitFor(text: "Nouvelle trouvaille")
        try rapporteur.type("Données de la presse régionale")
        try rapporteur.press("Enter")
        try rapporteur.waitFor(text: "Presse écrite (2)")
        try rapporteur.press("Escape")
        try rapporteur.waitFor("the capture line to close") { !$0.contains("Nouvelle trouvaille") }
        try rapporteur.press("F10")
        try rapporteur.waitFor(text: "EXIT=0")

        // The facilitator's screen shows them without a restart; the constraint is deleted by mistake.
        try facilitator.waitFor(text: "Presse écrite (2)", timeout: 15)
        // Fact-checking, the newest team, is shown: Tab goes round the teams to the rapporteur's.
        for _ in 0..<4 where try !facilitator.screen().contains("Formats inutilisables") {
            try facilitator.press("Tab")
            let deadline = Date().addingTimeInterval(2)
            while Date() < deadline, try !facilitator.screen().contains("Formats inutilisables") { usleep(20_000) }
        }
        try facilitator.press("Home", "DC")
        try facilitator.waitFor("the constraint deleted") { $0.contains("Presse écrite (1)") && !$0.contains("PDF scannés »") && !$0.contains("Contraintes") }
        try facilitator.waitFor(text: "✓ enregistré")
        try facilitator.press("F10")
        try facilitator.waitFor(text: "EXIT=0")

        // After a restart the undo history is gone; the deleted list brings it back.
        let again = try TmuxSession(width: 110, height: 32, command: "\(binary) open \(TmuxSession.quote(file)) --lang fr")
        try again.waitFor(text: "Présentation du programme")
        try again.press("F3")
        try again.waitFor(text: "Presse écrite (1)")
        try again.press("F9", "7")
        try again.waitFor(text: "Formats inutilisables : PDF scannés")
        try again.press("Enter")
        try again.waitFor(text: "Presse écrite (2)")
        // The list closes on the restore.
        let restored = try again.waitFor("the list of findings") { $0.contains("Formats inutilisables") && !$0.contains("Supprimés · Entrée") }
        XCTAssertTrue(restored.contains("— Amira Ben Ali"), "the facilitator sees who wrote it: \(restored)")

        // Session 3: a recommendation.
        try again.press("F4")
        try again.waitFor(text: "Matrice")
        try again.press("Tab", "Tab", "Tab")
        try again.waitFor(text: "Recommandations (0)")
        try again.press("a")
        try again.waitFor(text: "Nouvelle recommandation")
        try again.type("Publier les données régionales en CSV")
        try again.press("Enter")
        try again.waitFor(text: "Recommandations (1)")

        // Export from session 2: the report in French, the default choice.
        try again.press("F3")
        try again.waitFor(text: "Presse écrite (2)")
        try again.press("F12")
        try again.waitFor(text: "Exporter dans exports/")
        try again.press("Enter")
        try again.waitFor(text: "Exporté")
        try again.press("F10")
        try again.waitFor(text: "EXIT=0")

        // The file holds the whole day.
        let workshop = try SessionStore().load(file)
        XCTAssertEqual(workshop.details.theme, "Data journalisme")
        XCTAssertEqual(workshop.details.date, WorkshopDate("2023-12-19"))
        XCTAssertEqual(workshop.details.city, "Tunis")
        XCTAssertEqual(workshop.details.timeZone, "Africa/Tunis")
        XCTAssertEqual(workshop.details.context,
                       "Les rédactions utilisent peu les données ouvertes.\n\nElles veulent des sources fiables, en arabe et en français.")
        XCTAssertEqual(workshop.details.objectives, ["Recenser les besoins ; les prioriser", "Relier INS, ONAGRI et rédactions"])
        XCTAssertEqual(workshop.session(.breakouts)?.plannedMinutes, 90)
        let groups = workshop.participantGroups.live
        XCTAssertEqual(groups.map(\.name), ["Administration", "Société civile"])
        XCTAssertEqual(groups.map(\.headcount), [12, 8])
        XCTAssertEqual(groups.first?.women, 5)
        XCTAssertEqual(groups.first?.men, 7)
        XCTAssertEqual(groups.first?.organisations, ["INS", "ONAGRI, direction des statistiques"])
        XCTAssertEqual(workshop.teams.live.map(\.name), ["Presse écrite", "Médias en ligne, radio", "Fact-checking"])
        let press = try XCTUnwrap(workshop.team(named: "Presse écrite"))
        XCTAssertEqual(press.rapporteur, "Amira Ben Ali")
        let findings = workshop.findings.live.filter { $0.teamId == press.id }
        XCTAssertEqual(Set(findings.map(\.text)), ["Formats inutilisables : PDF scannés", "Données de la presse régionale"])
        XCTAssertEqual(Set(findings.map(\.kind)), [.constraint, .dataNeed])
        XCTAssertEqual(findings.map(\.author), ["Amira Ben Ali", "Amira Ben Ali"], "signed by the rapporteur")
        XCTAssertEqual(workshop.synthesis.recommendations.live.map(\.text), ["Publier les données régionales en CSV"])
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [file]), [])

        // `list` names the author; the export holds the day.
        let listed = try ProcessRunner.datajam("list", file)
        XCTAssertTrue(listed.stdout.contains("Amira Ben Ali"), listed.stdout)
        // French typography puts no-break spaces before colons: read them as spaces.
        let report = try String(contentsOfFile: folder.file("exports/2023-12-19-data-journalisme.fr.md"), encoding: .utf8)
            .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
        for expected in ["Formats inutilisables : PDF scannés", "Données de la presse régionale", "Publier les données régionales en CSV",
                         "Relier INS, ONAGRI et rédactions", "ONAGRI, direction des statistiques", "Fact-checking"] {
            XCTAssertTrue(report.contains(expected), "the report holds “\(expected)”")
        }
    }
}
