import DataJamCore
import XCTest

final class TimestampTests: XCTestCase {
    func testFormatsUTCWithMilliseconds() {
        XCTAssertEqual(Timestamp(milliseconds: 0).iso8601, "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp(milliseconds: 1_701_077_400_123).iso8601, "2023-11-27T09:30:00.123Z")
        XCTAssertEqual(Timestamp(milliseconds: -1).iso8601, "1969-12-31T23:59:59.999Z")
    }

    func testParsesWhatItWritesAndCommonVariants() {
        for ms: Int64 in [0, 1_701_077_400_123, 951_782_400_000 /* 2000-02-29 */, 4_102_444_799_999] {
            XCTAssertEqual(Timestamp(iso8601: Timestamp(milliseconds: ms).iso8601)?.milliseconds, ms)
        }
        XCTAssertEqual(Timestamp(iso8601: "2023-11-27T09:30:00Z")?.milliseconds, 1_701_077_400_000)
        XCTAssertEqual(Timestamp(iso8601: "2023-11-27T10:30:00.5+01:00")?.milliseconds, 1_701_077_400_500)
    }

    func testRejectsMalformedText() {
        for text in ["", "2023-11-27", "2023-13-01T00:00:00Z", "2023-02-30T00:00:00Z", "2023-11-27T25:00:00Z",
                     "2023-11-27T09:30:00", "2023-11-27T09:30:00.Z", "2023-11-27 09:30:00Z", "2023-11-27T09:30:00Zjunk"] {
            XCTAssertNil(Timestamp(iso8601: text), text)
        }
    }

    func testNowAfterIsStrictlyLater() {
        let future = Timestamp(milliseconds: Timestamp.now().milliseconds + 60_000)
        XCTAssertEqual(Timestamp.now(after: future).milliseconds, future.milliseconds + 1)
        XCTAssertGreaterThan(Timestamp.now(after: nil), Timestamp(milliseconds: 0))
    }

    func testWorkshopDate() {
        XCTAssertEqual(WorkshopDate("2023-11-27")?.description, "2023-11-27")
        XCTAssertNil(WorkshopDate("2023-11-31"))
        XCTAssertNil(WorkshopDate("27/11/2023"))
        XCTAssertNil(WorkshopDate("2023-1-27"))
        XCTAssertNotNil(WorkshopDate("2024-02-29"))
        XCTAssertNil(WorkshopDate("2023-02-29"))
    }
}
