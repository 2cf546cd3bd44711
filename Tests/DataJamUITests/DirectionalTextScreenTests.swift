import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// Direction overrides and isolates in a file's text never reach the screen: the text shows in
/// the order it was typed.
final class DirectionalTextScreenTests: XCTestCase {
    func testDirectionOverridesAreNotDrawn() {
        var w = WorkshopFixtures.complete()
        w.findings[0].text = "\u{202E}override\u{202C} \u{2067}isolate\u{2069} \u{202B}embed"
        w.teams[0].name = "\u{202E}Transport"
        let state = workshopState(width: 100, workshop: w)
        let buffer = AppView.render(state).buffer
        let all = buffer.lines.joined(separator: "\n")
        XCTAssertTrue(all.contains("override isolate embed"), all)
        XCTAssertTrue(all.contains("Transport"), all)
        for y in 0..<buffer.height {
            for cell in buffer.row(y) {
                XCTAssertFalse(cell.grapheme.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                               "row \(y): \(cell.grapheme.debugDescription)")
            }
        }
    }
}
