import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// The facilitator's view under `datajam serve`: how to join in `?`, the connections in Ctrl-O.
final class ServingScreenTests: XCTestCase {
    private func serving(_ connections: [ServedConnection]) -> ServingStatus {
        ServingStatus(joinLines: ["ssh -p 2222 transport-et-infrastructure@192.168.1.20   Transport et Infrastructure",
                                  "ssh -p 2222 investissement@192.168.1.20   Investissement"],
                      code: "482913", fingerprint: "SHA256:WygHVaeNo6JFpOQaAPNU1NRcPEViyqxe9WEZXhsydWE", connections: connections)
    }

    private let transport = ServedConnection(id: 3, who: "Transport et Infrastructure", address: "192.168.1.31",
                                             since: WorkshopFixtures.time(0), lastActivity: WorkshopFixtures.time(600))

    func testNotServingHasNoConnectionsKey() {
        var state = workshopState(width: 110, height: 30, lang: .en, phase: .presentation)
        XCTAssertFalse(state.screen.joined().contains("Ctrl-O Connections"))
        state.press(.control("o"))
        XCTAssertNil(state.popup)
    }

    func testHelpShowsHowToJoinFirst() {
        var state = workshopState(width: 110, height: 30, lang: .en, phase: .presentation)
        _ = AppUpdate.update(&state, .serving(serving([])))
        XCTAssertTrue(state.screen.last?.contains("Ctrl-O Connections") == true, "in the footer when it fits: \(state.screen.last ?? "")")
        state.press(.character("?"))
        let screen = state.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Join over SSH (Ctrl-O: connections)"), screen)
        XCTAssertTrue(screen.contains("ssh -p 2222 transport-et-infrastructure@192.168.1.20   Transport et"), screen)
        XCTAssertTrue(screen.contains("ssh -p 2222 investissement@192.168.1.20   Investissement"), screen)
        XCTAssertTrue(screen.contains("Access code (the password): 482913"), screen)
        XCTAssertTrue(screen.contains("SHA256:WygHVaeNo6JFpOQaAPNU1NRcPEViyqxe9WEZXhsydWE"), screen)
    }

    func testConnectionsListFollowsTheServerAndDisconnects() {
        var state = workshopState(width: 100, height: 30, lang: .en)
        _ = AppUpdate.update(&state, .serving(serving([])))
        state.press(.control("o"))
        XCTAssertTrue(state.screen.joined().contains("SSH connections (0)"))
        // A rapporteur connects while the list is open: it appears, the selection stays.
        _ = AppUpdate.update(&state, .serving(serving([transport])))
        let screen = state.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("SSH connections (1)"), screen)
        XCTAssertTrue(screen.contains("Disconnect Transport et Infrastructure · 192.168.1.31 · since 08:00 · active 08:10"), screen)
        let effects = state.press(.down, .enter)
        XCTAssertEqual(effects, [.disconnect(connection: 3)])
        XCTAssertNil(state.popup)
        XCTAssertEqual(state.status?.text, "Disconnected: Transport et Infrastructure (192.168.1.31)")
    }

    func testChangingTheCode() {
        var state = workshopState(width: 100, height: 30, lang: .fr)
        _ = AppUpdate.update(&state, .serving(serving([transport])))
        state.press(.control("o"), .enter)
        state.type("123")
        XCTAssertEqual(state.press(.enter), [], "too short")
        XCTAssertEqual(state.serving?.code, "482913")
        XCTAssertTrue(state.status?.text.contains("Code refusé") == true)
        state.press(.control("o"), .enter)
        state.type("jasmin-2024")
        XCTAssertEqual(state.press(.enter), [.changeAccessCode("jasmin-2024")])
        XCTAssertEqual(state.serving?.code, "jasmin-2024")
        state.press(.control("o"))
        XCTAssertTrue(state.screen.joined().contains("Changer le code d’accès (actuel : jasmin-2024)"))
    }

    func testRapporteurViewsNeverServe() {
        var state = workshopState(width: 100, height: 30, lang: .en, rapporteur: "t-transport")
        state.press(.control("o"))
        XCTAssertNil(state.popup)
    }
}
