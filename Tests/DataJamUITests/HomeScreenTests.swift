import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

final class HomeScreenTests: XCTestCase {
    private func homeState(_ listings: [SessionListing], lang: Lang = .fr) -> AppState {
        var state = AppState(lang: lang, width: 80, height: 24, now: WorkshopFixtures.time(0), sessionsFolder: "Sessions")
        _ = AppUpdate.update(&state, .sessionsListed(folder: "Sessions", listings))
        return state
    }

    private func samples() throws -> [SessionListing] {
        try RepositoryPaths.sampleSessionFiles.map { SessionListing(path: $0, summary: .success(WorkshopSummary(try SessionStore().load($0)))) }
    }

    func testListsWorkshopsNewestFirstWithUnreadableOnesLast() throws {
        var listings = try samples()
        listings.append(SessionListing(path: "Sessions/cassé.json", summary: .failure(SessionFileError(file: "Sessions/cassé.json", message: "is empty"))))
        let state = homeState(listings)
        XCTAssertEqual(Array(state.screen.prefix(9)), [
            " DataJam · Ateliers                                                       08:00",
            "",
            " Ateliers dans Sessions",
            "",
            " Thème                        Date       Équipes Trouvailles Modifié",
            " Data journalisme             2023-12-19 3       19          2023-12-19 09:00",
            " Inclusion sociale et réduct… 2023-11-30 3       68          2023-11-30 09:01",
            " Économie numérique           2023-11-27 3       44          2023-11-27 09:01",
            " ⚠ cassé.json: is empty",
        ].map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) })
    }

    func testOpenAndCreate() throws {
        var state = homeState(try samples())
        state.press(.down, .down)
        XCTAssertEqual(state.press(.enter), [.open(path: RepositoryPaths.sampleSessionFiles[0])])

        state.press(.character("n"))
        guard case .form(let form)? = state.popup else { return XCTFail() }
        XCTAssertEqual(form.fields.map(\.label), ["Thème", "Date (AAAA-MM-JJ)", "Ville", "Préparation"], "no separator-laden teams field")
        state.press(.escape)
        var again = homeState(try samples())
        again.machineTimeZone = "Africa/Tunis"
        again.press(.character("n"))
        again.type("Santé numérique")
        again.press(.tab, .control("u"))
        again.type("2024-05-02")
        again.press(.tab)
        again.type("Sousse")
        again.press(.tab, .right)
        XCTAssertEqual(again.press(.enter), [], "the teams come next")
        guard case .editor(let teams)? = again.popup else { return XCTFail("the teams editor: \(String(describing: again.popup))") }
        XCTAssertEqual(teams.area.text, "Ressources naturelles\nTransport et Infrastructure\nInvestissement", "the preset's teams to start with")
        XCTAssertTrue(again.screen.joined().contains("Une équipe par ligne"))
        again.press(.alt("<"))
        for _ in 0..<3 { again.press(.control("k"), .control("k")) }
        guard case .editor(let emptied)? = again.popup else { return XCTFail() }
        XCTAssertEqual(emptied.area.text, "")
        again.type("Hôpitaux, cliniques")
        again.press(.enter)
        again.type("Pharmacies")
        again.press(.enter, .enter)
        again.type("Pharmacies")
        XCTAssertEqual(again.press(.control("s")), [], "two teams of one name are refused")
        guard case .editor(let refused)? = again.popup else { return XCTFail("the list stays open") }
        XCTAssertEqual(refused.error, "Deux équipes s’appellent « Pharmacies » : donnez-leur des noms différents")
        XCTAssertTrue(again.screen.joined().contains("donnez-leur des noms différents"))
        again.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        again.type("Labos")
        let created = again.press(.control("s"))
        guard case .create(let path, let workshop)? = created.first else { return XCTFail("\(created)") }
        XCTAssertEqual(path, "Sessions/2024-05-02-sante-numerique.json")
        XCTAssertEqual(workshop.details.city, "Sousse")
        XCTAssertEqual(workshop.details.timeZone, "Africa/Tunis", "created in the machine's time zone")
        XCTAssertEqual(workshop.teams.map(\.name), ["Hôpitaux, cliniques", "Pharmacies", "Labos"], "a comma belongs to the name")
        XCTAssertEqual(workshop.categories.map(\.id).first, "legal", "the economie-numerique preset")
    }

    /// A workshop themed "Programme" without a date would have taken the programme file's name.
    func testANewWorkshopNeverTakesTheProgrammeFilesName() {
        XCTAssertEqual(HomeUpdate.newFilePath(folder: "Sessions", theme: "Programme", date: nil), "Sessions/programme-atelier.json")
        XCTAssertEqual(HomeUpdate.newFilePath(folder: "Sessions", theme: "Programme", date: WorkshopDate("2024-01-02")),
                       "Sessions/2024-01-02-programme.json")
    }

    func testCreateRefusesBadDateAndEmptyTheme() throws {
        var state = homeState(try samples())
        state.press(.character("n"), .enter)
        XCTAssertEqual(state.status?.text, "Le thème est obligatoire : rien n’a été créé")
        state.press(.character("n"))
        state.type("X")
        state.press(.tab, .control("u"))
        state.type("27/11/2023")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status?.text, "Date « 27/11/2023 » illisible (AAAA-MM-JJ) : rien n’a été créé")
    }

    func testDuplicateAsksForTheNewThemeAndCopiesTheSetup() throws {
        var state = homeState(try samples())
        state.press(.down, .down, .character("d"))
        guard case .form(let form)? = state.popup else { return XCTFail() }
        XCTAssertEqual(form.fields[0].value, .text("Économie numérique"))
        state.press(.control("u"))
        state.type("Économie bleue")
        let effects = state.press(.enter)
        guard case .duplicate(let source, let path, let theme, _, let city)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(source, RepositoryPaths.sampleSessionFiles[0])
        XCTAssertTrue(path.hasSuffix("-economie-bleue.json"))
        XCTAssertEqual(theme, "Économie bleue")
        XCTAssertEqual(city, "Tunis")

        let copy = try SessionStore().load(source).setupCopy(theme: theme, date: nil, city: city)
        XCTAssertEqual(copy.teams.map(\.name), ["Ressources naturelles", "Transport et Infrastructure", "Investissement"])
        XCTAssertEqual(copy.categories.map(\.id), ["legal", "data-quality", "governance", "technical", "human-resources", "financial"])
        XCTAssertEqual(copy.findings, [])
        XCTAssertEqual(copy.participantGroups.map(\.headcount), [nil, nil])
        XCTAssertEqual(SemanticValidator.problems(in: copy), [])
    }

    /// Two workshops of one theme and date looked identical: the file name tells them apart.
    func testTwinWorkshopsShowTheirFileNames() throws {
        let summary = try WorkshopSummary(SessionStore().load(RepositoryPaths.sampleSessionFiles[0]))
        let state = homeState([SessionListing(path: "Sessions/2023-11-27-economie-numerique.json", summary: .success(summary)),
                               SessionListing(path: "Sessions/2023-11-27-economie-numerique-2.json", summary: .success(summary))])
        let rows = state.screen.filter { $0.contains("Économie") }
        XCTAssertEqual(rows.count, 2)
        XCTAssertNotEqual(rows[0], rows[1], rows.joined(separator: "\n"))
        XCTAssertTrue(state.screen[4].contains("Fichier"), state.screen[4])
        XCTAssertTrue(rows.contains { $0.contains("numerique-2") }, rows.joined(separator: "\n"))
        XCTAssertEqual(state.screen[22], " Sessions/2023-11-27-economie-numerique-2.json", "the selected file, whole")
    }

    func testTrashAsksFirstThenMovesTheFileToTheTrashFolder() throws {
        var state = homeState(try samples())
        XCTAssertEqual(state.press(.character("x")), [])
        guard case .confirm(let confirm)? = state.popup else { return XCTFail("the trash asks first") }
        XCTAssertEqual(confirm.message, "Mettre « 2023-12-19-data-journalisme.json » à la corbeille (.trash/ dans Sessions) ? (o/n)")
        XCTAssertEqual(state.press(.character("n")), [], "no: nothing happens")
        state.press(.delete)
        XCTAssertEqual(state.press(.character("o")), [.trashSession(path: state.home!.sorted[0].path)])
    }

    func testRenameRefusesClashesAndBadNames() throws {
        var state = homeState(try samples())
        state.press(.character("r"))
        guard case .prompt(let prompt)? = state.popup else { return XCTFail("r asks for the new name") }
        XCTAssertEqual(prompt.editor.text, "2023-12-19-data-journalisme.json")
        state.press(.control("u"))
        state.type("2023-11-27-economie-numerique")
        XCTAssertEqual(state.press(.enter), [])
        guard case .prompt(let clash)? = state.popup else { return XCTFail("a taken name is refused, the prompt stays") }
        XCTAssertEqual(clash.error, "« 2023-11-27-economie-numerique.json » existe déjà : choisissez un autre nom")
        state.press(.control("u"))
        state.type("../ailleurs")
        state.press(.enter)
        guard case .prompt(let bad)? = state.popup else { return XCTFail() }
        XCTAssertEqual(bad.error, "Un nom de fichier ne contient pas « / » : choisissez un autre nom")
        state.press(.control("u"))
        state.type("data-journalisme-tunis")
        let source = state.home!.sorted[0].path
        let folder = String(source[..<source.lastIndex(of: "/")!])
        XCTAssertEqual(state.press(.enter), [.renameSession(from: source, to: "\(folder)/data-journalisme-tunis.json")])
    }

    /// The help listed "↑↓ Choisir" and then "↓ Suivant"; forms offered "←→ choix · Espace cocher"
    /// without any choice or box.
    func testHelpListsEachThingOnceAndFormsOnlyTheirKeys() throws {
        var state = homeState(try samples())
        state.height = 40
        state.press(.character("?"))
        let help = state.screen.joined(separator: "\n")
        XCTAssertTrue(help.contains("Atelier précédent / suivant (k j aussi)"), help)
        XCTAssertFalse(state.screen.contains { $0.contains(" ↓ ") && $0.contains("Suivant") }, help)
        state.press(.escape)

        // The new-workshop form has one choice and no box; the group form neither.
        state.press(.character("n"))
        var screen = state.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Tab/↑↓ champ · ←→ choix · Entrée valider · Échap annuler"), screen)
        XCTAssertFalse(screen.contains("Espace cocher"), screen)
        state = workshopState(phase: .presentation)
        state.press(.tab, .character("a"))
        screen = state.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Tab/↑↓ champ · Entrée valider · Échap annuler"), screen)
        XCTAssertFalse(screen.contains("←→"), screen)
    }

    func testEmptyFolderInvitesToCreate() {
        let state = homeState([], lang: .en)
        XCTAssertTrue(state.screen.contains { $0.contains("No workshop here yet. n to create one.") })
    }
}
