import XCTest
import DataJamCore
@testable import DataJamUI
import TestSupport

/// Session 3 (Synthèse): the update on key and popup sequences, and the screen as plain text.
final class SynthesisScreenTests: XCTestCase {
    // MARK: Helpers

    private func makeOpen(_ workshop: Workshop = WorkshopFixtures.complete()) -> OpenWorkshop {
        var open = OpenWorkshop(path: "/tmp/synthese.json", workshop: workshop, hasHome: true)
        open.phase = .synthesis
        open.refresh()
        open.synthesis.refresh(in: open.workshop, contentVersion: open.contentVersion)
        return open
    }

    private func context(_ lang: Lang = .fr, width: Int = 80, height: Int = 24) -> ScreenContext {
        ScreenContext(lang: lang, now: WorkshopFixtures.time(100), area: Rect(x: 0, y: 2, width: width, height: height - 4))
    }

    private func render(_ open: OpenWorkshop, _ lang: Lang = .fr, width: Int = 80, height: Int = 24) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        XCTAssertNil(SynthesisView.render(open, into: &buffer, context(lang, width: width, height: height)))
        return buffer
    }

    private func screen(_ open: OpenWorkshop, _ lang: Lang = .fr, width: Int = 80, height: Int = 24) -> [String] {
        render(open, lang, width: width, height: height).lines
    }

    /// Compares the whole screen: two blank lines above the area, `expected` from line 2, blank
    /// lines below.
    private func assertScreen(_ lines: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        var wanted = ["", ""] + expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        wanted += Array(repeating: "", count: max(0, lines.count - wanted.count))
        let lines = unshapedArabic(lines)
        XCTAssertEqual(lines, wanted, "\n--- got ---\n" + lines.joined(separator: "\n") + "\n--- wanted ---\n" + wanted.joined(separator: "\n"),
                       file: file, line: line)
    }

    @discardableResult
    private func press(_ keys: Key..., on open: inout OpenWorkshop, _ lang: Lang = .fr, width: Int = 80, height: Int = 24) -> Reaction {
        var last = Reaction.ignored
        for key in keys { last = SynthesisUpdate.handle(key, &open, context(lang, width: width, height: height)) }
        return last
    }

    private func finding(_ id: String, _ open: OpenWorkshop) -> Finding {
        open.workshop.findings.first { $0.id == id }!
    }

    private func select(_ id: String, on open: inout OpenWorkshop) {
        open.synthesis.consolidated.selectedID = id
        open.synthesis.consolidated.selectedRow = open.synthesis.data.rowOfFinding[id]!
    }

    private func prompt(_ reaction: Reaction) -> Prompt? {
        if case .prompt(let prompt)? = reaction.popup { return prompt }
        return nil
    }

    private func form(_ reaction: Reaction) -> Form? {
        if case .form(let form)? = reaction.popup { return form }
        return nil
    }

    // MARK: Snapshots

    func testMatrixAt80ColumnsInFrench() {
        let open = makeOpen()
        assertScreen(screen(open), """
             Matrice (2)   Consolidé (8)   Besoins (1)   Conclusions (5)
            Contraintes                  Transport Investissement Plénière Total   ♀
            Barrières techniques                 1              1        ·     2   · ███████
            Barrières organisationnell…          ·              ·        ·     ·   ·
            Barrières culturelles                ·              ·        ·     ·   ·
            Cadre juridique                      ·              ·        ·     ·   ·
            Vie privée                           ·              ·        ·     ·   ·
            Genre                                ·              ·        ·     ·   ·
            Total                                1              1        ·     2   ·

            Toutes trouvailles : 8 · ♀ genre : 1 · liens « même point » : 1
            """)
    }

    /// Team names were cut to 4 letters at 80 columns while the bar took the rest of the width.
    func testMatrixGivesTeamNamesTheirWidthBeforeTheBar() {
        var workshop = WorkshopFixtures.complete()
        for (n, name) in ["Agriculture", "Tourisme"].enumerated() {
            workshop.teams.append(Team(id: "t-n\(n)", name: name, createdAt: WorkshopFixtures.time(30 + Int64(n))))
        }
        let header = screen(makeOpen(workshop))[3]
        for name in ["Transport", "Agriculture", "Tourisme", "Plénière"] {
            XCTAssertTrue(header.contains(name), "\(name) whole in: \(header)")
        }
        XCTAssertTrue(header.contains("Investissem…"), "only the longest name is cut, and little: \(header)")
    }

    func testMatrixAt60ColumnsTruncatesTeamNames() {
        let open = makeOpen()
        assertScreen(screen(open, width: 60, height: 16), """
             Matrice   Consolidé   Besoins   Conclusions
            Contraintes      Transport Investisseme… Plénière Total   ♀
            Barrières tech…          1             1        ·     2   ·
            Barrières orga…          ·             ·        ·     ·   ·
            Barrières cult…          ·             ·        ·     ·   ·
            Cadre juridique          ·             ·        ·     ·   ·
            Vie privée               ·             ·        ·     ·   ·
            Genre                    ·             ·        ·     ·   ·
            Total                    1             1        ·     2   ·

            Toutes trouvailles : 8 · ♀ genre : 1
            liens « même point » : 1
            """)
    }

    func testConsolidatedAt80ColumnsInFrench() {
        var open = makeOpen()
        press(.tab, on: &open)
        assertScreen(screen(open), """
             Matrice (2)   Consolidé (8)   Besoins (1)   Conclusions (5)
            8 trouvailles · 1 lien « même point » · = relie deux trouvailles
            ▸ Contraintes · Barrières techniques (2 · 2 équipes)
            ›=  [Transport] Absence d’APIs  — Leïla  = [Investissement]
             =  [Investissement] Absence d’API  = [Transport]
            ▸ Opportunités (1 · 1 équipe)
                [Transport] Applications de mobilité
            ▸ Besoins en données (1 · 1 équipe)
              ♀ [Investissement] Données ventilées par sexe sur l’emploi  [INS · manquante ·
                priorité 5×4=20 · ventilé par sexe]
            ▸ Canaux (1 · 1 équipe)
                [Plénière] Portail national open data
            ▸ Acteurs (1 · 1 équipe)
                [Investissement] Tunisian Investment Authority  [producteur]
            ▸ Cas d’usage (1 · 1 équipe)
                [Transport] Thnity : covoiturage
            ▸ Notes (1 · 1 équipe)
                [Plénière] ةظحلام : هللا دبع 👍
            """)
    }

    func testConsolidatedAt60ColumnsWrapsAndScrolls() {
        var open = makeOpen()
        press(.tab, on: &open)
        assertScreen(screen(open, width: 60, height: 16), """
             Matrice   Consolidé   Besoins   Conclusions
            8 trouvailles · 1 lien « même point »
            ▸ Contraintes · Barrières techniques (2 · 2 équipes)
            ›=  [Transport] Absence d’APIs  — Leïla  = [Investissement]
             =  [Investissement] Absence d’API  = [Transport]
            ▸ Opportunités (1 · 1 équipe)
                [Transport] Applications de mobilité
            ▸ Besoins en données (1 · 1 équipe)
              ♀ [Investissement] Données ventilées par sexe sur l’emploi
                [INS · manquante · priorité 5×4=20 · ventilé par sexe]
            ▸ Canaux (1 · 1 équipe)
                [Plénière] Portail national open data
            """)
    }

    func testConsolidatedInEnglish() {
        var open = makeOpen()
        press(.tab, on: &open, .en)
        assertScreen(screen(open, .en), """
             Matrix (2)   Consolidated (8)   Data needs (1)   Conclusions (5)
            8 findings · 1 “same point” link · = links two findings
            ▸ Constraints · Barrières techniques (2 · 2 teams)
            ›=  [Transport] Absence d’APIs  — Leïla  = [Investissement]
             =  [Investissement] Absence d’API  = [Transport]
            ▸ Opportunities (1 · 1 team)
                [Transport] Applications de mobilité
            ▸ Data needs (1 · 1 team)
              ♀ [Investissement] Données ventilées par sexe sur l’emploi  [INS · missing ·
                priority 5×4=20 · by sex]
            ▸ Channels (1 · 1 team)
                [Plenary] Portail national open data
            ▸ Actors (1 · 1 team)
                [Investissement] Tunisian Investment Authority  [producer]
            ▸ Use cases (1 · 1 team)
                [Transport] Thnity : covoiturage
            ▸ Notes (1 · 1 team)
                [Plenary] ةظحلام : هللا دبع 👍
            """)
    }

    func testDataNeedsRankingAt80Columns() {
        var open = makeOpen()
        press(.tab, .tab, on: &open)
        assertScreen(screen(open), """
             Matrice (2)   Consolidé (8)   Besoins (1)   Conclusions (5)
            Classés par pertinence × impact · 1 noté · 0 non noté (en dernier)
            ›  1. 20  Données ventilées par sexe sur l’emploi
                      [Investissement] · producteur : INS · manquante · ventilé par sexe ·
                      pertinence 5 × impact 4
            """)
    }

    func testConclusionsAt80Columns() {
        var open = makeOpen()
        press(.backTab, on: &open)
        assertScreen(screen(open), """
             Matrice (2)   Consolidé (8)   Besoins (1)   Conclusions (5)
            5 éléments dans 5 rubriques · ←→ rubrique précédente / suivante
            › Recommandations (1)
                Publier les données de transport
            ▸ Partenariats (1)
                SNCFT → Thnity : horaires ouverts
            ▸ Résultats (1)
                Besoins identifiés
            ▸ Difficultés (1)
                Publics hétérogènes
            ▸ Pistes pour le prochain atelier (1)
                Supports en amont
            """)
    }

    func testActiveTabIsHighlighted() {
        var open = makeOpen()
        press(.tab, on: &open)
        let buffer = render(open)
        // " Matrice (2) " then a gap, then " Consolidé (8) ".
        XCTAssertEqual(buffer.cell(x: 1, y: 2)?.style, Style.bold)
        XCTAssertEqual(buffer.cell(x: 15, y: 2)?.grapheme, "C")
        XCTAssertEqual(buffer.cell(x: 15, y: 2)?.style, Theme.activeTab)
        // The selected finding is drawn reversed.
        XCTAssertEqual(buffer.cell(x: 10, y: 5)?.style, Theme.selection)
    }

    // MARK: Keys

    func testTabAndShiftTabCycleThroughTheViews() {
        var open = makeOpen()
        XCTAssertEqual(open.synthesis.tab, .matrix)
        var seen: [SynthesisTab] = []
        for _ in 0..<4 {
            XCTAssertTrue(press(.tab, on: &open).handled)
            seen.append(open.synthesis.tab)
        }
        XCTAssertEqual(seen, [.consolidated, .needs, .conclusions, .matrix])
        press(.backTab, on: &open)
        XCTAssertEqual(open.synthesis.tab, .conclusions)
    }

    func testGlobalKeysAreLeftToTheApp() {
        var open = makeOpen()
        let globals: [Key] = [.character("1"), .character("2"), .character("3"), .character("u"), .character("t"), .character("q"),
                              .character("?"), .escape, .control("r"), .control("z"), .function(1), .function(5)]
        for tab in SynthesisTab.allCases {
            open.synthesis.tab = tab
            for key in globals {
                XCTAssertFalse(SynthesisUpdate.handle(key, &open, context()).handled, "\(tab) took \(key.name)")
                let bound = SynthesisBindings.bindings(for: tab).contains { $0.keys.contains(key) }
                XCTAssertFalse(bound, "\(tab) binds \(key.name)")
            }
            XCTAssertEqual(open.synthesis.tab, tab)
        }
        XCTAssertFalse(SynthesisUpdate.isTyping(open))
    }

    func testHintsComeFromTheBindingTable() {
        var open = makeOpen()
        for tab in SynthesisTab.allCases {
            open.synthesis.tab = tab
            let hints = SynthesisUpdate.hints(open)
            XCTAssertEqual(hints, SynthesisBindings.bindings(for: tab).map(\.hint))
            let footer = hints.filter(\.footer)
            XCTAssertTrue((2...6).contains(footer.count), "\(tab): \(footer.count) footer hints")
            XCTAssertEqual(footer.first?.keyLabel, "Tab")
            for hint in hints { XCTAssertFalse(hint.help.fr.isEmpty || hint.help.en.isEmpty) }
        }
        open.synthesis.tab = .consolidated
        XCTAssertTrue(SynthesisUpdate.hints(open).contains { $0.keyLabel == "=" && $0.footer })
        open.synthesis.tab = .conclusions
        XCTAssertEqual(SynthesisUpdate.hints(open).filter(\.footer).map(\.keyLabel), ["Tab", "a", "e", "x", "↑↓"])
    }

    // MARK: Same point

    func testEqualsUnlinksThenMarksThenLinksTwoTeamsFindings() {
        var open = makeOpen()
        press(.tab, on: &open)
        XCTAssertEqual(open.synthesis.consolidated.selectedID, "f-1", "the first finding is selected")
        XCTAssertEqual(finding("f-8", open).samePointAs, "f-1")

        // f-8 is linked: = unlinks it.
        press(.down, on: &open)
        XCTAssertEqual(open.synthesis.consolidated.selectedID, "f-8")
        var reaction = press(.character("="), on: &open)
        XCTAssertNil(finding("f-8", open).samePointAs)
        XCTAssertEqual(reaction.status, "Lien retiré : [Investissement] « Absence d’API » n’est plus relié à [Transport] « Absence d’APIs »")
        XCTAssertEqual(reaction.effects.count, 1, "a save is asked for")
        XCTAssertEqual(open.synthesis.data.linkCount, 0)

        // = on an unlinked finding marks it.
        reaction = press(.character("="), on: &open)
        XCTAssertEqual(open.synthesis.markedID, "f-8")
        XCTAssertTrue(reaction.effects.isEmpty)
        XCTAssertEqual(reaction.status, "Marquée : [Investissement] « Absence d’API » · = sur une autre trouvaille pour relier")
        let marked = screen(open)
        XCTAssertEqual(marked[3], "◆ Marquée : [Investissement] « Absence d’API » · = sur l’autre pour relier")
        XCTAssertEqual(marked[6], "›◆  [Investissement] Absence d’API")

        // = on another finding links it to the marked one.
        press(.up, on: &open)
        reaction = press(.character("="), on: &open)
        XCTAssertEqual(finding("f-1", open).samePointAs, "f-8")
        XCTAssertNil(open.synthesis.markedID)
        XCTAssertEqual(reaction.status, "Même point : [Transport] « Absence d’APIs » = [Investissement] « Absence d’API »")
        XCTAssertEqual(open.synthesis.data.linkCount, 1)
        let linked = screen(open)
        // The finding pointed to comes first, the one pointing to it right after.
        XCTAssertEqual(linked[5], " =  [Investissement] Absence d’API  = [Transport]")
        XCTAssertEqual(linked[6], "›=  [Transport] Absence d’APIs  — Leïla  = [Investissement]")

        // Undo (the global u) takes the link back.
        _ = open.undo(now: WorkshopFixtures.time(200))
        XCTAssertNil(finding("f-1", open).samePointAs)
    }

    func testEqualsTwiceOnTheSameFindingCancelsTheMark() {
        var open = makeOpen()
        press(.tab, on: &open)
        select("f-2", on: &open)
        press(.character("="), on: &open)
        XCTAssertEqual(open.synthesis.markedID, "f-2")
        let reaction = press(.character("="), on: &open)
        XCTAssertNil(open.synthesis.markedID)
        XCTAssertEqual(reaction.status, "Marque retirée : [Transport] « Applications de mobilité »")
        XCTAssertNil(finding("f-2", open).samePointAs)
        XCTAssertTrue(open.workshop.synthesis == WorkshopFixtures.complete().synthesis)
    }

    func testEqualsLinksAcrossKindsAndInEnglish() {
        var open = makeOpen()
        open.synthesis.tab = .consolidated
        select("f-6", on: &open)
        press(.character("="), on: &open, .en)
        select("f-2", on: &open)
        let reaction = press(.character("="), on: &open, .en)
        XCTAssertEqual(finding("f-2", open).samePointAs, "f-6")
        XCTAssertEqual(reaction.status, "Same point: [Transport] “Applications de mobilité” = [Transport] “Thnity : covoiturage”")
    }

    func testEqualsRefusesALoopOfLinks() {
        var open = makeOpen()
        open.synthesis.tab = .consolidated
        select("f-2", on: &open)
        press(.character("="), on: &open)
        // Meanwhile another rapporteur's copy links f-2 to f-4.
        var f2 = finding("f-2", open)
        f2.samePointAs = "f-4"
        _ = open.perform([.finding(f2)], label: "merge", now: WorkshopFixtures.time(150))
        select("f-4", on: &open)
        let reaction = press(.character("="), on: &open)
        XCTAssertNil(finding("f-4", open).samePointAs, "f-4 = f-2 = f-4 would be a loop")
        XCTAssertEqual(reaction.status?.hasPrefix("Déjà reliées"), true)
    }

    func testAMarkOnADeletedFindingIsDropped() {
        var open = makeOpen()
        open.synthesis.tab = .consolidated
        select("f-2", on: &open)
        press(.character("="), on: &open)
        var f2 = finding("f-2", open)
        f2.deletedAt = WorkshopFixtures.time(150)
        _ = open.perform([.finding(f2)], label: "delete", now: WorkshopFixtures.time(150))
        open.synthesis.refresh(in: open.workshop, contentVersion: open.contentVersion)
        XCTAssertNil(open.synthesis.markedID)
        XCTAssertEqual(open.synthesis.consolidated.selectedID, "f-3", "the selection moves to the next finding")
    }

    // MARK: Conclusions

    func testAddEditDeleteARecommendation() {
        var open = makeOpen()
        open.synthesis.tab = .conclusions
        XCTAssertEqual(open.synthesis.conclusions.selectedID, .section(.recommendations))

        let add = press(.character("a"), on: &open)
        XCTAssertEqual(prompt(add)?.title, "Nouvelle recommandation")
        XCTAssertEqual(prompt(add)?.purpose, .synthesis(.addItem(.recommendations)))
        var reaction = SynthesisUpdate.resolve(.addItem(.recommendations), .text("Ouvrir les données de l’INS au format CSV, avec une documentation des champs et une licence claire"), &open, context())
        XCTAssertEqual(reaction.effects.count, 1)
        XCTAssertEqual(reaction.status, "Ajouté à « Recommandations » : « Ouvrir les données de l’INS au… »")
        let live = open.workshop.synthesis.recommendations.filter { !$0.isDeleted }
        XCTAssertEqual(live.count, 2)
        let added = live[1]
        XCTAssertEqual(added.createdAt, WorkshopFixtures.time(100))
        XCTAssertEqual(open.synthesis.conclusions.selectedID, .item(added.id))
        let lines = screen(open)
        XCTAssertEqual(Array(lines[4...8]), [
            "▸ Recommandations (2)",
            "    Publier les données de transport",
            "›   Ouvrir les données de l’INS au format CSV, avec une documentation des champs",
            "    et une licence claire",
            "▸ Partenariats (1)",
        ], "a long item wraps under its indent")

        let edit = press(.character("e"), on: &open)
        // Edited in the multi-line editor: a conclusion may take several paragraphs.
        guard case .editor(let editor)? = edit.popup else { return XCTFail("e opens the text editor") }
        XCTAssertEqual(editor.area.text, added.text)
        XCTAssertEqual(editor.purpose, .synthesis(.editItem(.recommendations, itemID: added.id)))
        let empty = SynthesisUpdate.resolve(.editItem(.recommendations, itemID: added.id), .text(""), &open, context())
        XCTAssertEqual(empty.status, "Texte vide : rien de changé (x pour supprimer)")
        XCTAssertEqual(open.workshop.synthesis.recommendations.first { $0.id == added.id }?.text, added.text)
        reaction = SynthesisUpdate.resolve(.editItem(.recommendations, itemID: added.id), .text("Ouvrir les données de l’INS"), &open, context())
        XCTAssertEqual(open.workshop.synthesis.recommendations.first { $0.id == added.id }?.text, "Ouvrir les données de l’INS")
        XCTAssertEqual(reaction.status, "Modifié : « Ouvrir les données de l’INS »")

        reaction = press(.character("x"), on: &open)
        XCTAssertNotNil(open.workshop.synthesis.recommendations.first { $0.id == added.id }?.deletedAt)
        XCTAssertEqual(reaction.status, "Supprimé de « Recommandations » : « Ouvrir les données de l’INS » (u pour annuler)")
        XCTAssertEqual(open.synthesis.conclusions.selectedID, .item("s-r1"), "the selection goes to the previous item")

        // Deleting the last one leaves the section empty, with a hint; undo brings it back.
        press(.character("x"), on: &open)
        XCTAssertEqual(open.synthesis.conclusions.selectedID, .section(.recommendations))
        XCTAssertEqual(Array(screen(open)[4...6]), ["› Recommandations (0)", "    (vide · a pour ajouter)", "▸ Partenariats (1)"])
        _ = open.undo(now: WorkshopFixtures.time(200))
        XCTAssertNil(open.workshop.synthesis.recommendations.first { $0.id == "s-r1" }?.deletedAt)
        press(.down, on: &open)
        XCTAssertEqual(Array(screen(open)[4...5]), ["▸ Recommandations (1)", "›   Publier les données de transport"])
    }

    func testDeleteOnAHeadingExplainsAndChangesNothing() {
        var open = makeOpen()
        open.synthesis.tab = .conclusions
        let reaction = press(.character("x"), on: &open)
        XCTAssertTrue(reaction.effects.isEmpty)
        XCTAssertEqual(reaction.status, "Choisissez un élément à supprimer (pas un titre)")
        XCTAssertEqual(open.workshop, WorkshopFixtures.complete())
    }

    func testArrowsJumpBetweenSectionsAndEachSectionAddsItsOwnKind() {
        var open = makeOpen()
        open.synthesis.tab = .conclusions
        let expected: [(ConclusionSection, SynthesisPurpose, String)] = [
            (.partnerships, .addPartnership, "Nouveau partenariat producteur – réutilisateur"),
            (.results, .addItem(.results), "Nouveau résultat de la journée"),
            (.difficulties, .addItem(.difficulties), "Nouvelle difficulté d’animation"),
            (.improvements, .addItem(.improvements), "Nouvelle piste pour le prochain atelier"),
        ]
        for (section, purpose, title) in expected {
            press(.right, on: &open)
            XCTAssertEqual(open.synthesis.conclusions.selectedID, .section(section))
            // Enter on a heading adds too.
            let reaction = press(.enter, on: &open)
            if let form = form(reaction) {
                XCTAssertEqual(form.purpose, .synthesis(purpose))
                XCTAssertEqual(form.title, title)
            } else {
                XCTAssertEqual(prompt(reaction)?.purpose, .synthesis(purpose))
                XCTAssertEqual(prompt(reaction)?.title, title)
            }
        }
        press(.right, on: &open)
        XCTAssertEqual(open.synthesis.conclusions.selectedID, .section(.improvements), "stays on the last section")
        press(.left, .left, on: &open)
        XCTAssertEqual(open.synthesis.conclusions.selectedID, .section(.results))
        SynthesisUpdate.resolve(.addItem(.improvements), .text("Envoyer les supports une semaine avant"), &open, context())
        XCTAssertEqual(open.workshop.synthesis.improvements.map(\.text), ["Supports en amont", "Envoyer les supports une semaine avant"])
    }

    func testPartnershipFormAddsEditsAndRequiresBothSides() {
        var open = makeOpen()
        open.synthesis.tab = .conclusions
        press(.right, on: &open)
        let add = form(press(.character("a"), on: &open))
        XCTAssertEqual(add?.fields.map(\.label), ["Producteur de données", "Réutilisateur", "Objet"])
        XCTAssertEqual(add?.values, [.text(""), .text(""), .text("")])

        // No re-user: the form comes back with what was typed and says why.
        var reaction = SynthesisUpdate.resolve(.addPartnership, .form([.text("Ministère de la santé"), .text(""), .text("accès aux soins")]), &open, context())
        XCTAssertEqual(form(reaction)?.error, "Indiquez le producteur et le réutilisateur")
        XCTAssertEqual(form(reaction)?.values, [.text("Ministère de la santé"), .text(""), .text("accès aux soins")])
        XCTAssertEqual(form(reaction)?.focus, 1)
        XCTAssertEqual(open.workshop.synthesis.partnerships.count, 1)

        reaction = SynthesisUpdate.resolve(.addPartnership, .form([.text("Ministère de la santé"), .text("Association Tahadi"), .text("accès aux soins")]),
                                           &open, context())
        XCTAssertEqual(reaction.status, "Partenariat ajouté : Ministère de la santé → Association Tahadi : accès aux soins")
        XCTAssertEqual(open.workshop.synthesis.partnerships.count, 2)
        let added = open.workshop.synthesis.partnerships[1]
        XCTAssertEqual([added.producer, added.reuser, added.subject], ["Ministère de la santé", "Association Tahadi", "accès aux soins"])
        XCTAssertEqual(open.synthesis.conclusions.selectedID, .item(added.id))

        let edit = form(press(.character("e"), on: &open))
        XCTAssertEqual(edit?.purpose, .synthesis(.editPartnership(id: added.id)))
        XCTAssertEqual(edit?.values, [.text("Ministère de la santé"), .text("Association Tahadi"), .text("accès aux soins")])
        SynthesisUpdate.resolve(.editPartnership(id: added.id), .form([.text("Ministère de la santé"), .text("Association Tahadi"), .text("cartes des centres de soins")]),
                                &open, context())
        XCTAssertEqual(open.workshop.synthesis.partnerships[1].subject, "cartes des centres de soins")
        XCTAssertEqual(Array(screen(open)[6...8]), [
            "▸ Partenariats (2)",
            "    SNCFT → Thnity : horaires ouverts",
            "›   Ministère de la santé → Association Tahadi : cartes des centres de soins",
        ])

        press(.character("x"), on: &open)
        XCTAssertNotNil(open.workshop.synthesis.partnerships[1].deletedAt)
        XCTAssertEqual(open.synthesis.conclusions.selectedID, .item("p-1"))
    }

    // MARK: Data needs

    private func workshopWithNeeds() -> Workshop {
        var workshop = WorkshopFixtures.complete()
        workshop.findings += [
            Finding(id: "f-n1", teamId: "t-transport", kind: .dataNeed, text: "Comptages routiers",
                    dataNeed: DataNeedDetails(producer: "Ministère de l’équipement", availability: .unusableFormat, relevance: 3, impact: 3),
                    createdAt: WorkshopFixtures.time(30)),
            Finding(id: "f-n2", teamId: nil, kind: .dataNeed, text: "Liste des points focaux", createdAt: WorkshopFixtures.time(31)),
            Finding(id: "f-n3", teamId: "t-transport", kind: .dataNeed, text: "Horaires des trains",
                    dataNeed: DataNeedDetails(producer: "SNCFT", availability: .available, relevance: 4, impact: 5),
                    createdAt: WorkshopFixtures.time(32)),
        ]
        return workshop
    }

    func testNeedsAreRankedByRelevanceTimesImpactWithUnscoredLast() {
        var open = makeOpen(workshopWithNeeds())
        open.synthesis.tab = .needs
        XCTAssertEqual(open.synthesis.data.needs.map(\.id), ["f-3", "f-n3", "f-n1", "f-n2"], "20 (relevance 5), 20 (relevance 4), 9, unscored")
        XCTAssertEqual(open.synthesis.data.needs.map(\.rank), [1, 1, 3, nil])
        var lines = screen(open, width: 60, height: 16)
        XCTAssertEqual(Array(lines[3...13]), [
            "Classés par pertinence × impact · 3 notés",
            "›  1. 20  Données ventilées par sexe sur l’emploi",
            "          [Investissement] · producteur : INS · manquante ·",
            "          ventilé par sexe · pertinence 5 × impact 4",
            "   1. 20  Horaires des trains",
            "          [Transport] · producteur : SNCFT · disponible ·",
            "          non ventilé par sexe · pertinence 4 × impact 5",
            "   3.  9  Comptages routiers",
            "          [Transport] · producteur : Ministère de",
            "          l’équipement · format inexploitable · non ventilé",
            "          par sexe · pertinence 3 × impact 3",
        ], "the unscored need is below, one PgDn away")
        press(.pageDown, on: &open, width: 60, height: 16)
        lines = screen(open, width: 60, height: 16)
        XCTAssertEqual(open.synthesis.needs.selectedID, "f-n2")
        XCTAssertEqual(Array(lines[10...14]), [
            "          par sexe · pertinence 3 × impact 3",
            "›      –  Liste des points focaux",
            "          [Plénière] · producteur ? · disponibilité ? · non",
            "          ventilé par sexe · non noté",
            "",
        ], "scrolled just enough for the selection to show")
    }

    func testScoringANeedReRanksItAndKeepsItSelected() {
        var open = makeOpen(workshopWithNeeds())
        open.synthesis.tab = .needs
        press(.end, on: &open)
        XCTAssertEqual(open.synthesis.needs.selectedID, "f-n2")
        let score = form(press(.character("e"), on: &open))
        XCTAssertEqual(score?.purpose, .synthesis(.scoreNeed(findingID: "f-n2")))
        XCTAssertEqual(score?.values, [.number(nil), .number(nil)])
        let reaction = SynthesisUpdate.resolve(.scoreNeed(findingID: "f-n2"), .form([.number(5), .number(5)]), &open, context())
        XCTAssertEqual(finding("f-n2", open).dataNeed?.priority, 25)
        XCTAssertEqual(reaction.status, "Priorité 5 × 5 = 25 : rang 1 sur 4")
        XCTAssertEqual(open.synthesis.data.needs.map(\.id), ["f-n2", "f-3", "f-n3", "f-n1"])
        XCTAssertEqual(open.synthesis.needs.selectedID, "f-n2")
        XCTAssertEqual(screen(open)[4], "›  1. 25  Liste des points focaux")
        _ = open.undo(now: WorkshopFixtures.time(200))
        XCTAssertNil(finding("f-n2", open).dataNeed?.priority)
    }

    // MARK: Matrix

    func testMatrixCountsConstraintsByCategoryAndTeam() {
        var workshop = WorkshopFixtures.complete()
        workshop.findings += [
            Finding(id: "f-c1", teamId: nil, kind: .constraint, text: "Pas de cadre légal", category: "legal", createdAt: WorkshopFixtures.time(30)),
            Finding(id: "f-c2", teamId: "t-transport", kind: .constraint, text: "Données non ventilées", category: "gender", gender: true, createdAt: WorkshopFixtures.time(31)),
            Finding(id: "f-c3", teamId: "t-transport", kind: .constraint, text: "Supprimée", category: "legal", createdAt: WorkshopFixtures.time(32),
                    deletedAt: WorkshopFixtures.time(33)),
            Finding(id: "f-c4", teamId: "t-gone", kind: .constraint, text: "Équipe disparue", category: nil, createdAt: WorkshopFixtures.time(34)),
        ]
        let matrix = makeOpen(workshop).synthesis.data.matrix
        XCTAssertEqual(matrix.columns, [.team("t-transport"), .team("t-invest"), .plenary, .otherTeams])
        XCTAssertEqual(matrix.rows.map(\.key), ["technical", "organisational", "cultural", "legal", "privacy", "gender"].map { .category($0) } + [.other])
        XCTAssertEqual(matrix.rows.map(\.counts), [[1, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]])
        XCTAssertEqual(matrix.rows.map(\.total), [2, 0, 0, 1, 0, 1, 1])
        XCTAssertEqual(matrix.rows.map(\.gender), [0, 0, 0, 0, 0, 1, 0])
        XCTAssertEqual(matrix.columnTotals, [2, 1, 1, 1])
        XCTAssertEqual(matrix.total, 5)
        XCTAssertEqual(matrix.maxRowTotal, 2)
    }

    func testMatrixScrollsTeamColumnsWhenTheyDoNotFit() {
        var workshop = WorkshopFixtures.complete()
        for n in 1...8 {
            workshop.teams.append(Team(id: "t-x\(n)", name: "Équipe \(n)", createdAt: WorkshopFixtures.time(30 + Int64(n))))
        }
        workshop.findings.append(Finding(id: "f-x", teamId: "t-x8", kind: .constraint, text: "Manque de moyens", category: "legal",
                                         createdAt: WorkshopFixtures.time(40)))
        var open = makeOpen(workshop)
        var lines = screen(open)
        // Seven columns fit (the category names give way first); names that would look alike once cut keep their end.
        XCTAssertEqual(lines[3], "Contraintes          Trans… Inves… Équ… 1 Équ… 2 Équ… 3 Équ… 4 Équ… 5›Total   ♀")
        XCTAssertEqual(lines[12], "Toutes trouvailles : 9 · ♀ genre : 1 · liens « même point » : 1")
        XCTAssertEqual(lines[13], "colonnes 1–7 sur 11 (←→)")
        for _ in 0..<20 { press(.right, on: &open) }
        XCTAssertEqual(open.synthesis.matrixColumn, 4, "stops when the last column shows")
        lines = screen(open)
        XCTAssertEqual(lines[3], "Contraintes        ‹ Équ… 3 Équ… 4 Équ… 5 Équ… 6 Équ… 7 Équ… 8 Pléni… Total   ♀")
        XCTAssertEqual(lines[7], "Cadre juridique           ·      ·      ·      ·      ·      1      ·     1   ·")
        XCTAssertEqual(lines[13], "colonnes 5–11 sur 11 (←→)")
        press(.left, on: &open)
        XCTAssertEqual(open.synthesis.matrixColumn, 3)
        press(.home, on: &open)
        XCTAssertEqual(open.synthesis.matrixColumn, 0)
    }

    func testMatrixScrollsCategoriesOnAShortScreen() {
        var workshop = WorkshopFixtures.complete()
        for n in 1...6 {
            workshop.categories.append(ConstraintCategory(id: "extra-\(n)", label: "Catégorie \(n)", createdAt: WorkshopFixtures.time(40 + Int64(n))))
        }
        var open = makeOpen(workshop)
        var lines = screen(open, width: 60, height: 16)
        XCTAssertEqual(lines[4], "Barrières tech…          1             1        ·     2   ·")
        XCTAssertEqual(lines[10], "Catégorie 1    ↓         ·             ·        ·     ·   ·")
        XCTAssertEqual(lines[11], "Total                    1             1        ·     2   ·")
        XCTAssertEqual(lines[13], "Toutes trouvailles : 8 · ♀ genre : 1")
        press(.down, .down, on: &open, width: 60, height: 16)
        XCTAssertEqual(open.synthesis.matrixRow, 2)
        lines = screen(open, width: 60, height: 16)
        XCTAssertEqual(lines[4], "Barrières cult…↑         ·             ·        ·     ·   ·")
        press(.end, on: &open, width: 60, height: 16)
        XCTAssertEqual(open.synthesis.matrixRow, 5)
        lines = screen(open, width: 60, height: 16)
        XCTAssertEqual(lines[4], "Genre          ↑         ·             ·        ·     ·   ·")
        XCTAssertEqual(lines[10], "Catégorie 6              ·             ·        ·     ·   ·")
    }

    // MARK: Scrolling, caching, size

    private func bigWorkshop(_ count: Int) -> Workshop {
        var workshop = WorkshopFixtures.complete()
        let kinds = FindingKind.allCases
        let categories = workshop.categories.map(\.id)
        workshop.findings.reserveCapacity(count + 8)
        for n in 0..<count {
            let kind = kinds[n % kinds.count]
            workshop.findings.append(Finding(
                id: "f-big\(n)", teamId: [nil, "t-transport", "t-invest"][n % 3], kind: kind,
                text: "Trouvaille \(n), assez longue pour passer à la ligne de temps en temps sur un écran de quatre-vingts colonnes",
                category: kind == .constraint ? categories[n % categories.count] : nil, gender: n % 5 == 0,
                dataNeed: kind == .dataNeed ? DataNeedDetails(relevance: n % 5 + 1, impact: n / 5 % 5 + 1) : nil,
                samePointAs: n % 11 == 0 && n > 7 ? "f-big\(n - 7)" : nil, createdAt: WorkshopFixtures.time(100 + Int64(n))))
        }
        return workshop
    }

    func testSelectionStaysVisibleWhenScrolling() {
        var open = makeOpen(bigWorkshop(300))
        open.synthesis.tab = .consolidated
        func selectedLine() -> String? { screen(open).first { $0.hasPrefix("›") } }
        XCTAssertEqual(selectedLine(), "›=  [Transport] Absence d’APIs  — Leïla  = [Investissement]")
        press(.end, on: &open)
        XCTAssertEqual(open.synthesis.consolidated.selectedID, "f-big293", "the last note")
        XCTAssertEqual(selectedLine(), "›   [Investissement] Trouvaille 293, assez longue pour passer à la ligne de")
        for _ in 0..<3 { press(.pageUp, on: &open) }
        XCTAssertNotNil(selectedLine())
        press(.home, on: &open)
        XCTAssertEqual(open.synthesis.consolidated.selectedID, "f-1")
        XCTAssertEqual(screen(open)[4], "▸ Contraintes · Barrières techniques (10 · 3 équipes)", "the heading above shows too")
        for _ in 0..<60 {
            press(.down, on: &open)
            XCTAssertNotNil(selectedLine(), "selection visible after \(open.synthesis.consolidated.selectedID ?? "-")")
        }
    }

    func testDerivedDataIsRebuiltOnlyWhenTheContentVersionChanges() {
        var open = makeOpen()
        XCTAssertEqual(open.synthesis.data.findingCount, 8)
        open.workshop.findings.append(Finding(id: "f-new", teamId: "t-invest", kind: .note, text: "Nouvelle", createdAt: WorkshopFixtures.time(50)))
        open.synthesis.refresh(in: open.workshop, contentVersion: open.contentVersion)
        XCTAssertEqual(open.synthesis.data.findingCount, 8, "same version: the cache is kept")
        XCTAssertTrue(open.synthesis.isCurrent(open.contentVersion))

        // A version the cache has not seen: drawing does not trust it...
        open.contentVersion += 1
        XCTAssertTrue(screen(open)[2].contains("Consolidé (9)"))
        // ...and the next key rebuilds it.
        press(.tab, on: &open)
        XCTAssertEqual(open.synthesis.data.findingCount, 9)
        XCTAssertTrue(open.synthesis.isCurrent(open.contentVersion))
    }

    /// Speed is measured by `datajam-bench`; here, that every view draws and navigates a large
    /// workshop correctly.
    func testTenThousandFindingsDrawAndNavigate() {
        var open = makeOpen(bigWorkshop(10_000))
        XCTAssertEqual(open.synthesis.data.findingCount, 10_008)
        for tab in SynthesisTab.allCases {
            open.synthesis.tab = tab
            XCTAssertEqual(screen(open).count, 24)
        }
        open.synthesis.tab = .needs
        for _ in 0..<100 { press(.down, on: &open) }
        XCTAssertEqual(open.synthesis.needs.selectedID, open.synthesis.data.needs[100].id)
    }

    func testEmptyWorkshopShowsHelpfulTexts() {
        var workshop = WorkshopFixtures.complete()
        workshop.findings = []
        var open = makeOpen(workshop)
        open.synthesis.tab = .consolidated
        XCTAssertEqual(screen(open)[4], "Aucune trouvaille encore : les équipes les saisissent en séance 2.")
        XCTAssertEqual(press(.character("="), on: &open).status, "Aucune trouvaille choisie")
        open.synthesis.tab = .needs
        XCTAssertEqual(screen(open, .en)[4], "No data need: teams capture them in session 2 (d).")
        XCTAssertEqual(press(.character("e"), on: &open).status, "Aucun besoin en données à noter")
    }

    func testTinyAreasDoNotCrash() {
        var open = makeOpen(bigWorkshop(50))
        for tab in SynthesisTab.allCases {
            open.synthesis.tab = tab
            for (width, height) in [(0, 0), (1, 1), (10, 5), (20, 6), (30, 8)] {
                var buffer = ScreenBuffer(width: width, height: height)
                let area = Rect(x: 0, y: min(2, height), width: width, height: max(0, height - 4))
                _ = SynthesisView.render(open, into: &buffer, ScreenContext(lang: .fr, now: WorkshopFixtures.time(100), area: area))
                _ = SynthesisUpdate.handle(.down, &open, ScreenContext(lang: .fr, now: WorkshopFixtures.time(100), area: area))
                _ = SynthesisUpdate.handle(.pageDown, &open, ScreenContext(lang: .fr, now: WorkshopFixtures.time(100), area: area))
            }
        }
    }

    func testTeamTagsAreShortAndDistinct() {
        XCTAssertEqual(TeamTags.short("Transport et Infrastructure"), "Transport")
        XCTAssertEqual(TeamTags.short("Team Santé et affaires sociales"), "Santé")
        XCTAssertEqual(TeamTags.short("Investissement"), "Investissement")
        XCTAssertEqual(TeamTags.short("Droit de l’Homme"), "Droit")
        let teams = [Team(id: "a", name: "Santé publique et prévention"), Team(id: "b", name: "Santé et affaires sociales"),
                     Team(id: "c", name: "Ressources naturelles et énergie")]
        let tags = TeamTags(teams)
        XCTAssertEqual(tags.tag("a", lang: .fr), "Santé publique")
        XCTAssertEqual(tags.tag("b", lang: .fr), "Santé et")
        XCTAssertEqual(tags.tag("c", lang: .fr), "Ressources")
        XCTAssertEqual(tags.tag(nil, lang: .en), "Plenary")
    }
}
