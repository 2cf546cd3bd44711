import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Session 1 (the programme presentation) driven through its update, and its screen as plain text.
final class PresentationScreenTests: XCTestCase {
    // MARK: Helpers

    private func fixture() -> OpenWorkshop {
        OpenWorkshop(path: "/tmp/atelier.json", workshop: WorkshopFixtures.complete(), hasHome: true)
    }

    private func sample() throws -> OpenWorkshop {
        let path = RepositoryPaths.sampleSessionFiles[0]
        XCTAssertTrue(path.hasSuffix("2023-11-27-economie-numerique.json"), path)
        return OpenWorkshop(path: path, workshop: try SessionStore().load(path), hasHome: true)
    }

    /// The screen's context for a terminal of `width` × `height`: the content area between the
    /// header (and its blank line) and the status and footer lines.
    private func context(_ lang: Lang = .fr, width: Int = 80, height: Int = 24) -> ScreenContext {
        ScreenContext(lang: lang, now: WorkshopFixtures.time(100), area: Rect(x: 0, y: 2, width: width, height: height - 4))
    }

    private func render(_ open: OpenWorkshop, _ lang: Lang = .fr, width: Int = 80, height: Int = 24) -> [String] {
        var buffer = ScreenBuffer(width: width, height: height)
        _ = PresentationView.render(open, into: &buffer, context(lang, width: width, height: height))
        return buffer.lines
    }

    @discardableResult
    private func press(_ keys: Key..., on open: inout OpenWorkshop, _ lang: Lang = .fr) -> [Reaction] {
        keys.map { PresentationUpdate.handle($0, &open, context(lang)) }
    }

    private func outline(_ open: OpenWorkshop) -> [OutlineItem] {
        open.workshop.session(.presentation)?.outline ?? []
    }

    private func titles(_ open: OpenWorkshop) -> [String] { outline(open).map(\.title) }

    private func group(_ open: OpenWorkshop, named name: String) -> ParticipantGroup? {
        open.workshop.participantGroups.live.first { $0.name == name }
    }

    /// The popup a reaction opens, as its purpose, or nil.
    private func purpose(_ reaction: Reaction) -> PresentationPurpose? {
        switch reaction.popup {
        case .prompt(let prompt)?: if case .presentation(let p) = prompt.purpose { return p }
        case .form(let form)?: if case .presentation(let p) = form.purpose { return p }
        case .editor(let editor)?: if case .presentation(let p) = editor.purpose { return p }
        default: break
        }
        return nil
    }

    private func formValues(_ reaction: Reaction) -> [FormValue]? {
        if case .form(let form)? = reaction.popup { return form.values }
        return nil
    }

    private func saves(_ reaction: Reaction) -> Int {
        reaction.effects.filter { if case .save = $0 { true } else { false } }.count
    }

    /// Gives the first slide three points, so the slide has something to show.
    private func withPoints(_ open: inout OpenWorkshop) {
        let renamed = PresentationUpdate.resolve(.renameSlide(index: 0), .text("Stratégie nationale d’open data"), &open, context())
        XCTAssertEqual(saves(renamed), 1)
        let reaction = PresentationUpdate.resolve(.editSlide(index: 0), .list([
            "Portail data.gov.tn : plus de 2400 jeux de données", "Décret 2018-41 relatif aux données publiques ouvertes",
            "Un réseau de points focaux dans chaque ministère",
        ]), &open, context())
        XCTAssertEqual(saves(reaction), 1)
    }

