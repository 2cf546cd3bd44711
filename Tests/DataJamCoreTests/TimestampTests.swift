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

/// A timestamp the loader accepts is one the encoder writes back identically: any number of
/// fraction digits, and only moments whose UTC year has four digits.
final class TimestampRangeTests: XCTestCase {
    func testAcceptsAnyNumberOfFractionDigits() {
        XCTAssertEqual(Timestamp(iso8601: "2023-11-27T09:30:00.0000Z")?.milliseconds, 1_701_077_400_000)
        XCTAssertEqual(Timestamp(iso8601: "2023-11-27T09:30:00.123456789Z")?.milliseconds, 1_701_077_400_123)
        XCTAssertEqual(Timestamp(iso8601: "2023-11-27T09:30:00.9999999999999999999999Z")?.milliseconds, 1_701_077_400_999,
                       "truncated, never rounded into the next second")
        XCTAssertEqual(Timestamp(iso8601: "2023-11-27T09:30:00.1Z")?.milliseconds, 1_701_077_400_100)
        for digits in 1...30 {
            let text = "2023-11-27T09:30:00." + String(repeating: "7", count: digits) + "Z"
            XCTAssertNotNil(Timestamp(iso8601: text), text)
        }
    }

    func testRefusesMomentsOutsideFourDigitUTCYears() {
        for text in ["0000-01-01T00:00:00.000+01:00", "9999-12-31T23:59:59.999-00:01", "0000-06-01T09:30:00.000Z",
                     "0001-01-01T00:00:00.000+00:01", "9999-12-31T23:59:60Z"] {
            XCTAssertEqual(Timestamp.parse(text), .failure(.outOfRange), text)
        }
        XCTAssertEqual(Timestamp(iso8601: "0001-01-01T00:00:00.000Z"), Timestamp.earliest)
        XCTAssertEqual(Timestamp(iso8601: "9999-12-31T23:59:59.999Z"), Timestamp.latest)
        XCTAssertEqual(Timestamp(iso8601: "0001-01-01T00:59:00.000+00:59"), Timestamp.earliest)
        XCTAssertEqual(Timestamp.earliest.iso8601, "0001-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp.latest.iso8601, "9999-12-31T23:59:59.999Z")
        for text in ["2023-11-27T09:30:00+24:00", "2023-11-27T09:30:00+01:60", "2023-11-27T09:30:00+1:00"] {
            XCTAssertEqual(Timestamp.parse(text), .failure(.malformed), text)
        }
    }

    /// Generated texts in every form the parser knows: whatever parses writes back to a text that
    /// parses to the same moment, and that text is stable.
    func testEveryAcceptedTextRoundTrips() {
        var random = SeededRandom(seed: 8)
        for _ in 0..<20_000 {
            let year = [0, 1, 2, 1969, 1970, 2023, 9998, 9999].randomElement(using: &random)!
            let month = Int.random(in: 1...12, using: &random), day = Int.random(in: 1...31, using: &random)
            var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                              Int.random(in: 0...23, using: &random), Int.random(in: 0...59, using: &random), Int.random(in: 0...60, using: &random))
            if Bool.random(using: &random) { text += "." + String(repeating: "9", count: Int.random(in: 1...12, using: &random)) }
            text += Bool.random(using: &random) ? "Z" : String(format: "%@%02d:%02d", Bool.random(using: &random) ? "+" : "-",
                                                            Int.random(in: 0...23, using: &random), Int.random(in: 0...59, using: &random))
            guard let parsed = Timestamp(iso8601: text) else { continue }
            XCTAssertTrue(parsed.isWritable, text)
            XCTAssertEqual(Timestamp(iso8601: parsed.iso8601), parsed, text)
            XCTAssertEqual(parsed.iso8601.count, 24, text)
        }
    }

    func testAChangeAfterTheLastMomentStaysWritable() {
        XCTAssertEqual(Timestamp.now().later(than: Timestamp.latest), Timestamp.latest)
        XCTAssertTrue(Timestamp.now(after: Timestamp.latest).isWritable)
    }

    func testEncodingRefusesAMomentItCouldNotReadBack() {
        XCTAssertThrowsError(try JSONEncoder().encode([Timestamp(milliseconds: Timestamp.latest.milliseconds + 1)]))
        XCTAssertThrowsError(try JSONEncoder().encode([Timestamp(milliseconds: Timestamp.earliest.milliseconds - 1)]))
    }

    func testTheDayOfAnyMomentIsComputedWithoutFailing() {
        XCTAssertEqual(WorkshopDate.day(of: Timestamp.latest).description, "9999-12-31")
        XCTAssertEqual(WorkshopDate.day(of: Timestamp(milliseconds: Timestamp.latest.milliseconds + 86_400_000)).year, 10_000)
        XCTAssertEqual(WorkshopDate.day(of: Timestamp(milliseconds: Timestamp.earliest.milliseconds - 1)).year, 0)
        XCTAssertFalse(WorkshopDate.day(of: Timestamp(milliseconds: Timestamp.earliest.milliseconds - 1)).isWritable)
    }
}
