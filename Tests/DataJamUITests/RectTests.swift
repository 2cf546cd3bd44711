import XCTest
@testable import DataJamUI

final class RectTests: XCTestCase {
    func testSizesNeverGoNegative() {
        XCTAssertEqual(Rect(width: -4, height: -1), Rect(width: 0, height: 0))
        var rect = Rect(width: 3, height: 3)
        rect.width -= 10
        XCTAssertEqual(rect.width, 0)
        XCTAssertTrue(rect.isEmpty)
    }

    func testInset() {
        let rect = Rect(x: 2, y: 1, width: 10, height: 5)
        XCTAssertEqual(rect.inset(by: 1), Rect(x: 3, y: 2, width: 8, height: 3))
        XCTAssertEqual(rect.inset(horizontal: 2, vertical: 0), Rect(x: 4, y: 1, width: 6, height: 5))
        XCTAssertEqual(rect.inset(top: 1, left: 0, bottom: 0, right: 3), Rect(x: 2, y: 2, width: 7, height: 4))
        XCTAssertTrue(rect.inset(by: 10).isEmpty)
        XCTAssertEqual(Rect(width: 1, height: 1).inset(by: 1), Rect(x: 1, y: 1, width: 0, height: 0))
    }

    func testSplits() {
        let screen = Rect(width: 80, height: 24)
        let (title, body) = screen.splitTop(1)
        XCTAssertEqual(title, Rect(width: 80, height: 1))
        XCTAssertEqual(body, Rect(x: 0, y: 1, width: 80, height: 23))
        let (main, footer) = body.splitBottom(2)
        XCTAssertEqual(main, Rect(x: 0, y: 1, width: 80, height: 21))
        XCTAssertEqual(footer, Rect(x: 0, y: 22, width: 80, height: 2))
        let (sidebar, content) = main.splitLeft(20)
        XCTAssertEqual(sidebar, Rect(x: 0, y: 1, width: 20, height: 21))
        XCTAssertEqual(content, Rect(x: 20, y: 1, width: 60, height: 21))
        let (rest, right) = content.splitRight(100)
        XCTAssertEqual(rest.width, 0)
        XCTAssertEqual(right, content)
    }

    func testEvenSplitsCoverTheRectangle() {
        let rect = Rect(x: 1, y: 2, width: 10, height: 10)
        let rows = rect.splitRows(3)
        XCTAssertEqual(rows.map(\.height), [4, 3, 3])
        XCTAssertEqual(rows.map(\.y), [2, 6, 9])
        let columns = rect.splitColumns(4)
        XCTAssertEqual(columns.map(\.width), [3, 3, 2, 2])
        XCTAssertEqual(columns.map(\.x), [1, 4, 7, 9])
        XCTAssertEqual(rect.splitRows(0), [])
        XCTAssertEqual(Rect(width: 2, height: 1).splitColumns(3).map(\.width), [1, 1, 0])
    }

    func testIntersectionContainsCenteredRow() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        let b = Rect(x: 5, y: 8, width: 10, height: 10)
        XCTAssertEqual(a.intersection(b), Rect(x: 5, y: 8, width: 5, height: 2))
        XCTAssertTrue(a.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
        XCTAssertTrue(a.contains(x: 9, y: 9))
        XCTAssertFalse(a.contains(x: 10, y: 0))
        XCTAssertEqual(a.centered(width: 4, height: 2), Rect(x: 3, y: 4, width: 4, height: 2))
        XCTAssertEqual(a.centered(width: 40, height: 2), Rect(x: 0, y: 4, width: 10, height: 2))
        XCTAssertEqual(a.row(3), Rect(x: 0, y: 3, width: 10, height: 1))
        XCTAssertTrue(a.row(10).isEmpty)
    }
}
