import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Session 2: deleting a team or a category (asked where their findings go), restoring from the
/// list of deleted records, and the rapporteur's name on findings.
final class RecordsScreenTests: XCTestCase {
    func testDeletingATeamAsksWhereItsFindingsGoAndUndoBringsItBack() {
        var state = workshopState()
        state.press(.function(9), .character("5"))
        let screen = state.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Supprimer « Transport et Infrastructure » : ses 3 trouvailles vont à…"), screen)
        XCTAssertTrue(screen.contains("1 Investissement"), screen)
        XCTAssertTrue(screen.contains("2 Plénière"), screen)
        let effects = state.press(.down, .enter)
        XCTAssertEqual(effects.count, 1, "saved")
        XCTAssertTrue(state.workshop.teams.record(withID: "t-transport")?.isDeleted == true)
        XCTAssertEqual(state.workshop.findings.filter { $0.teamId == "t-transport" && !$0.isDeleted }.count, 0)
        XCTAssertEqual(state.openWorkshop?.breakouts.teamID, nil, "shows the plenary, where they went")
        XCTAssertEqual(state.screen[2], " Investissement (3)   Plénière (5)")
        XCTAssertTrue(state.screen[22].contains("Équipe « Transport et Infrastructure » supprimée, 3 trouvail…"), state.screen[22])
        XCTAssertEqual(state.status?.text, "Équipe « Transport et Infrastructure » supprimée, 3 trouvailles vers Plénière (Ctrl-Z pour annuler)")
        state.press(.control("z"))
        XCTAssertFalse(state.workshop.teams.record(withID: "t-transport")?.isDeleted ?? true)
        XCTAssertEqual(state.workshop.findings.filter { $0.teamId == "t-transport" && !$0.isDeleted }.count, 3)
    }

    func testDeletingAnEmptyTeamOnlyAsksForConfirmation() {
        var workshop = WorkshopFixtures.complete()
        workshop.teams.append(Team(id: "t-empty", name: "Vide", createdAt: WorkshopFixtures.time(9)))
        var state = workshopState(workshop: workshop)
        state.press(.tab, .tab)
        XCTAssertEqual(state.openWorkshop?.breakouts.teamID, "t-empty")
        state.press(.function(9), .character("5"))
        XCTAssertTrue(state.screen.joined().contains("Supprimer l’équipe « Vide » ? (o/n)"))
        state.press(.character("o"))
        XCTAssertTrue(state.workshop.teams.record(withID: "t-empty")?.isDeleted == true)
    }

    func testARapporteurCannotDeleteTeams() {
        var state = workshopState(rapporteur: "t-invest")
        state.press(.function(9))
        guard case .choice(let menu)? = state.popup else { return XCTFail("the F9 menu") }
        XCTAssertFalse(menu.options.contains { $0.label.contains("Supprimer l’équipe") }, "\(menu.options)")
        state.press(.character("5"))
        XCTAssertFalse(state.workshop.teams.record(withID: "t-invest")?.isDeleted ?? true)
    }

    func testDeletingACategoryMovesItsConstraints() throws {
        var state = workshopState()
        state.press(.function(9), .character("6"))
        guard case .choice(let pick)? = state.popup else { return XCTFail("\(String(describing: state.popup))") }
        let technical = try XCTUnwrap(pick.options.firstIndex { $0.id == "technical" })
        for _ in 0..<technical { state.press(.down) }
        state.press(.enter)
        guard case .choice(let destinations)? = state.popup else { return XCTFail("asks where the constraints go") }
        XCTAssertTrue(destinations.title.contains("ses 2 contraintes vont dans…"), destinations.title)
        XCTAssertFalse(destinations.options.contains { $0.id == "technical" })
        let legal = try XCTUnwrap(destinations.options.firstIndex { $0.id == "legal" })
        for _ in 0..<legal { state.press(.down) }
        state.press(.enter)
        XCTAssertTrue(state.workshop.categories.record(withID: "technical")?.isDeleted == true)
        XCTAssertEqual(state.workshop.findings.record(withID: "f-1")?.category, "legal")
        XCTAssertTrue(state.workshop.liveConstraints(in: "technical").isEmpty)
        XCTAssertTrue(state.screen.contains("▸ Contraintes · Cadre juridique (1)"), "\(state.screen)")
    }

    func testDeletedListRestoresAFindingWithoutTheUndoHistory() {
        var workshop = WorkshopFixtures.complete()
        workshop.findings[0].deletedAt = WorkshopFixtures.time(500)   // deleted in an earlier run of the program
        workshop.teams[1].deletedAt = WorkshopFixtures.time(400)
        var state = workshopState(workshop: workshop)
        XCTAssertFalse(state.openWorkshop!.history.canUndo)
        state.press(.function(9), .character("7"))
        let screen = state.screen
        XCTAssertTrue(screen.contains { $0.contains("Supprimés · Entrée : restaurer") }, "\(screen)")
        XCTAssertTrue(screen.contains { $0.contains("1 08:08  Trouvaille · Absence d’APIs") }, "\(screen)")
        XCTAssertTrue(screen.contains { $0.contains("2 08:06  Équipe · Investissement") }, "\(screen)")
        let effects = state.press(.enter)
        XCTAssertEqual(effects.count, 1)
        XCTAssertNil(state.workshop.findings.record(withID: "f-1")?.deletedAt)
        XCTAssertEqual(state.workshop.findings.record(withID: "f-1")?.updatedAt, WorkshopFixtures.time(1000))
        XCTAssertEqual(state.openWorkshop?.breakouts.selectedID, "f-1", "selected where it is back")
        XCTAssertTrue(state.screen.contains("›   Absence d’APIs  — Leïla"), "\(state.screen)")
        // The team too.
        state.press(.function(9), .character("7"), .enter)
        XCTAssertFalse(state.workshop.teams.record(withID: "t-invest")?.isDeleted ?? true)
        XCTAssertEqual(state.openWorkshop?.breakouts.teamID, "t-invest")
        state.press(.function(9), .character("7"))
        XCTAssertNil(state.popup)
        XCTAssertTrue(state.screen[22].contains("Rien n’a été supprimé"), state.screen[22])
    }

