import XCTest
@testable import DataJamUI

final class KeyTests: XCTestCase {
    func testNamesForFootersAndHelp() {
        XCTAssertEqual(Key.control("w").name, "Ctrl-W")
        XCTAssertEqual(Key.function(2).name, "F2")
        XCTAssertEqual(Key.character(" ").name, "Space")
        XCTAssertEqual(Key.character("é").name, "é")
        XCTAssertEqual(Key.pageDown.name, "PgDn")
        XCTAssertEqual(Key.backTab.name, "Shift-Tab")
    }

    func testKeysAreHashable() {
        let bindings: [Key: String] = [.control("s"): "save", .function(1): "help", .character("q"): "quit"]
        XCTAssertEqual(bindings[.control("s")], "save")
        XCTAssertNil(bindings[.control("q")])
    }
}
