@testable import DataJamCore
import XCTest

/// Timestamps in the form this program writes are read at fixed places (`parseWritten`); every
/// other text goes to the general reading. The two must give the same result for every text of
/// that length: the same moment, or the same refusal.
final class TimestampWrittenFormTests: XCTestCase {
    private func both(_ text: String) -> (fast: Result<Timestamp, Timestamp.ParseFailure>, general: Result<Timestamp, Timestamp.ParseFailure>) {
        var text = text
        return text.withUTF8 { (Timestamp.parse(utf8: $0), Timestamp.parseAnyForm($0)) }
    }

    func testWrittenMomentsReadTheSameBothWays() {
        var random = SeededRandom(seed: 24)
        let span = Timestamp.latest.milliseconds - Timestamp.earliest.milliseconds
        for _ in 0..<50_000 {
            let moment = Timestamp(milliseconds: Timestamp.earliest.milliseconds + Int64.random(in: 0...span, using: &random))
            let (fast, general) = both(moment.iso8601)
            XCTAssertEqual(fast, .success(moment))
            XCTAssertEqual(general, .success(moment))
            var utf8 = moment.iso8601
            XCTAssertEqual(utf8.withUTF8 { Timestamp.parseWritten($0) }, moment, "the fixed-place reading took it")
        }
    }

    func testEdgesOfEveryFieldReadTheSameBothWays() {
        var texts: [String] = []
        for year in ["0000", "0001", "1900", "2000", "2023", "2024", "9999"] {
            for (month, day) in [("00", "01"), ("01", "00"), ("01", "31"), ("01", "32"), ("02", "28"), ("02", "29"), ("02", "30"),
                                 ("04", "30"), ("04", "31"), ("12", "31"), ("13", "01")] {
                for time in ["00:00:00.000", "23:59:59.999", "23:59:60.999", "24:00:00.000", "12:60:00.000", "12:00:61.000"] {
                    texts.append("\(year)-\(month)-\(day)T\(time)Z")
                }
            }
        }
        for text in texts {
            let (fast, general) = both(text)
            XCTAssertEqual(fast, general, text)
        }
    }

    /// Each byte of written texts replaced by one that could confuse a reader at fixed places:
    /// another digit, a separator, a letter, a byte below "0" or above "9", a multi-byte start.
    func testEveryOneByteChangeReadsTheSameBothWays() {
        var random = SeededRandom(seed: 7)
        let replacements: [UInt8] = Array("0123456789-:T.tZz+/ ".utf8) + [0x00, 0x2F, 0x3A, 0x7F, 0xC3]
        for _ in 0..<400 {
            let moment = Timestamp(milliseconds: Int64.random(in: Timestamp.earliest.milliseconds...Timestamp.latest.milliseconds, using: &random))
            let written = Array(moment.iso8601.utf8)
            for place in written.indices {
                for byte in replacements {
                    var bytes = written
                    bytes[place] = byte
                    let fast = bytes.withUnsafeBufferPointer { Timestamp.parse(utf8: $0) }
                    let general = bytes.withUnsafeBufferPointer { Timestamp.parseAnyForm($0) }
                    XCTAssertEqual(fast, general, String(decoding: bytes, as: UTF8.self))
                }
            }
        }
    }
}
