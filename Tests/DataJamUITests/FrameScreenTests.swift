import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Session 1's frame panel: the workshop's frame and the sessions' titles and times, viewed and
/// edited after the workshop was created.
final class FrameScreenTests: XCTestCase {
    private func frameState(width: Int = 80, height: Int = 24, lang: Lang = .fr) -> AppState {
        var state = workshopState(width: width, height: height, lang: lang, phase: .presentation)
        state.press(.character("c"))
        XCTAssertNotNil(state.openWorkshop?.presentation.frame, "c opens the frame panel")
        return state
    }

    /// Moves the selection to `field`.
    private func select(_ field: FrameField, in state: inout AppState) {
        for _ in 0..<20 where state.openWorkshop?.presentation.frame?.field != field { state.press(.down) }
        XCTAssertEqual(state.openWorkshop?.presentation.frame?.field, field)
    }

    private func formFields(_ state: AppState) -> [String]? {
        guard case .form(let form)? = state.popup else { return nil }
        return form.values.map { value in
            if case .number(let n) = value { return n.map(String.init) ?? "" }
            return value.text
        }
    }

    func testTheFrameKeyIsInTheFooterAndTheHelp() {
        var state = workshopState(phase: .presentation)
        XCTAssertTrue(state.screen[23].contains("c Cadre"), state.screen[23])
        state.press(.character("?"))
        guard case .help(let help)? = state.popup else { return XCTFail("no help") }
        XCTAssertTrue(help.sections[0].hints.contains { $0.keyLabel == "c" && $0.help(.fr).hasPrefix("Cadre de l’atelier") })
    }

    func testThePanelShowsTheFrameAndTheSessions() {
        var state = frameState()
        state.utcOffsetSeconds = 3600
        let screen = state.screen
        XCTAssertEqual(Array(screen[2...12]), [
            "▶ Cadre de l’atelier ───────────────────────────────────────────────────────────",
            "  Thème       Économie numérique",
            "  Date        27 novembre 2023 (2023-11-27)",
            "  Ville       Tunis",
            "  Fuseau      (aucun : l’heure de cette machine)",
            "  Axe         Données économiques",
            "  Contexte    (vide : Entrée pour écrire)",
            "  Objectifs   • Identifier les besoins",
            "              • Prioriser la publication",
            "  Séance 1    Présentation du programme national d’open data · prévu 60 min",
            "              pas commencée",
        ], screen.joined(separator: "\n"))
        XCTAssertTrue(screen[23].contains("Enter Modifier") && screen[23].contains("Esc Fermer"), screen[23])
        // Esc closes the panel, not the workshop.
        state.press(.escape)
        XCTAssertNil(state.openWorkshop?.presentation.frame)
        XCTAssertNotNil(state.openWorkshop)
    }

    func testContextIsWrittenOverSeveralLinesAndObjectivesOnePerLine() {
        var state = frameState()
        select(.context, in: &state)
        state.press(.enter)
        guard case .editor(let editor)? = state.popup else { return XCTFail("Enter on the context opens the text editor") }
        XCTAssertEqual(editor.kind, .text)
        state.type("La Tunisie a adopté en 2018 un décret sur les données ouvertes.")
        state.press(.enter, .enter)
        state.type("Les ministères publient peu ; les réutilisateurs attendent.")
        state.press(.control("s"))
        XCTAssertEqual(state.workshop.details.context,
                       "La Tunisie a adopté en 2018 un décret sur les données ouvertes.\n\nLes ministères publient peu ; les réutilisateurs attendent.")

        state.press(.down, .enter)
        guard case .editor(let list)? = state.popup else { return XCTFail("Enter on the objectives opens the list editor") }
        XCTAssertEqual(list.kind, .list)
        XCTAssertEqual(list.area.text, "Identifier les besoins\nPrioriser la publication")
        state.press(.control("e"), .enter)
        state.type("Relier l’offre (INS, ONAGRI ; ministères) et la demande")
        state.press(.function(2))
        XCTAssertEqual(state.workshop.details.objectives,
                       ["Identifier les besoins", "Prioriser la publication", "Relier l’offre (INS, ONAGRI ; ministères) et la demande"])
        XCTAssertTrue(state.screen.contains { $0.contains("• Relier l’offre (INS, ONAGRI ; ministères) et la demande") },
                      state.screen.joined(separator: "\n"))
        // u undoes an edit like any other.
        state.press(.character("u"))
        XCTAssertEqual(state.workshop.details.objectives, ["Identifier les besoins", "Prioriser la publication"])
    }

