import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// The root update on message sequences: sessions, saves, quitting, help, sizes, timers.
final class AppUpdateTests: XCTestCase {
    func testSessionKeysSwitchAndHeaderMarksTheCurrentOne() {
        var state = workshopState(phase: .presentation)
        XCTAssertTrue(state.screen[0].contains("1 Présentation"))
        state.press(.character("3"))
        XCTAssertEqual(state.openWorkshop?.phase, .synthesis)
        state.press(.function(3))
        XCTAssertEqual(state.openWorkshop?.phase, .breakouts)
        let header = AppView.render(state).buffer.styledRows[0]
        let active = header.first { $0.text.contains("2 Data jam") }
        XCTAssertEqual(active?.style, Theme.headerTab)
    }

    /// With NO_COLOR the whole header was reverse video and the current session was not marked.
    func testTheCurrentSessionIsMarkedWithoutColour() {
        let state = workshopState()
        XCTAssertTrue(state.screen[0].contains("[2 Data jam]"), state.screen[0])
        XCTAssertTrue(state.screen[0].contains(" 1 Présentation "), state.screen[0])
        let header = AppView.render(state).buffer.styledRows[0]
        let active = header.first { $0.text.contains("2 Data jam") }!.style.monochrome
        let rest = header.first { $0.text.contains("1 Présentation") }!.style.monochrome
        XCTAssertNotEqual(active, rest, "without colour the current session still stands out")
        XCTAssertFalse(active.isReverse, "normal video inside the reverse bar")
        XCTAssertTrue(active.isUnderline && active.isBold)
        XCTAssertTrue(rest.isReverse)
    }

    /// At 60×16, the documented minimum, the timer was cut from the left (`:33/120:00`).
    func testTheTimerIsNeverCutAtTheMinimumSize() throws {
        var workshop = WorkshopFixtures.complete()
        let index = try XCTUnwrap(workshop.sessions.firstIndex { $0.id == .breakouts })
        workshop.sessions[index].startedAt = WorkshopFixtures.time(1000 - 753)
        workshop.sessions[index].plannedMinutes = 120
        for lang in Lang.allCases {
            let state = workshopState(width: 60, height: 16, lang: lang, workshop: workshop)
            let header = state.screen[0]
            XCTAssertTrue(header.contains(" ⏱ 12:33/120:00 "), header)
            XCTAssertTrue(header.contains("[2 Data jam]"), "the current session keeps its name: \(header)")
            XCTAssertTrue(header.hasSuffix("⏱ 12:33/120:00  08:16"), "and the clock still fits: \(header)")
        }
        // Stopped, the timer is longer still: the clock gives way, never the timer.
        workshop.sessions[index].endedAt = WorkshopFixtures.time(1000)
        let stopped = workshopState(width: 60, height: 16, workshop: workshop).screen[0]
        XCTAssertTrue(stopped.contains(" ⏱ 12:33/120:00 (arrêté)"), stopped)
    }

