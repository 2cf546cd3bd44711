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
        XCTAssertEqual(form.fields.count, 5)
        state.press(.escape)
        var again = homeState(try samples())
        again.machineTimeZone = "Africa/Tunis"
        again.press(.character("n"))
        again.type("Santé numérique")
        again.press(.tab, .control("u"))
        again.type("2024-05-02")
        again.press(.tab)
        again.type("Sousse")
        again.press(.tab)
        again.type("Hôpitaux, Pharmacies ,")
        again.press(.tab, .right)
        let created = again.press(.enter)
        guard case .create(let path, let workshop)? = created.first else { return XCTFail("\(created)") }
        XCTAssertEqual(path, "Sessions/2024-05-02-sante-numerique.json")
        XCTAssertEqual(workshop.details.city, "Sousse")
        XCTAssertEqual(workshop.details.timeZone, "Africa/Tunis", "created in the machine's time zone")
        XCTAssertEqual(workshop.teams.map(\.name), ["Hôpitaux", "Pharmacies"])
        XCTAssertEqual(workshop.categories.map(\.id).first, "legal", "the economie-numerique preset")
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

    func testEmptyFolderInvitesToCreate() {
        let state = homeState([], lang: .en)
        XCTAssertTrue(state.screen.contains { $0.contains("No workshop here yet. n to create one.") })
    }
}