    func testThemeDateCityAndFocusAreEditedAndCheckedOneByOne() {
        var state = frameState()
        state.press(.enter, .control("u"), .enter)
        XCTAssertEqual(state.status?.text, "Le thème est obligatoire : tapez-en un, ou Échap")
        state.type("Données et emploi")
        state.press(.enter)
        XCTAssertEqual(state.workshop.details.theme, "Données et emploi")

        state.press(.down, .enter, .control("u"))
        state.type("27/11/2023")
        state.press(.enter)
        guard case .form(let form)? = state.popup else { return XCTFail("a wrong date keeps the form open") }
        XCTAssertEqual(form.error, "« 27/11/2023 » n’est pas une date : écrivez-la AAAA-MM-JJ, par exemple 2023-11-28".replacingOccurrences(of: "2023-11-28", with: "2023-11-27"))
        state.press(.control("u"))
        state.type("2023-11-28")
        state.press(.enter)
        XCTAssertEqual(state.workshop.details.date, WorkshopDate("2023-11-28"))

        state.press(.down, .enter, .control("u"))
        state.type("Sfax")
        state.press(.enter)
        XCTAssertEqual(state.workshop.details.city, "Sfax")

        // The time zone: an IANA name the machine knows, refused otherwise with the cursor kept.
        state.press(.down, .enter)
        state.type("Tunis")
        state.press(.enter)
        guard case .form(let zoneForm)? = state.popup else { return XCTFail("an unknown zone keeps the form open") }
        XCTAssertEqual(zoneForm.error, "Fuseau « Tunis » inconnu : donnez un nom IANA comme Africa/Tunis, Europe/Paris ou UTC")
        XCTAssertNil(state.workshop.details.timeZone)
        state.press(.control("u"))
        state.type("Africa/Tunis")
        state.press(.enter)
        XCTAssertEqual(state.workshop.details.timeZone, "Africa/Tunis")
        XCTAssertTrue(state.screen[6].contains("Fuseau      Africa/Tunis (UTC+01:00)"), state.screen[6])
        XCTAssertTrue(state.screen[0].hasSuffix(" Tunis"), "the header's clock names the zone: \(state.screen[0])")

        state.press(.down, .enter, .control("u"))
        state.type("L’emploi des jeunes diplômés")
        state.press(.enter)
        XCTAssertEqual(state.workshop.details.focus, "L’emploi des jeunes diplômés")
        XCTAssertTrue(state.screen[7].contains("Axe         L’emploi des jeunes diplômés"), state.screen[7])
    }

    func testASessionsTitlePlannedTimeStartAndEndAreSetByHand() {
        var state = frameState()
        state.utcOffsetSeconds = 3600  // Tunis
        select(.session(.breakouts), in: &state)
        state.press(.enter)
        XCTAssertEqual(formFields(state), ["Potentiel des données ouvertes / Data Jam", "120", "", ""])
        state.press(.control("u"))
        state.type("Data jam en équipes")
        state.press(.tab, .control("u"))
        state.type("90")
        state.press(.tab)
        state.type("10:30")
        state.press(.tab)
        state.type("12h05")
        state.press(.enter)
        XCTAssertNil(state.popup)
        let session = state.workshop.session(.breakouts)
        XCTAssertEqual(session?.title, "Data jam en équipes")
        XCTAssertEqual(session?.plannedMinutes, 90)
        // 10:30 in Tunis on the workshop's day is 09:30 UTC.
        XCTAssertEqual(session?.startedAt, Timestamp(iso8601: "2023-11-27T09:30:00Z"))
        XCTAssertEqual(session?.endedAt, Timestamp(iso8601: "2023-11-27T11:05:00Z"))
        XCTAssertTrue(state.screen.contains { $0.contains("10:30–12:05") }, state.screen.joined(separator: "\n"))
        // The header's timer now measures against 90 minutes.
        state.press(.escape, .character("2"))
        XCTAssertTrue(state.screen[0].contains("95:00/90:00"), state.screen[0])
    }