    func testGlobalKeysAreTextWhileTyping() {
        var state = workshopState()
        state.press(.insert)
        state.type("q13u?")
        XCTAssertFalse(state.shouldQuit)
        XCTAssertEqual(state.openWorkshop?.phase, .breakouts)
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "q13u?")
    }

    func testSavedAnswerAdoptsOthersChangesOnlyWhenCurrent() {
        var state = workshopState()
        state.press(.alt("n"))
        state.type("locale")
        let effects = state.press(.enter)
        guard case .save(_, var merged, let revision)? = effects.first else { return XCTFail() }
        merged.findings.append(Finding(id: "f-other", teamId: "t-transport", kind: .note, text: "d’un autre rapporteur"))
        _ = AppUpdate.update(&state, .saved(path: "/tmp/atelier.json", revision: revision, result: .success(merged)))
        XCTAssertNotNil(state.workshop.findings.record(withID: "f-other"))
        XCTAssertTrue(state.screen.contains { $0.contains("d’un autre rapporteur") })
        XCTAssertFalse(state.openWorkshop!.isDirty)

        // An answer for an older revision does not overwrite newer local edits.
        state.type("plus récente")
        state.press(.enter)
        var stale = merged
        stale.findings.append(Finding(id: "f-stale", teamId: nil, kind: .note, text: "x"))
        _ = AppUpdate.update(&state, .saved(path: "/tmp/atelier.json", revision: revision, result: .success(stale)))
        XCTAssertNil(state.workshop.findings.record(withID: "f-stale"))
        XCTAssertTrue(state.workshop.findings.contains { $0.text == "plus récente" })
        XCTAssertTrue(state.openWorkshop!.isDirty)
    }

    func testFailedSaveIsShownAndQuittingAsksFirst() {
        var state = workshopState()
        state.press(.control("g"))
        let error = SessionFileError(file: "/tmp/atelier.json", message: "not saved: cannot create a file in /tmp: Permission denied")
        _ = AppUpdate.update(&state, .saved(path: "/tmp/atelier.json", revision: 1, result: .failure(error)))
        XCTAssertEqual(state.status?.kind, .error)
        XCTAssertTrue(state.screen[22].contains("Non enregistré"), state.screen[22])
        state.press(.function(10))
        XCTAssertFalse(state.shouldQuit)
        guard case .confirm? = state.popup else { return XCTFail("quitting with unsaved changes asks") }
        state.press(.character("n"))
        XCTAssertFalse(state.shouldQuit)
        state.press(.function(10), .character("o"))
        XCTAssertTrue(state.shouldQuit)
    }

    func testHelpIsGeneratedFromTheBindings() {
        var state = workshopState(height: 40)
        state.press(.function(1))
        guard case .help(let help)? = state.popup else { return XCTFail() }
        let labels = help.sections.flatMap(\.hints).map(\.keyLabel)
        for binding in BreakoutsBindings.list(rapporteur: false) { XCTAssertTrue(labels.contains(binding.keyLabel), binding.keyLabel) }
        for binding in GlobalBindings.workshop(state.openWorkshop!) { XCTAssertTrue(labels.contains(binding.keyLabel), binding.keyLabel) }
        let text = state.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("Aide · Échap pour fermer"))
        XCTAssertTrue(text.contains("Supprimer la trouvaille (Ctrl-Z pour annuler)"))
        state.press(.pageDown, .pageDown)
        let end = state.screen.joined(separator: "\n")
        XCTAssertTrue(end.contains("Quitter ; tout est déjà enregistré"), end)
        XCTAssertFalse(end.contains("(F10 aussi)"), "F10 is the key shown in session 2: \(end)")
        XCTAssertFalse(end.contains("▸ Contraintes"), "the overlay covers the screen")
        state.press(.escape)
        XCTAssertNil(state.popup)
        state.press(.function(1))
        XCTAssertNotNil(state.popup)
    }

    func testFooterShowsOnlyKeysThatWorkNow() {
        var state = workshopState()
        XCTAssertTrue(state.screen[23].hasPrefix("abc Saisir"), state.screen[23])
        state.press(.insert)
        XCTAssertTrue(state.screen[23].hasPrefix("Enter Enregistrer  Tab Type"), state.screen[23])
        XCTAssertTrue(state.screen[23].hasSuffix("F10 Quitter"), "q types a letter while capturing: F10 quits")
    }

    func testTooSmallAtAnySizeDownTo1x1AndBack() {
        var state = workshopState()
        for (w, h) in [(59, 24), (80, 15), (20, 5), (1, 1), (0, 0), (3, 2)] {
            _ = AppUpdate.update(&state, .resize(width: w, height: h))
            let frame = AppView.render(state)
            XCTAssertEqual(frame.buffer.width, w)
            XCTAssertEqual(frame.buffer.height, h)
            if w >= 20 { XCTAssertTrue(frame.buffer.lines.joined().contains("trop petite"), "\(w)×\(h)") }
            state.press(.character("c"))
            XCTAssertNil(state.openWorkshop?.breakouts.editor, "keys other than q do nothing while too small")
        }
        _ = AppUpdate.update(&state, .resize(width: 80, height: 24))
        XCTAssertTrue(state.screen[2].contains("Transport et Infrastructure"))
        _ = AppUpdate.update(&state, .resize(width: 30, height: 10))
        state.press(.character("q"))
        XCTAssertTrue(state.shouldQuit)
    }

    func testTimerStartsStopsResetsAndTurnsRedWhenOver() {
        var state = workshopState(phase: .presentation)
        state.press(.character("t"))
        XCTAssertEqual(state.workshop.session(.presentation)?.startedAt, WorkshopFixtures.time(1000))
        _ = AppUpdate.update(&state, .tick(WorkshopFixtures.time(1000 + 125)))
        XCTAssertTrue(state.screen[0].contains("⏱ 02:05/60:00"), state.screen[0])
        _ = AppUpdate.update(&state, .tick(WorkshopFixtures.time(1000 + 3700)))
        XCTAssertTrue(state.screen[0].contains("⏱ 61:40/60:00"), state.screen[0])
        let timerRun = AppView.render(state).buffer.styledRows[0].first { $0.text.contains("⏱") }
        XCTAssertEqual(timerRun?.style, Theme.overTime)
        state.press(.function(5))
        XCTAssertEqual(state.workshop.session(.presentation)?.endedAt, WorkshopFixtures.time(1000 + 3700))
        XCTAssertTrue(state.screen[0].contains("(arrêté)"))
        state.press(.function(6))
        XCTAssertNil(state.workshop.session(.presentation)?.startedAt)
        state.press(.character("u"))
        XCTAssertNotNil(state.workshop.session(.presentation)?.startedAt, "timer changes are undoable")
    }

    func testStatusMessagesExpire() {
        var state = workshopState()
        state.press(.control("g"))
        XCTAssertNotNil(state.status)
        _ = AppUpdate.update(&state, .tick(WorkshopFixtures.time(1010)))
        XCTAssertNil(state.status)
    }

    func testEscapeGoesHomeAndAsksForTheList() {
        var state = workshopState()
        let effects = state.press(.escape)
        XCTAssertEqual(effects, [.listSessions(folder: "/tmp")])
        XCTAssertNotNil(state.home)
    }

    func testLangResolution() {
        XCTAssertEqual(Lang.resolve(argument: "en", environment: ["LANG": "fr_FR.UTF-8"]), .en)
        XCTAssertNil(Lang.resolve(argument: "de", environment: [:]))
        XCTAssertEqual(Lang.resolve(argument: nil, environment: ["LANG": "en_GB.UTF-8"]), .en)
        XCTAssertEqual(Lang.resolve(argument: nil, environment: ["LC_ALL": "fr_TN.UTF-8", "LANG": "en_US.UTF-8"]), .fr)
        XCTAssertEqual(Lang.resolve(argument: nil, environment: ["LANG": "C.UTF-8"]), .fr)
        XCTAssertEqual(Lang.resolve(argument: nil, environment: [:]), .fr)
    }
}
