import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Keys that must never lose what is being typed: Esc never quits, Alt keys are one key, and
/// quitting with a draft asks first.
final class QuitSafetyUpdateTests: XCTestCase {
    func testEscOnTheHomeScreenDoesNotQuit() {
        var state = workshopState()
        state.route = .home(HomeState())
        state.press(.escape, .escape)
        XCTAssertFalse(state.shouldQuit)
        state.press(.character("q"))
        XCTAssertTrue(state.shouldQuit)
    }

    func testAltKeysOnTheCaptureLineAreIgnored() {
        var state = workshopState()
        state.press(.insert)
        state.type("Décret non appliqué")
        state.press(.alt("b"), .alt("x"), .alt("d"), .alt("q"))
        XCTAssertFalse(state.shouldQuit)
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.openWorkshop?.breakouts.editor?.line.text, "Décret non appliqué")
    }

    func testQuittingOrLeavingWithADraftAsksFirst() {
        for quitKey in [Key.function(10)] {
            var state = workshopState(lang: .en)
            state.press(.insert)
            state.type("Décret non appliqué")
            state.press(.escape)  // leaves the capture line, keeps the draft
            XCTAssertNotNil(state.openWorkshop?.breakouts.draft)
            state.press(quitKey)
            XCTAssertFalse(state.shouldQuit)
            guard case .confirm(let confirm)? = state.popup else { return XCTFail("quitting with a draft asks") }
            XCTAssertEqual(confirm.message, "Quit and lose the draft on the capture line? (y/n)")
            state.press(.character("n"))
            XCTAssertFalse(state.shouldQuit)
            XCTAssertEqual(state.openWorkshop?.breakouts.draft?.line.text, "Décret non appliqué")
            state.press(quitKey, .character("y"))
            XCTAssertTrue(state.shouldQuit)
        }

        // Esc goes back to the home screen: with a draft, it asks too.
        var state = workshopState()
        state.press(.insert)
        state.type("Décret")
        state.press(.escape, .escape)
        XCTAssertNotNil(state.openWorkshop, "still in the workshop")
        guard case .confirm(let confirm)? = state.popup else { return XCTFail("leaving with a draft asks") }
        XCTAssertEqual(confirm.message, "Quitter l’atelier et perdre le brouillon de la ligne de saisie ? (o/n)")
        state.press(.escape)
        XCTAssertEqual(state.openWorkshop?.breakouts.draft?.line.text, "Décret")
        state.press(.escape, .character("o"))
        XCTAssertNotNil(state.home)

        // Without a draft, nothing is asked.
        state = workshopState()
        state.press(.function(10))
        XCTAssertTrue(state.shouldQuit)
    }

    func testATooSmallWindowCanStillAnswerTheDraftQuestion() {
        var state = workshopState()
        state.press(.insert)
        state.type("Décret")
        state.press(.escape)
        _ = AppUpdate.update(&state, .resize(width: 20, height: 5))
        state.press(.character("q"))
        XCTAssertFalse(state.shouldQuit)
        state.press(.character("o"))
        XCTAssertTrue(state.shouldQuit)
    }
}