    func testDeletedListShowsTimesInTheWorkshopsZone() {
        var workshop = WorkshopFixtures.complete()
        workshop.details.timeZone = "Africa/Tunis"
        workshop.findings[0].deletedAt = WorkshopFixtures.time(500)
        var state = workshopState(workshop: workshop)
        state.press(.function(9), .character("7"))
        XCTAssertTrue(state.screen.contains { $0.contains("1 09:08  Trouvaille · Absence d’APIs") }, "\(state.screen)")
        XCTAssertTrue(state.screen[0].hasSuffix("09:16 Tunis"), "the header clock is in the workshop's zone: \(state.screen[0])")
    }

    func testRestoringANameTakenSinceIsRefusedSayingWhy() {
        var workshop = WorkshopFixtures.complete()
        workshop.teams[1].deletedAt = WorkshopFixtures.time(400)
        workshop.teams.append(Team(id: "t-new", name: "INVESTISSEMENT", createdAt: WorkshopFixtures.time(450)))
        var state = workshopState(workshop: workshop)
        state.press(.function(9), .character("7"), .enter)
        XCTAssertTrue(state.workshop.teams.record(withID: "t-invest")?.isDeleted == true)
        XCTAssertTrue(state.screen[22].contains("Impossible de restaurer : « INVESTISSEMENT » porte ce nom"), state.screen[22])
    }

    func testARapporteursFindingsAreSignedWithTheNameTypedOnceAndTheFacilitatorSeesIt() {
        var state = workshopState(rapporteur: "t-invest")
        state.popup = BreakoutsRecords.rapporteurNamePrompt(state.openWorkshop!, lang: .fr)
        XCTAssertTrue(state.screen.contains { $0.contains("Votre nom (signe vos trouvailles)") }, "\(state.screen)")
        XCTAssertTrue(BreakoutsRecords.asksRapporteurName(state.openWorkshop!), "Investissement has no rapporteur recorded")
        XCTAssertFalse(BreakoutsRecords.asksRapporteurName(workshopState(rapporteur: "t-transport").openWorkshop!), "Transport has one")
        XCTAssertFalse(BreakoutsRecords.asksRapporteurName(workshopState().openWorkshop!), "not in rapporteur mode")
        state.type("Amira Ben Ali")
        XCTAssertEqual(state.press(.enter).count, 1, "the name is saved as the team's rapporteur")
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.workshop.teams.record(withID: "t-invest")?.rapporteur, "Amira Ben Ali")
        XCTAssertFalse(BreakoutsRecords.asksRapporteurName({ var o = state.openWorkshop!; o.rapporteurAuthor = nil; return o }()), "asked once")
        state.press(.alt("n"))
        state.type("Première")
        state.press(.enter)
        state.type("Deuxième")
        state.press(.enter)
        XCTAssertEqual(state.workshop.findings.suffix(2).map(\.author), ["Amira Ben Ali", "Amira Ben Ali"])
        // The facilitator's session 2 shows who wrote each finding.
        var facilitator = workshopState(workshop: state.workshop)
        facilitator.press(.tab)
        XCTAssertTrue(facilitator.screen.contains { $0.contains("Première  — Amira Ben Ali") }, "\(facilitator.screen)")
    }

    func testWithoutATypedNameTheTeamsRapporteurSigns() {
        var state = workshopState(rapporteur: "t-transport")
        state.press(.alt("n"))
        state.type("Note")
        state.press(.enter)
        XCTAssertEqual(state.workshop.findings.last?.author, "Leïla Ben Salah")
        XCTAssertEqual(workshopState(rapporteur: "t-transport").openWorkshop.map { BreakoutsRecords.author($0) }, "Leïla Ben Salah")
    }

    func testTheNewKeysAreInTheHelp() {
        // Session 2's letters are text: deleting and restoring live in the F9 menu, listed in the help.
        let items = BreakoutsBindings.manage(rapporteur: false).map(\.action)
        XCTAssertTrue([.records(.deleteTeam), .records(.deleteCategory), .records(.showDeleted)].allSatisfy(items.contains), "\(items)")
        let rapporteurItems = BreakoutsBindings.manage(rapporteur: true).map(\.action)
        XCTAssertFalse(rapporteurItems.contains(.records(.deleteTeam)))
        XCTAssertTrue(rapporteurItems.contains(.records(.showDeleted)))
    }
}