    /// A laptop still on Paris time in Tunis in summer: times are typed and read on the room's clock.
    func testSessionTimesFollowTheWorkshopsZoneNotTheMachines() {
        var workshop = WorkshopFixtures.complete()
        workshop.details.timeZone = "Africa/Tunis"
        workshop.details.date = WorkshopDate("2024-06-12")
        var state = workshopState(phase: .presentation, workshop: workshop)
        state.press(.character("c"))
        state.utcOffsetSeconds = 7200  // the machine: Paris, summer time
        select(.session(.presentation), in: &state)
        state.press(.enter, .tab, .tab)
        state.type("9:00")
        state.press(.enter)
        // 09:00 in Tunis (UTC+1 all year) is 08:00 UTC, not 07:00.
        XCTAssertEqual(state.workshop.session(.presentation)?.startedAt, Timestamp(iso8601: "2024-06-12T08:00:00Z"))
        XCTAssertTrue(state.screen.contains { $0.contains("09:00–…") }, state.screen.joined(separator: "\n"))
    }

    func testAWrongTimePutsTheCursorOnItAndAnEndBeforeTheStartIsRefused() {
        var state = frameState()
        select(.session(.presentation), in: &state)
        state.press(.enter, .tab, .tab)
        state.type("9:65")
        state.press(.enter)
        guard case .form(let form)? = state.popup else { return XCTFail("refused: the form stays") }
        XCTAssertEqual(form.focus, 2)
        XCTAssertEqual(form.error, "« 9:65 » n’est pas une heure : écrivez par exemple 9:05, ou AAAA-MM-JJ 9:05")
        state.press(.control("u"))
        state.type("9:00")
        state.press(.tab)
        state.type("8:30")
        state.press(.enter)
        guard case .form(let again)? = state.popup else { return XCTFail("refused: the form stays") }
        XCTAssertEqual(again.error, "La fin est avant le début")
        XCTAssertEqual(again.focus, 3)
        XCTAssertNil(state.workshop.session(.presentation)?.startedAt)
        // Clearing a time clears it.
        state.press(.control("u"))
        state.type("2023-11-27 10:15")
        state.press(.enter)
        XCTAssertEqual(state.workshop.session(.presentation)?.endedAt, Timestamp(iso8601: "2023-11-27T10:15:00Z"))
        state.press(.enter, .tab, .tab, .control("u"), .tab, .control("u"), .enter)
        XCTAssertNil(state.workshop.session(.presentation)?.startedAt)
        XCTAssertNil(state.workshop.session(.presentation)?.endedAt)
    }

    func testLocalTimesReadBackAsTyped() {
        let day = WorkshopDate("2023-11-27")!
        let time = LocalTime.parse("9h", day: day, offsetSeconds: 3600)
        XCTAssertEqual(time, Timestamp(iso8601: "2023-11-27T08:00:00Z"))
        XCTAssertEqual(LocalTime.text(time!, day: day, offsetSeconds: 3600), "09:00")
        XCTAssertEqual(LocalTime.text(time!, day: WorkshopDate("2023-11-28"), offsetSeconds: 3600), "2023-11-27 09:00")
        for wrong in ["", "24:00", "9", "9:5:0", "neuf heures", "2023-13-01 9:00", "٩:٠٥"] {
            XCTAssertNil(LocalTime.parse(wrong, day: day, offsetSeconds: 0), wrong)
        }
    }

    func testASmallScreenScrollsToTheSelectedFieldAndSaysThereIsMore() {
        var state = frameState(width: 60, height: 16, lang: .en)
        XCTAssertTrue(state.screen[13].hasSuffix("▼"), state.screen.joined(separator: "\n"))
        select(.session(.synthesis), in: &state)
        let screen = state.screen
        XCTAssertTrue(screen.contains { $0.hasPrefix("  Session 3   Synthèse, perspectives et collaboration") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen[3].hasSuffix("▲"), screen.joined(separator: "\n"))
    }
}
