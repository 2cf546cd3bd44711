@testable import DataJamUI
import XCTest

/// The memo behind the per-frame caches: a value is made once while kept, and the memo never holds
/// more than its capacity (emptied when full), so scrolling through 10,000 findings keeps memory flat.
final class BoundedMemoTests: XCTestCase {
    func testKeepsValuesUpToItsCapacityThenStartsAgain() {
        let memo = BoundedMemo<String, Int>(capacity: 2)
        var made: [String] = []
        func value(_ key: String) -> Int { memo.value(for: key) { made.append(key); return key.count } }
        XCTAssertEqual(value("a"), 1)
        XCTAssertEqual(value("bb"), 2)
        XCTAssertEqual(value("a"), 1)
        XCTAssertEqual(made, ["a", "bb"], "kept while there is room")
        XCTAssertEqual(value("ccc"), 3)
        XCTAssertEqual(value("a"), 1)
        XCTAssertEqual(made, ["a", "bb", "ccc", "a"], "emptied when full: a is made again")
    }

    func testCachedLayoutsAreTheLayouts() {
        let arabic = "البيانات المفتوحة (2024) غير متوفرة"
        XCTAssertEqual(VisualOrderCache.visual(arabic, direction: nil), BidiLine(arabic).visual)
        XCTAssertEqual(VisualOrderCache.visual(arabic, direction: .leftToRight), BidiLine(arabic, direction: .leftToRight).visual)
        XCTAssertEqual(TextWrap.wrap("l’équipe — données ouvertes", width: 10), ["l’équipe —", "données", "ouvertes"])
    }
}