    private func assertScreen(_ actual: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, "rows", file: file, line: line)
        for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
            XCTFail("row \(i):\n  got      «\(a)»\n  expected «\(e)»\nwhole screen:\n\(actual.joined(separator: "\n"))", file: file, line: line)
            return
        }
    }

    // MARK: Slides

    func testArrowsPageKeysAndSpaceChangeSlidesAndStopAtTheEnds() {
        var open = fixture()
        XCTAssertEqual(outline(open).count, 4)
        press(.left, on: &open)
        XCTAssertEqual(open.presentation.slide, 0)
        press(.right, on: &open)
        XCTAssertEqual(open.presentation.slide, 1)
        press(.character(" "), .pageDown, on: &open)
        XCTAssertEqual(open.presentation.slide, 3)
        press(.right, .character(" "), on: &open)
        XCTAssertEqual(open.presentation.slide, 3, "stays on the last slide")
        press(.pageUp, on: &open)
        XCTAssertEqual(open.presentation.slide, 2)
        press(.home, on: &open)
        XCTAssertEqual(open.presentation.slide, 0)
        press(.end, on: &open)
        XCTAssertEqual(open.presentation.slide, 3)
        XCTAssertTrue(render(open)[2].hasPrefix("▶ Diapositive 4/4 · Présentation du programme national d’open data"), render(open)[2])
        XCTAssertEqual(render(open)[3], "  Potentiel de réutilisation : Économie numérique")
    }

    func testGlobalKeysAreLeftToTheRoot() {
        var open = fixture()
        for panel in PresentationPanel.allCases {
            open.presentation.focus = panel
            for key: Key in [.character("1"), .character("2"), .character("3"), .character("u"), .character("t"),
                             .character("q"), .character("?"), .escape, .control("r"), .control("z"), .function(5)] {
                let reaction = PresentationUpdate.handle(key, &open, context())
                XCTAssertFalse(reaction.handled, "\(key) in \(panel)")
            }
        }
        XCTAssertFalse(PresentationUpdate.isTyping(open))
    }

    func testAddingASlideInsertsItAfterTheCurrentOneAndUndoRemovesIt() {
        var open = fixture()
        press(.right, on: &open)
        let reaction = PresentationUpdate.handle(.character("a"), &open, context())
        XCTAssertEqual(purpose(reaction), .addSlide(after: 1))
        XCTAssertEqual(saves(reaction), 0, "nothing changes before the title is typed")

        let added = PresentationUpdate.resolve(.addSlide(after: 1), .text("Open data et genre"), &open, context())
        XCTAssertEqual(saves(added), 1)
        XCTAssertEqual(titles(open), ["Stratégie", "Cadre juridique", "Open data et genre", "Cadre technique",
                                      "Potentiel de réutilisation : Économie numérique"])
        XCTAssertEqual(open.presentation.slide, 2)
        XCTAssertEqual(added.status, "Diapositive ajoutée (3/5) : ses points, un par ligne")
        if case .editor(let editor)? = added.popup {
            XCTAssertEqual(editor.purpose, .presentation(.editSlide(index: 2)), "its points next")
        } else { XCTFail("the points editor follows") }
        XCTAssertTrue(render(open)[2].hasPrefix("▶ Diapositive 3/5 ·"), render(open)[2])

        let (label, effects) = open.undo(now: WorkshopFixtures.time(200))
        XCTAssertEqual(label, "Diapositive ajoutée")
        XCTAssertEqual(effects.count, 1)
        XCTAssertEqual(outline(open).count, 4)
        // The slide index now points past the end: it is read clamped.
        XCTAssertTrue(render(open)[2].hasPrefix("▶ Diapositive 3/4 ·"), render(open)[2])
        XCTAssertEqual(render(open)[3], "  Cadre technique")
    }

    func testEditingASlideTakesItsPointsOnePerLineWhateverTheyHold() {
        var open = fixture()
        press(.right, on: &open)
        let reaction = PresentationUpdate.handle(.character("e"), &open, context())
        XCTAssertEqual(purpose(reaction), .editSlide(index: 1))
        guard case .editor(let editor)? = reaction.popup else { return XCTFail("e opens the list editor") }
        XCTAssertEqual(editor.kind, .list)
        XCTAssertEqual(editor.area.text, "")
        XCTAssertEqual(PresentationUpdate.handle(.enter, &open, context()).popup.map { _ in true }, true, "Enter edits too")

        // A point may hold a ";" or a ",": a line is a point.
        let points = ["Loi organique 2016-22 ; article 3", "Décret 2018-41, sur les données publiques", "Circulaire 2020"]
        let edited = PresentationUpdate.resolve(.editSlide(index: 1), .list(points), &open, context())
        XCTAssertEqual(saves(edited), 1)
        XCTAssertEqual(outline(open)[1], OutlineItem(title: "Cadre juridique", points: points))

        // The editor comes back with one point per line.
        guard case .editor(let again)? = PresentationUpdate.handle(.character("e"), &open, context()).popup else { return XCTFail() }
        XCTAssertEqual(again.area.text, points.joined(separator: "\n"))

        // Finishing it unchanged records nothing.
        let same = PresentationUpdate.resolve(.editSlide(index: 1), again.result, &open, context())
        XCTAssertEqual(saves(same), 0)
        XCTAssertEqual(same.status, "Rien de changé")
    }

    func testRenamingASlideKeepsItsPoints() {
        var open = fixture()
        withPoints(&open)
        let reaction = PresentationUpdate.handle(.character("r"), &open, context())
        XCTAssertEqual(purpose(reaction), .renameSlide(index: 0))
        if case .prompt(let prompt)? = reaction.popup { XCTAssertEqual(prompt.editor.text, "Stratégie nationale d’open data") } else { XCTFail() }
        let renamed = PresentationUpdate.resolve(.renameSlide(index: 0), .text("Stratégie ; open data"), &open, context())
        XCTAssertEqual(saves(renamed), 1)
        XCTAssertEqual(outline(open)[0].title, "Stratégie ; open data")
        XCTAssertEqual(outline(open)[0].points.count, 3)
    }

    func testDeletingASlideIsUndoable() {
        var open = fixture()
        press(.end, on: &open)
        let reaction = PresentationUpdate.handle(.character("x"), &open, context())
        XCTAssertEqual(saves(reaction), 1)
        XCTAssertEqual(reaction.status, "Diapositive supprimée : « Potentiel de réutilisation : … » (u pour annuler)")
        XCTAssertEqual(titles(open), ["Stratégie", "Cadre juridique", "Cadre technique"])
        XCTAssertEqual(open.presentation.slide, 2, "the slide before takes its place")
        _ = open.undo(now: WorkshopFixtures.time(200))
        XCTAssertEqual(outline(open).count, 4)
        XCTAssertEqual(titles(open).last, "Potentiel de réutilisation : Économie numérique")
        _ = open.redo(now: WorkshopFixtures.time(201))
        XCTAssertEqual(outline(open).count, 3)
    }

    func testSlidesMoveEarlierAndLater() {
        var open = fixture()
        press(.right, on: &open)
        XCTAssertEqual(saves(PresentationUpdate.handle(.character(">"), &open, context())), 1)
        XCTAssertEqual(titles(open).prefix(3), ["Stratégie", "Cadre technique", "Cadre juridique"])
        XCTAssertEqual(open.presentation.slide, 2, "the slide moved is still the one shown")
        press(.character("<"), .character("<"), on: &open)
        XCTAssertEqual(titles(open).prefix(3), ["Cadre juridique", "Stratégie", "Cadre technique"])
        XCTAssertEqual(open.presentation.slide, 0)
        XCTAssertEqual(saves(PresentationUpdate.handle(.character("<"), &open, context())), 0, "already first")
    }

    func testAWorkshopWithoutSlidesSaysSoAndTheFirstSlideCanBeAdded() {
        var open = fixture()
        open.workshop.sessions.removeAll { $0.id == .presentation }
        XCTAssertEqual(render(open)[2], "▶ Diapositives ─────────────────────────────────────────────────────────────────")
        XCTAssertEqual(render(open)[3], "  Aucune diapositive : a pour en ajouter une.")
        XCTAssertEqual(PresentationUpdate.handle(.character("e"), &open, context()).status, "Aucune diapositive : a pour en ajouter une")
        XCTAssertEqual(saves(PresentationUpdate.handle(.character("x"), &open, context())), 0)
        let reaction = PresentationUpdate.handle(.character("a"), &open, context())
        XCTAssertEqual(purpose(reaction), .addSlide(after: -1))
        _ = PresentationUpdate.resolve(.addSlide(after: -1), .text("Bienvenue"), &open, context())
        XCTAssertEqual(titles(open), ["Bienvenue"])
        XCTAssertEqual(open.workshop.session(.presentation)?.title, "Présentation du programme national d’open data")
        XCTAssertTrue(SemanticValidator.problems(in: open.workshop).isEmpty)
    }

    // MARK: Focus and footer

    func testTabMovesTheFocusAndTheFooterFollowsIt() {
        var open = fixture()
        func footer() -> [String] { PresentationUpdate.hints(open).filter(\.footer).map { "\($0.keyLabel) \($0.short(.fr))" } }
        XCTAssertEqual(open.presentation.focus, .slides)
        XCTAssertEqual(footer(), ["←→ Diapo", "p Projeter", "c Cadre", "Tab Panneau", "a Ajouter", "e Points", "x Suppr."])
        press(.tab, on: &open)
        XCTAssertEqual(open.presentation.focus, .participants)
        XCTAssertEqual(open.presentation.selectedGroupID, "g-admin")
        XCTAssertTrue(render(open)[10].hasPrefix("▶ Participants"), render(open)[10])
        XCTAssertTrue(render(open)[2].hasPrefix("  Diapositive 1/4"), render(open)[2])
        XCTAssertEqual(footer(), ["←→ Diapo", "p Projeter", "c Cadre", "Tab Panneau", "↑↓ Groupe", "a Ajouter", "e Modifier", "x Suppr."])
        press(.tab, on: &open)
        XCTAssertEqual(open.presentation.focus, .notes)
        XCTAssertTrue(render(open)[19].hasPrefix("▶ Notes de l’animateur"), render(open)[19])
        XCTAssertEqual(footer(), ["←→ Diapo", "p Projeter", "c Cadre", "Tab Panneau", "e Écrire", "x Effacer"])
        press(.tab, on: &open)
        XCTAssertEqual(open.presentation.focus, .slides)
        press(.backTab, on: &open)
        XCTAssertEqual(open.presentation.focus, .notes)
        // ←→ still change slides whatever the focus.
        press(.right, on: &open)
        XCTAssertEqual(open.presentation.slide, 1)
        // The help overlay lists every key, in both languages.
        let help = PresentationUpdate.hints(open).map { $0.help(.en) }
        XCTAssertTrue(help.contains("Leave projection mode (Esc too)") == false)
        XCTAssertTrue(help.contains("Projection mode: the slide alone, full size"), "\(help)")
    }

    // MARK: Projection

    func testProjectionShowsTheSlideAloneWithTheWorkshopLine() {
        var open = fixture()
        withPoints(&open)
        let reaction = PresentationUpdate.handle(.character("p"), &open, context())
        XCTAssertTrue(open.presentation.projecting)
        XCTAssertEqual(reaction.status, "Projection : ←→ pour les diapositives, p ou Échap pour revenir")
        assertScreen(render(open), [
            "",
            "",
            "",
            "                        Stratégie nationale d’open data",
            "                        ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
            "",
            "            •  Portail data.gov.tn : plus de 2400 jeux de données",
            "",
            "            •  Décret 2018-41 relatif aux données publiques ouvertes",
            "",
            "            •  Un réseau de points focaux dans chaque ministère",
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
            " Économie numérique · 27 novembre 2023 · Tunis                              1/4",
            "",
            "",
        ])
        XCTAssertEqual(PresentationUpdate.hints(open).filter(\.footer).map(\.keyLabel), ["←→", "p"])
        // Editing keys do nothing on the projected slide; slide keys still work.
        for key: Key in [.character("a"), .character("e"), .character("x"), .tab] {
            XCTAssertFalse(PresentationUpdate.handle(key, &open, context()).handled, "\(key)")
        }
        press(.character(" "), on: &open)
        XCTAssertEqual(Array(render(open)[10...12]), ["", "                                Cadre juridique", "                                ━━━━━━━━━━━━━━━"],
                       "a title alone sits in the middle")
        XCTAssertEqual(render(open)[21], " Économie numérique · 27 novembre 2023 · Tunis                              2/4")
        // Esc leaves projection (and only there does the screen take Esc).
        XCTAssertTrue(PresentationUpdate.handle(.escape, &open, context()).handled)
        XCTAssertFalse(open.presentation.projecting)
        press(.character("p"), .character("p"), on: &open)
        XCTAssertFalse(open.presentation.projecting)
    }

    func testProjectedLineInEnglishOnTheSample() throws {
        var open = try sample()
        open.presentation.projecting = true
        open.presentation.slide = 3
        let screen = render(open, .en, width: 120, height: 30)
        XCTAssertEqual(screen[14], String(repeating: " ", count: 27) + "Potentiel de réutilisation dans le domaine de l’économie numérique")
        XCTAssertEqual(screen[27], " Économie numérique · 27 November 2023 · Tunis" + String(repeating: " ", count: 70) + "4/4")
    }

    // MARK: Participants

    func testGroupsAreSelectedWithArrowsOnlyWhenTheirPanelHasTheFocus() {
        var open = fixture()
        press(.down, on: &open)
        XCTAssertNil(open.presentation.selectedGroupID, "↓ is not bound on the slides")
        press(.tab, .down, on: &open)
        XCTAssertEqual(open.presentation.selectedGroupID, "g-civil")
        press(.down, on: &open)
        XCTAssertEqual(open.presentation.selectedGroupID, "g-civil", "stays on the last group")
        press(.character("k"), on: &open)
        XCTAssertEqual(open.presentation.selectedGroupID, "g-admin")
    }

    func testAddingAGroupFromTheSignInSheet() {
        var open = fixture()
        press(.tab, on: &open)
        let reaction = PresentationUpdate.handle(.character("a"), &open, context())
        XCTAssertEqual(purpose(reaction), .addGroup)
        XCTAssertEqual(formValues(reaction), [.text(""), .number(nil), .number(nil), .number(nil), .number(nil)])

        let added = PresentationUpdate.resolve(.addGroup, .form([
            .text("Médias"), .number(7), .number(4), .number(3), .number(nil),
        ]), &open, context())
        XCTAssertEqual(saves(added), 1)
        XCTAssertEqual(added.status, "Groupe ajouté : Médias")
        // Its organisations next, one per line.
        guard case .editor(let editor)? = added.popup, case .presentation(.organisations(let id)) = editor.purpose else {
            return XCTFail("the organisations editor follows")
        }
        let listed = PresentationUpdate.resolve(.organisations(groupID: id), .list(["La Presse", "Nawaat", "Inkyfada"]), &open, context())
        XCTAssertEqual(saves(listed), 1)
        let media = try! XCTUnwrap(group(open, named: "Médias"))
        XCTAssertEqual(media.headcount, 7)
        XCTAssertEqual(media.women, 4)
        XCTAssertEqual(media.men, 3)
        XCTAssertNil(media.notStated, "left empty: unknown, not zero")
        XCTAssertEqual(media.organisations, ["La Presse", "Nawaat", "Inkyfada"])
        XCTAssertEqual(open.presentation.selectedGroupID, media.id)
        XCTAssertTrue(SemanticValidator.problems(in: open.workshop).isEmpty)
        XCTAssertTrue(render(open).contains("› Médias · 7 participants"), render(open).joined(separator: "\n"))
    }

    func testEditingAGroupKeepsAnOrganisationWhoseNameHasACommaAndThePeopleNamed() throws {
        var open = try sample()
        press(.tab, on: &open)
        let reaction = PresentationUpdate.handle(.enter, &open, context())
        XCTAssertEqual(purpose(reaction), .editGroup(groupID: "g-administration"))
        var values = try XCTUnwrap(formValues(reaction))
        XCTAssertEqual(values[0], .text("Administration"))
        XCTAssertEqual(values[1], .number(24))
        XCTAssertEqual(values[2], .number(nil))
        let organisations = try XCTUnwrap(group(open, named: "Administration")).organisations
        values[2] = .number(9)
        values[3] = .number(15)
        let edited = PresentationUpdate.resolve(.editGroup(groupID: "g-administration"), .form(values), &open, context())
        XCTAssertEqual(saves(edited), 1)
        // Organisations have their own editor, one per line: a name with a comma comes back whole.
        guard case .editor(let editor)? = PresentationUpdate.handle(.character("o"), &open, context()).popup else { return XCTFail("o") }
        XCTAssertEqual(editor.area.lines, organisations)
        XCTAssertTrue(organisations.contains("Ministère du Développement, de l’Investissement et de la Coopération Internationale"))
        let listed = PresentationUpdate.resolve(.organisations(groupID: "g-administration"),
                                                .list(organisations + ["Banque centrale, direction statistique"]), &open, context())
        XCTAssertEqual(saves(listed), 1)
        let administration = try XCTUnwrap(group(open, named: "Administration"))
        XCTAssertEqual(administration.organisations, organisations + ["Banque centrale, direction statistique"])
        XCTAssertEqual(administration.women, 9)
        XCTAssertEqual(administration.men, 15)
        XCTAssertEqual(render(open)[12], "    F ███▊ 9 · H ██████▎ 15")

        // People named on a group are not in the form, and an edit keeps them.
        var fixture = fixture()
        press(.tab, .enter, on: &fixture)
        _ = PresentationUpdate.resolve(.editGroup(groupID: "g-admin"), .form([
            .text("Administration publique"), .number(24), .number(11), .number(12), .number(1),
        ]), &fixture, context())
        XCTAssertEqual(group(fixture, named: "Administration publique")?.people, ["Mohamed Ali"])
    }

    func testCountsAboveTheHeadcountAreRefusedWithAClearMessage() throws {
        var open = fixture()
        press(.tab, on: &open)
        let before = open.workshop
        let typed: [FormValue] = [.text("Administration"), .number(24), .number(13), .number(12), .number(1)]
        let refused = PresentationUpdate.resolve(.editGroup(groupID: "g-admin"), .form(typed), &open, context())
        XCTAssertEqual(saves(refused), 0)
        XCTAssertEqual(open.workshop, before, "nothing saved")
        XCTAssertEqual(refused.status, "Femmes + hommes + non précisé = 26, plus que l’effectif (24)")
        // The form comes back with what was typed, so only the wrong number needs retyping.
        XCTAssertEqual(formValues(refused), typed)
        XCTAssertEqual(purpose(refused), .editGroup(groupID: "g-admin"))

        // The same for a new group, in English.
        let english = PresentationUpdate.resolve(.addGroup, .form([.text("Médias"), .number(5), .number(4), .number(3), .number(nil)]),
                                                 &open, context(.en))
        XCTAssertEqual(english.status, "Women + men + not stated = 7, more than the headcount (5)")
        XCTAssertEqual(open.workshop, before)

        // No name, or a number out of range, are refused too.
        XCTAssertEqual(PresentationUpdate.resolve(.addGroup, .form([.text(" "), .number(5), .number(nil), .number(nil), .number(nil)]),
                                                  &open, context()).status, "Donnez un nom au groupe (par exemple « Administration »)")
        XCTAssertEqual(PresentationUpdate.resolve(.addGroup, .form([.text("Médias"), .number(100_001), .number(nil), .number(nil), .number(nil)]),
                                                  &open, context()).status, "Les nombres vont de 0 à 100000")
        XCTAssertEqual(open.workshop, before)

        // Counts without a headcount are fine: nothing to exceed.
        let fine = PresentationUpdate.resolve(.addGroup, .form([.text("Médias"), .number(nil), .number(4), .number(3), .number(nil)]),
                                              &open, context())
        XCTAssertEqual(saves(fine), 1)
        XCTAssertTrue(SemanticValidator.problems(in: open.workshop).isEmpty)
    }

    func testDeletingAGroupSelectsTheNextOneAndUndoBringsItBack() {
        var open = fixture()
        press(.tab, on: &open)
        let reaction = PresentationUpdate.handle(.character("x"), &open, context())
        XCTAssertEqual(saves(reaction), 1)
        XCTAssertEqual(reaction.status, "Groupe supprimé : « Administration » (u pour annuler)")
        XCTAssertNotNil(open.workshop.participantGroups.record(withID: "g-admin")?.deletedAt, "a tombstone, for merges")
        XCTAssertEqual(open.workshop.participantGroups.live.map(\.id), ["g-civil"])
        XCTAssertEqual(open.presentation.selectedGroupID, "g-civil")
        XCTAssertEqual(render(open)[11], "› Société civile et secteur privé · 18 participants")
        XCTAssertEqual(render(open)[18], "  Total : 18 participants · répartition F/H non renseignée")
        // A form opened before the deletion does not bring the group back half-way.
        let late = PresentationUpdate.resolve(.editGroup(groupID: "g-admin"), .form([
            .text("Administration"), .number(25), .number(nil), .number(nil), .number(nil),
        ]), &open, context())
        XCTAssertEqual(late.status, "Ce groupe a été supprimé entre-temps")
        XCTAssertEqual(saves(late), 0)
        _ = open.undo(now: WorkshopFixtures.time(200))
        XCTAssertEqual(open.workshop.participantGroups.live.map(\.id), ["g-admin", "g-civil"])
        press(.character("x"), .character("x"), on: &open)
        XCTAssertEqual(open.workshop.participantGroups.live.count, 0)
        XCTAssertNil(open.presentation.selectedGroupID)
        XCTAssertEqual(render(open)[11], "  Aucun groupe : a pour en ajouter un (depuis la feuille d’émargement).")
        XCTAssertEqual(saves(PresentationUpdate.handle(.character("x"), &open, context())), 0)
        XCTAssertEqual(PresentationUpdate.handle(.character("e"), &open, context()).status, "Aucun groupe : a pour en ajouter un")
    }

    func testBalanceShowsUnknownCountsAsUnknownNeverAsNumbers() {
        func balance(_ group: ParticipantGroup, _ lang: Lang = .fr) -> String { ParticipantsText.balance(group, lang: lang).joined(separator: " · ") }
        XCTAssertEqual(balance(ParticipantGroup(name: "A", headcount: 24, women: 11, men: 12, notStated: 1)), "F ████▋ 11 · H █████ 12 · ? ▍ 1")
        XCTAssertEqual(balance(ParticipantGroup(name: "A", headcount: 24, women: 11, men: 12, notStated: 1), .en), "W ████▋ 11 · M █████ 12 · ? ▍ 1")
        XCTAssertEqual(balance(ParticipantGroup(name: "A", headcount: 18)), "répartition F/H non renseignée")
        XCTAssertEqual(balance(ParticipantGroup(name: "A")), "répartition F/H non renseignée")
        XCTAssertEqual(balance(ParticipantGroup(name: "A"), .en), "women/men split not recorded")
        XCTAssertEqual(balance(ParticipantGroup(name: "A", headcount: 10, women: 5)), "F █████ 5 · non renseigné 5")
        XCTAssertEqual(balance(ParticipantGroup(name: "A", headcount: 10, women: 0, men: 10)), "F 0 · H ██████████ 10")
        XCTAssertEqual(balance(ParticipantGroup(name: "A", headcount: 10, women: 4, men: 3), .en), "W ████ 4 · M ███ 3 · not recorded 3")
        // Without a headcount there is nothing to draw a share of: numbers only.
        XCTAssertEqual(balance(ParticipantGroup(name: "A", women: 4, men: 3)), "F 4 · H 3")
        XCTAssertEqual(ParticipantsText.title(ParticipantGroup(name: "Médias"), lang: .fr), "Médias · effectif non renseigné")
        XCTAssertEqual(ParticipantsText.title(ParticipantGroup(name: "Médias", headcount: 1), lang: .en), "Médias · 1 participant")

        let groups = [ParticipantGroup(name: "A", headcount: 10, women: 4, men: 6), ParticipantGroup(name: "B", women: 2),
                      ParticipantGroup(name: "C", headcount: 5)]
        XCTAssertEqual(ParticipantsText.total(groups, bars: false, lang: .fr).joined(separator: " · "),
                       "Total : 15 participants (+ 1 groupe sans effectif) · F 6 · H 6 · non renseigné 5")
        XCTAssertEqual(ParticipantsText.pack(["Total : 42", "F ██▋ 11", "H ██▉ 12"], width: 22), ["Total : 42 · F ██▋ 11", "H ██▉ 12"])
    }

    func testOrganisationsShowTheFirstFewAndHowManyMore() {
        let names = ["EGOV Unit", "INS", "SNCFT", "Transtu", "ONAGRI", "SONEDE"]
        XCTAssertEqual(ParticipantsText.organisations(names, width: 40, maxLines: 1, lang: .fr), ["6 organisations : EGOV Unit, INS, … +4"])
        XCTAssertEqual(ParticipantsText.organisations(names, width: 40, maxLines: 2, lang: .en),
                       ["6 organisations: EGOV Unit, INS, SNCFT,", "Transtu, ONAGRI, SONEDE"])
        XCTAssertEqual(ParticipantsText.organisations([], width: 40, maxLines: 2, lang: .fr), [])
        XCTAssertEqual(ParticipantsText.organisations(["Thnity"], width: 40, maxLines: 2, lang: .fr), ["1 organisation : Thnity"])

        // "11 organisations : … +11" said nothing when the first name was long: as much of it as fits.
        let long = ["Agence nationale de la statistique et des études économiques"] + (2...11).map { "Org \($0)" }
        XCTAssertEqual(ParticipantsText.organisations(long, width: 40, maxLines: 1, lang: .fr), ["11 organisations : Agence national…, +10"])
        XCTAssertEqual(ParticipantsText.organisations(Array(long.prefix(1)), width: 30, maxLines: 1, lang: .en), ["1 organisation: Agence nation…"])
    }

    // MARK: Notes

    func testNotesArePromptedSavedWrappedAndCleared() {
        var open = fixture()
        press(.backTab, on: &open)
        XCTAssertEqual(open.presentation.focus, .notes)
        let reaction = PresentationUpdate.handle(.character("e"), &open, context())
        XCTAssertEqual(purpose(reaction), .notes)
        let notes = "Rappeler l’objectif genre ; demander aux ministères leurs points focaux ; photo de groupe à 16 h avant la synthèse"
        let saved = PresentationUpdate.resolve(.notes, .text(notes), &open, context())
        XCTAssertEqual(saves(saved), 1)
        XCTAssertEqual(open.workshop.details.facilitatorNotes, notes)
        let screen = render(open)
        XCTAssertEqual(screen[19], "▶ Notes de l’animateur " + String(repeating: "─", count: 57))
        XCTAssertEqual(screen[20], "  Rappeler l’objectif genre ; demander aux ministères leurs points focaux ;")
        XCTAssertEqual(screen[21], "  photo de groupe à 16 h avant la synthèse")
        // The editor opens on the notes as they are.
        if case .editor(let editor)? = PresentationUpdate.handle(.enter, &open, context()).popup {
            XCTAssertEqual(editor.area.text, notes)
            XCTAssertEqual(editor.kind, .text)
        } else { XCTFail("no editor") }
        // x clears them, u brings them back.
        let cleared = PresentationUpdate.handle(.character("x"), &open, context())
        XCTAssertEqual(cleared.status, "Notes effacées (u pour annuler)")
        XCTAssertEqual(open.workshop.details.facilitatorNotes, "")
        XCTAssertEqual(open.undo(now: WorkshopFixtures.time(300)).label, "Notes effacées")
        XCTAssertEqual(open.workshop.details.facilitatorNotes, notes)
    }

    // MARK: Through the whole app, popups included

    func testTheFacilitatorFillsAGroupThroughTheFormAndFixesARefusedCount() {
        var open = fixture()
        open.phase = .presentation
        var state = AppState(lang: .fr, width: 80, height: 24, now: WorkshopFixtures.time(1000), sessionsFolder: "/tmp", route: .workshop(open))
        func press(_ keys: Key...) -> [Effect] { keys.flatMap { AppUpdate.update(&state, .key($0)) } }
        func type(_ text: String) { for c in text { _ = AppUpdate.update(&state, .key(.character(c))) } }
        func screen() -> [String] { AppView.render(state).buffer.lines }

        // The footer keeps the first bindings that fit, then help and quit.
        XCTAssertTrue(screen()[23].hasPrefix("←→ Diapo  p Projeter  c Cadre  Tab Panneau  a Ajouter "), screen()[23])
        XCTAssertTrue(screen()[23].hasSuffix("? Aide  q Quitter"), screen()[23])
        XCTAssertEqual(press(.tab, .character("a")), [])
        type("Médias")
        _ = press(.tab)
        type("7")
        _ = press(.tab)
        type("5")
        _ = press(.tab)
        type("3")
        XCTAssertEqual(press(.enter), [], "5 + 3 > 7: refused")
        XCTAssertTrue(screen().contains { $0.contains("│ Femmes + hommes + non précisé = 8, plus que l’effectif (7)") }, screen().joined(separator: "\n"))
        guard case .form(let form)? = state.popup else { return XCTFail("the form is still open") }
        XCTAssertEqual(form.values[3], .number(3), "what was typed is kept")

        // The cursor stays in the count being typed, not thrown back to the headcount: fix it there.
        XCTAssertEqual(form.focus, 3)
        _ = press(.backspace)
        type("2")
        let effects = press(.enter)
        XCTAssertEqual(effects.count, 1)
        XCTAssertEqual(state.status?.text, "Groupe ajouté : Médias")
        // The organisations editor follows: one per line, Ctrl-S to finish.
        guard case .editor? = state.popup else { return XCTFail("the organisations editor follows") }
        type("La Presse")
        _ = press(.enter)
        type("Nawaat")
        XCTAssertEqual(press(.control("s")).count, 1)
        XCTAssertNil(state.popup)
        let media = try! XCTUnwrap(state.openWorkshop?.workshop.participantGroups.live.first { $0.name == "Médias" })
        XCTAssertEqual([media.headcount, media.women, media.men, media.notStated], [7, 5, 2, nil])
        XCTAssertEqual(media.organisations, ["La Presse", "Nawaat"])

        // u undoes it (its organisations, then the group), from the presentation screen.
        _ = press(.character("u"), .character("u"))
        XCTAssertNil(state.openWorkshop?.workshop.participantGroups.live.first { $0.name == "Médias" })
        // 2 still switches sessions.
        _ = press(.character("2"))
        XCTAssertEqual(state.openWorkshop?.phase, .breakouts)
    }

    /// After a refused sum the cursor jumped to the headcount, so the Ctrl-U meant for the count
    /// being typed cleared the headcount, silently. Now it stays in the count being typed.
    func testARefusedCountKeepsTheCursorInTheFieldBeingTypedAndLettersAreRefusedVisibly() {
        var state = workshopState(phase: .presentation)
        state.press(.tab, .character("a"))
        state.type("Médias")
        state.press(.tab)
        state.type("7")
        state.press(.tab)
        state.type("9")
        state.press(.enter)
        guard case .form(let form)? = state.popup else { return XCTFail("the form is still open") }
        XCTAssertEqual(form.error, "Femmes + hommes + non précisé = 9, plus que l’effectif (7)")
        XCTAssertEqual(form.focus, 2, "the cursor stays in Femmes, where the wrong number was typed")
        state.press(.control("u"))
        state.type("4")
        guard case .form(let fixed)? = state.popup else { return XCTFail() }
        XCTAssertEqual(fixed.values[1], .number(7), "the headcount is untouched")
        XCTAssertEqual(fixed.values[2], .number(4))

        // A letter in a number field is refused with a message, in place.
        state.press(.tab)
        state.type("x")
        guard case .form(let refused)? = state.popup else { return XCTFail() }
        XCTAssertEqual(refused.error, "Hommes : des chiffres seulement (« x » refusé)")
        XCTAssertEqual(refused.values[3], .number(nil))
        XCTAssertTrue(state.screen.contains { $0.contains("Hommes : des chiffres seulement") }, state.screen.joined(separator: "\n"))
        state.type("3")
        guard case .form(let typed)? = state.popup else { return XCTFail() }
        XCTAssertNil(typed.error, "a digit clears the message")
        XCTAssertEqual(state.press(.enter).count, 1)
    }

    // MARK: Snapshots

    func testScreenAt80x24() {
        var open = fixture()
        withPoints(&open)
        assertScreen(render(open), [
            "",
            "",
            "▶ Diapositive 1/4 · Présentation du programme national d’open data ─────────────",
            "  Stratégie nationale d’open data",
            "  • Portail data.gov.tn : plus de 2400 jeux de données",
            "  • Décret 2018-41 relatif aux données publiques ouvertes",
            "  • Un réseau de points focaux dans chaque ministère",
            "",
            "",
            "",
            "  Participants · F femmes, H hommes, ? non précisé ─────────────────────────────",
            "  Administration · 24 participants",
            "    F ████▋ 11 · H █████ 12 · ? ▍ 1",
            "    2 organisations : INS, SNCFT",
            "  Société civile et secteur privé · 18 participants",
            "    répartition F/H non renseignée",
            "    1 organisation : Thnity",
            "",
            "  Total : 42 participants · F ██▋ 11 · H ██▉ 12 · ? ▎ 1 · non renseigné 18",
            "  Notes de l’animateur ─────────────────────────────────────────────────────────",
            "  Aucune note : Tab jusqu’ici, puis e pour écrire.",
            "",
            "",
            "",
        ])
    }

    func testScreenAt80x24InEnglishWithTheParticipantsFocused() {
        var open = fixture()
        withPoints(&open)
        press(.tab, .down, on: &open, .en)
        assertScreen(render(open, .en), [
            "",
            "",
            "  Slide 1/4 · Présentation du programme national d’open data ───────────────────",
            "  Stratégie nationale d’open data",
            "  • Portail data.gov.tn : plus de 2400 jeux de données",
            "  • Décret 2018-41 relatif aux données publiques ouvertes",
            "  • Un réseau de points focaux dans chaque ministère",
            "",
            "",
            "",
            "▶ Participants · W women, M men, ? not stated ──────────────────────────────────",
            "  Administration · 24 participants",
            "    W ████▋ 11 · M █████ 12 · ? ▍ 1",
            "    2 organisations: INS, SNCFT",
            "› Société civile et secteur privé · 18 participants",
            "    women/men split not recorded",
            "    1 organisation: Thnity",
            "",
            "  Total: 42 participants · W ██▋ 11 · M ██▉ 12 · ? ▎ 1 · not recorded 18",
            "  Facilitator’s notes ──────────────────────────────────────────────────────────",
            "  No notes: Tab to here, then e to write.",
            "",
            "",
            "",
        ])
        // The selected group is drawn reversed, across the panel.
        var buffer = ScreenBuffer(width: 80, height: 24)
        _ = PresentationView.render(open, into: &buffer, context(.en))
        XCTAssertEqual(buffer.cell(x: 0, y: 14)?.style, Theme.selection)
        XCTAssertEqual(buffer.cell(x: 78, y: 16)?.style, Theme.selection)
        XCTAssertEqual(buffer.cell(x: 2, y: 11)?.style, Style.bold)
    }

    func testSampleAt80x24() throws {
        let open = try sample()
        assertScreen(render(open), [
            "",
            "",
            "▶ Diapositive 1/4 · Présentation du programme national d’open data ─────────────",
            "  Stratégie",
            "  Pas encore de points : e pour les écrire.",
            "",
            "",
            "",
            "",
            "",
            "  Participants · F femmes, H hommes, ? non précisé ─────────────────────────────",
            "  Administration · 24 participants",
            "    répartition F/H non renseignée",
            "    20 organisations : EGOV Unit ; Ministère de l’agriculture ; Ministère des",
            "    Domaines de l'Etat Propriété Foncière ; Ministère de l'Equipement ; … +16",
            "  Société civile et secteur privé · 18 participants",
            "    répartition F/H non renseignée",
            "    12 organisations : Open data forum, Global digital forum, … +10",
            "  Total : 42 participants · répartition F/H non renseignée",
            "  Notes de l’animateur ─────────────────────────────────────────────────────────",
            "  Aucune note : Tab jusqu’ici, puis e pour écrire.",
            "",
            "",
            "",
        ])
    }

    func testNarrowScreenAt60x16ShowsTheFocusedPanelUnderTheSlide() {
        var open = fixture()
        withPoints(&open)
        assertScreen(render(open, width: 60, height: 16), [
            "",
            "",
            "▶ Diapositive 1/4 · Présentation du programme national d’op…",
            "  Stratégie nationale d’open data",
            "  • Portail data.gov.tn : plus de 2400 jeux de données",
            "  • Décret 2018-41 relatif aux données publiques ouvertes",
            "  • Un réseau de points focaux dans chaque ministère",
            "",
            "  Participants · F femmes, H hommes, ? non précisé ─────────",
            "  Administration · 24 participants",
            "    F ████▋ 11 · H █████ 12 · ? ▍ 1",
            "    2 organisations : INS, SNCFT",
            "  … 1 autre groupe (↑↓)",
            "  Total : 42 · F 11 · H 12 · ? 1 · non renseigné 18",
            "",
            "",
        ])
        // The second group scrolls into view when selected.
        press(.tab, .down, on: &open)
        let screen = render(open, width: 60, height: 16)
        XCTAssertEqual(Array(screen[8...13]), [
            "▶ Participants · F femmes, H hommes, ? non précisé ─────────",
            "› Société civile et secteur privé · 18 participants",
            "    répartition F/H non renseignée",
            "    1 organisation : Thnity",
            "  … 1 autre groupe (↑↓)",
            "  Total : 42 · F 11 · H 12 · ? 1 · non renseigné 18",
        ])
        // The notes take the participants' place when they have the focus.
        press(.tab, on: &open)
        XCTAssertEqual(Array(render(open, width: 60, height: 16)[8...9]), [
            "▶ Notes de l’animateur ─────────────────────────────────────",
            "  Aucune note : e pour écrire.",
        ])
    }

    func testSideBySideAt120Columns() {
        var open = fixture()
        withPoints(&open)
        _ = PresentationUpdate.resolve(.notes, .text("Accueil à 9 h ; rappeler l’objectif genre de la journée."), &open, context())
        let screen = render(open, width: 120, height: 24)
        let pad = { (text: String) in text.padding(toLength: 72, withPad: " ", startingAt: 0) + "│" }
        assertScreen(screen, [
            "",
            "",
            pad("▶ Diapositive 1/4 · Présentation du programme national d’open data ─────") + "  Participants ────────────────────────────────",
            pad("  Stratégie nationale d’open data") + "  Administration · 24 participants",
            pad("  • Portail data.gov.tn : plus de 2400 jeux de données") + "    F ████▋ 11 · H █████ 12 · ? ▍ 1",
            pad("  • Décret 2018-41 relatif aux données publiques ouvertes") + "    2 organisations : INS, SNCFT",
            pad("  • Un réseau de points focaux dans chaque ministère") + "  Société civile et secteur privé · 18",
            pad("") + "  participants",
            pad("") + "    répartition F/H non renseignée",
            pad("") + "    1 organisation : Thnity",
            pad(""),
            pad(""),
            pad(""),
            pad(""),
            pad("") + "  Total : 42 participants · F ██▋ 11",
            pad("") + "  H ██▉ 12 · ? ▎ 1 · non renseigné 18",
            pad("") + "  Notes de l’animateur ────────────────────────",
            pad("") + "  Accueil à 9 h ; rappeler l’objectif genre",
            pad("") + "  de la journée.",
            pad(""),
            pad(""),
            pad(""),
            "",
            "",
        ].map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) })
    }

    func testManyGroupsScrollToKeepTheSelectedOneOnScreen() {
        var open = fixture()
        for i in 1...6 {
            _ = PresentationUpdate.resolve(.addGroup, .form([.text("Groupe \(i)"), .number(10), .number(5), .number(5), .number(nil)]),
                                           &open, context())
            _ = PresentationUpdate.resolve(.organisations(groupID: open.presentation.selectedGroupID!), .list(["Org \(i)"]), &open, context())
        }
        open.presentation.focus = .participants
        open.presentation.selectedGroupID = open.workshop.participantGroups.live[5].id
        let screen = render(open)
        XCTAssertEqual(Array(screen[10...18]), [
            "▶ Participants · F femmes, H hommes, ? non précisé ─────────────────────────────",
            "  Groupe 3 · 10 participants",
            "    F █████ 5 · H █████ 5",
            "    1 organisation : Org 3",
            "› Groupe 4 · 10 participants",
            "    F █████ 5 · H █████ 5",
            "    1 organisation : Org 4",
            "  … 6 autres groupes (↑↓)",
            "  Total : 102 participants · F ████ 41 · H ████▏ 42 · ? ▏ 1 · non renseigné 18",
        ], screen.joined(separator: "\n"))
    }
}
