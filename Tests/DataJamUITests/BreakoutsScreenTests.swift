import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Session 2 driven through `update`, and its screen as plain text.
final class BreakoutsScreenTests: XCTestCase {
    func testScreenAt80x24() {
        let state = workshopState()
        XCTAssertEqual(state.screen, [
            " DataJam · Économie numérique  1 Présentation  [2 Data jam]  3 Synthèse   08:16",
            "",
            " Transport et Infrastructure (3)   Investissement (3)   Plénière (2)",
            "transport intelligent",
            "▸ Contraintes · Barrières techniques (1)",
            "›   Absence d’APIs  — Leïla",
            "▸ Opportunités (1)",
            "    Applications de mobilité",
            "▸ Cas d’usage (1)",
            "    Thnity : covoiturage",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " /tmp/atelier.json · ✓ enregistré",
            "abc Saisir  Enter Modifier  Tab Équipe suiv.  F9 Équipes…   F1 Aide  F10 Quitter",
        ].map { String($0.prefix(80)) }.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) })
    }

    func testNarrowScreenInEnglish() {
        var state = workshopState(width: 60, height: 16, lang: .en)
        state.press(.tab)
        let screen = state.screen
        XCTAssertEqual(screen[2], " Transport et Infrastructure (3)   Investissement (3)   Ple…")
        XCTAssertEqual(screen[4], "▸ Constraints · Barrières techniques (1)")
        XCTAssertEqual(screen[5], "›=  Absence d’API", "= marks a finding linked as the same point as another")
        XCTAssertTrue(screen[6].hasPrefix("▸ Data needs (1)"), screen[6])
        XCTAssertEqual(screen[7], "  ♀ Données ventilées par sexe sur l’emploi  [INS · missing")
        XCTAssertEqual(screen[8], "    · priority 5×4=20 · by sex]")
        XCTAssertEqual(screen.count, 16)
        XCTAssertTrue(screen[15].hasPrefix("abc Capture  Enter Edit"), screen[15])
    }

    func testCaptureRecordsAndStaysOpenForTheNext() {
        var state = workshopState()
        var effects = state.press(.alt("c"))
        XCTAssertEqual(effects, [])
        XCTAssertTrue(state.screen.contains { $0.contains("Contrainte ▸ Barrières techniques") })
        state.type("Décret non appliqué — عبد الله")
        effects = state.press(.down, .control("g"), .enter)
        XCTAssertEqual(effects.count, 1)
        guard case .save(let path, let saved, let revision)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(path, "/tmp/atelier.json")
        XCTAssertEqual(revision, 1)
        let added = saved.findings.last!
        XCTAssertEqual(added.text, "Décret non appliqué — عبد الله")
        XCTAssertEqual(added.kind, .constraint)
        XCTAssertEqual(added.category, "organisational")
        XCTAssertTrue(added.gender)
        XCTAssertEqual(added.teamId, "t-transport")
        XCTAssertNotNil(state.openWorkshop?.breakouts.editor, "the line stays open for the next finding")
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.categoryID, "organisational", "same category next time")
        XCTAssertFalse(state.openWorkshop!.breakouts.editor!.gender, "gender is per finding")

        state.type("Deuxième")
        state.press(.tab, .tab, .enter)
        XCTAssertEqual(state.workshop.findings.last?.kind, .dataNeed)
        XCTAssertNotNil(state.workshop.findings.last?.dataNeed)
        state.press(.escape)
        XCTAssertNil(state.openWorkshop?.breakouts.editor)
    }

    /// "Manque de données" typed on the list used to open an actor capture (a) holding "nque de
    /// données": the first letters were commands. Now every letter is text.
    func testTypingOnTheListOpensTheCaptureLineWithEveryLetter() {
        var state = workshopState()
        state.type("Manque de données")
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "Manque de données")
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.kind, .constraint, "the last kind used")
        state.press(.enter)
        XCTAssertEqual(state.workshop.findings.last?.text, "Manque de données")

        // Letters that are global keys elsewhere (1 2 3 u t ? q) are text here too.
        state = workshopState()
        state.type("12 tuteurs ? 3 quartiers")
        XCTAssertEqual(state.openWorkshop?.phase, .breakouts)
        XCTAssertFalse(state.shouldQuit)
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "12 tuteurs ? 3 quartiers")
    }

    /// `o` right after Enter on the open line became text "oCollaboration…": the kind keys were
    /// letters on the list but text on the line. Now the kind keys are Alt + letter on both, and a
    /// letter is text on both.
    func testKindKeysAreTheSameOnTheListAndOnTheLine() {
        var state = workshopState()
        state.press(.alt("c"))
        state.type("Décret non appliqué")
        state.press(.enter, .alt("o"))
        state.type("Collaboration avec les universités")
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.kind, .opportunity)
        state.press(.enter)
        XCTAssertEqual(state.workshop.findings.suffix(2).map(\.text), ["Décret non appliqué", "Collaboration avec les universités"])
        XCTAssertEqual(state.workshop.findings.suffix(2).map(\.kind), [.constraint, .opportunity])
        state.press(.escape, .alt("a"))
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.kind, .actor, "Alt-a on the list opens an actor capture")
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "")
    }

    /// Keys that work everywhere keep their F-key and Ctrl forms on the list and on the line.
    func testGlobalKeysWorkFromSession2ByTheirFunctionKeys() {
        var state = workshopState()
        state.type("Brouillon")
        state.press(.control("z"))
        XCTAssertEqual(state.status?.text, "Rien à annuler", "Ctrl-Z reaches undo from the line")
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "Brouillon")
        state.press(.function(4))
        XCTAssertEqual(state.openWorkshop?.phase, .synthesis)
        state.press(.function(3))
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "Brouillon", "the line is as it was left")
    }

    /// The footer never showed the details, team and category keys, and showed edit, delete,
    /// gender and move on a team without findings, where they do nothing.
    func testFooterShowsWhatWorksNowAndTheMostUsefulKeysThatFit() {
        var state = workshopState(width: 120)
        XCTAssertEqual(state.screen[23], "abc Saisir  Enter Modifier  Tab Équipe suiv.  F9 Équipes…  Del Suppr.  F7 Déplacer  Ctrl-G Genre    F1 Aide  F10 Quitter",
                       "F8 is left out: the constraint selected has no details")
        state.press(.tab, .down)
        XCTAssertEqual(state.openWorkshop?.breakouts.selectedID, "f-3", "a data need")
        XCTAssertTrue(state.screen[23].hasPrefix("abc Saisir  Enter Modifier  Tab Équipe suiv.  F8 Détails  F9 Équipes…"), state.screen[23])

        // A team without findings: only what can be done there.
        var workshop = WorkshopFixtures.complete()
        workshop.teams.append(Team(id: "t-empty", name: "Vide", createdAt: WorkshopFixtures.time(1)))
        state = workshopState(workshop: workshop)
        state.press(.backTab, .backTab)
        XCTAssertEqual(state.openWorkshop?.breakouts.teamID, "t-empty")
        XCTAssertEqual(state.screen[23], "abc Saisir  Tab Équipe suiv.  F9 Équipes…                   F1 Aide  F10 Quitter",
                       "nor undo: nothing to undo yet")
        state.press(.enter)
        XCTAssertEqual(state.status?.text, "Modifier : aucune trouvaille choisie", "a disabled key says why")
        XCTAssertNil(state.openWorkshop?.breakouts.editor)

        // The capture line: its own keys first, the category keys only for a constraint, help and quit.
        state.press(.alt("o"))
        XCTAssertEqual(state.screen[23], "Enter Enregistrer  Tab Type  Esc Sortir  Ctrl-G Genre       F1 Aide  F10 Quitter")
        state.press(.alt("c"))
        XCTAssertTrue(state.screen[23].contains("↑↓ Catégorie"), state.screen[23])
    }

    /// F1 works on the capture line too, and lists the line's keys.
    func testHelpFromTheCaptureLine() {
        var state = workshopState(height: 40)
        state.type("Brouillon")
        state.press(.function(1))
        guard case .help(let help)? = state.popup else { return XCTFail("F1 opens the help from the capture line") }
        XCTAssertTrue(help.sections[0].hints.contains { $0.keyLabel == "Alt-o" })
        XCTAssertFalse(help.sections[1].hints.contains { $0.keyLabel == "Esc" }, "Esc closes the line, it does not go home")
        state.press(.escape)
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "Brouillon")
    }

    func testRecordingUpdatesRowsAndCountsAsAFullRebuildWould() {
        var state = workshopState()
        state.press(.alt("c"))
        for (i, kind) in [Key.tab, .tab, .backTab].enumerated() {
            state.type("trouvaille \(i)")
            state.press(kind, .enter)
        }
        let open = state.openWorkshop!
        XCTAssertEqual(open.breakouts.rows, BreakoutRow.rows(for: open.breakouts.teamID, in: open.workshop))
        var counts: [String?: Int] = [:]
        for finding in open.workshop.findings.live { counts[finding.teamId, default: 0] += 1 }
        XCTAssertEqual(open.breakouts.counts, counts)
        XCTAssertEqual(state.screen[2], " Transport et Infrastructure (6)   Investissement (3)   Plénière (2)")
    }

    func testEscKeepsTheDraftAndEnterOnEmptyTextRecordsNothing() {
        var state = workshopState()
        state.press(.insert)
        XCTAssertEqual(state.press(.enter), [])
        state.type("à moitié tapé")
        state.press(.escape)
        XCTAssertEqual(state.workshop, WorkshopFixtures.complete().merged(with: WorkshopFixtures.complete()), "nothing recorded")
        state.press(.insert)
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "à moitié tapé", "the draft comes back")
    }

    func testEditDeleteUndoRedoGenderMove() {
        var state = workshopState()
        state.press(.enter)
        state.press(.control("u"))
        state.type("Absence d’API ouvertes")
        state.press(.enter)
        XCTAssertEqual(state.workshop.findings[0].text, "Absence d’API ouvertes")
        XCTAssertNil(state.openWorkshop?.breakouts.editor, "an edit closes the line")

        state.press(.delete)
        XCTAssertTrue(state.workshop.findings[0].isDeleted)
        XCTAssertEqual(state.openWorkshop?.breakouts.selectedID, "f-2", "the selection moves to the next finding")
        XCTAssertTrue(state.status!.text.contains("Ctrl-Z pour annuler"))
        state.press(.control("z"))
        XCTAssertFalse(state.workshop.findings[0].isDeleted)
        state.press(.control("r"))
        XCTAssertTrue(state.workshop.findings[0].isDeleted)
        state.press(.control("z"))

        state.press(.up, .up, .control("g"))
        XCTAssertTrue(state.workshop.findings[0].gender)

        state.press(.function(7))
        guard case .choice(let choice)? = state.popup else { return XCTFail("move opens a choice") }
        XCTAssertEqual(choice.options.map(\.label), ["Investissement", "Plénière"])
        state.press(.down, .enter)
        XCTAssertNil(state.workshop.findings[0].teamId, "moved to the plenary")
        XCTAssertEqual(state.status?.text, "Déplacée vers Plénière")
    }

    /// After a move or an undo the selection jumped to the top of the list.
    func testMoveAndUndoKeepTheSelectionOnTheFinding() {
        var state = workshopState()
        let ids = state.openWorkshop!.breakouts.rows.compactMap(\.findingID)
        XCTAssertEqual(ids.count, 3)
        state.press(.down)
        XCTAssertEqual(state.openWorkshop?.breakouts.selectedID, ids[1])
        state.press(.function(7), .enter)
        XCTAssertEqual(state.status?.text, "Déplacée vers Investissement")
        XCTAssertEqual(state.openWorkshop?.breakouts.selectedID, ids[2], "the next finding takes its place, not the top one")
        state.press(.control("z"))
        XCTAssertEqual(state.openWorkshop?.breakouts.selectedID, ids[1], "undone: back on the finding that came back")
        state.press(.down)
        state.press(.control("r"))
        XCTAssertEqual(state.openWorkshop?.breakouts.selectedID, ids[2], "redone: it leaves again, its place is kept")

        // Undoing an edit stays on the edited finding, wherever it is in the list.
        state.press(.down, .enter, .control("u"))
        state.type("Thnity : covoiturage solidaire")
        state.press(.enter, .up)
        XCTAssertNotEqual(state.openWorkshop?.breakouts.selectedID, ids[2])
        state.press(.control("z"))
        XCTAssertEqual(state.openWorkshop?.breakouts.selectedID, ids[2])
    }

    func testTeamsAndCategoriesCanBeAddedAndRenamed() {
        var state = workshopState()
        state.press(.function(9), .character("1"))
        state.type("Santé")
        state.press(.enter)
        XCTAssertEqual(state.workshop.teams.live.map(\.name).last, "Santé")
        XCTAssertEqual(state.openWorkshop?.breakouts.teamID, state.workshop.teams.live.last?.id, "the new team is shown")
        state.press(.function(9), .character("2"), .control("u"))
        state.type("Santé et affaires sociales")
        state.press(.enter)
        XCTAssertEqual(state.workshop.teams.live.last?.name, "Santé et affaires sociales")

        state.press(.function(9), .character("3"))
        state.type("Vie privée & éthique")
        state.press(.enter)
        XCTAssertEqual(state.workshop.categories.live.last?.id, "vie-privee-ethique")
        state.press(.function(9), .character("4"), .end, .enter, .control("u"))
        state.type("Éthique")
        state.press(.enter)
        XCTAssertEqual(state.workshop.categories.live.last?.label, "Éthique")

        state.press(.function(9), .character("1"))
        state.type("santé et affaires sociales")
        state.press(.enter)
        guard case .prompt(let prompt)? = state.popup else { return XCTFail("the name is refused and the prompt stays open") }
        XCTAssertEqual(prompt.error, "Une équipe s’appelle déjà « Santé et affaires sociales » : choisissez un autre nom (la casse et les accents ne comptent pas)")
        XCTAssertEqual(state.workshop.teams.live.count, 3)
    }

    func testDataNeedDetailsForm() {
        var state = workshopState()
        state.press(.tab, .down, .function(8))
        guard case .form(let form)? = state.popup else { return XCTFail("f opens the data-need form") }
        XCTAssertEqual(form.fields.map(\.label), ["Producteur", "Disponibilité", "Format voulu", "Ventilé par sexe", "Pertinence 1–5", "Impact 1–5"])
        state.press(.control("u"))
        state.type("Ministère de l’Emploi")
        state.press(.tab, .right, .tab, .tab, .character(" "), .tab, .backspace)
        state.type("9")
        state.press(.enter)
        guard case .form(let refused)? = state.popup else { return XCTFail("an out-of-range score is refused") }
        XCTAssertEqual(refused.error, "Pertinence 1–5 : un nombre de 1 à 5, ou vide")
        XCTAssertEqual(refused.focus, 4, "the cursor is in the field the message names, not in Impact")
        XCTAssertEqual(refused.errorField, 4)
        state.press(.backspace)
        state.type("3")
        state.press(.enter)
        XCTAssertNil(state.popup)
        let need = state.workshop.findings.first { $0.id == "f-3" }!.dataNeed!
        XCTAssertEqual(need.producer, "Ministère de l’Emploi")
        XCTAssertEqual(need.availability, .unusableFormat)
        XCTAssertFalse(need.sexDisaggregation)
        XCTAssertEqual(need.relevance, 3)
        XCTAssertEqual(need.impact, 4)
    }

    func testRapporteurModeStaysOnItsTeam() {
        var state = workshopState(rapporteur: "t-invest")
        XCTAssertEqual(state.openWorkshop?.breakouts.teamID, "t-invest")
        state.press(.tab, .backTab, .function(7))
        XCTAssertEqual(state.openWorkshop?.breakouts.teamID, "t-invest")
        XCTAssertNil(state.popup, "no moving to other teams")
        XCTAssertFalse(state.screen[2].contains("Transport"))
    }

    func testSelectionStaysVisibleWhenScrolling() {
        var workshop = WorkshopFixtures.complete()
        for i in 0..<60 {
            workshop.findings.append(Finding(id: "f-x\(i)", teamId: "t-transport", kind: .note,
                                             text: "Note numéro \(i) " + String(repeating: "longue ", count: i % 3 * 8),
                                             createdAt: WorkshopFixtures.time(100 + Int64(i))))
        }
        var state = workshopState(workshop: workshop)
        for _ in 0..<40 { state.press(.down) }
        let screen = state.screen
        XCTAssertTrue(screen.contains { $0.hasPrefix("›   Note numéro 37") }, screen.joined(separator: "\n"))
        state.press(.end)
        XCTAssertTrue(state.screen.contains { $0.hasPrefix("›   Note numéro 59") })
        state.press(.home)
        XCTAssertTrue(state.screen.contains { $0.hasPrefix("›   Absence d’APIs") })
    }
}
