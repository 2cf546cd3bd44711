import XCTest
@testable import DataJamUI

final class TerminalGlyphsTests: XCTestCase {
    /// Widths as glibc's `wcwidth` reports them: like DisplayWidth for single code points, but -1 for
    /// control characters and for code points newer than the C library's Unicode tables.
    private func wcwidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { return -1 }
        if scalar.value == 0x1F6DC { return -1 }  // wireless (Unicode 15), unknown to older C libraries
        return DisplayWidth.of(scalar)
    }

    private func plan(_ grapheme: String, width: Int? = nil, capacity: Int = 5) -> [String] {
        let cellWidth = width ?? DisplayWidth.of(grapheme)
        let glyphs = TerminalGlyphs.glyphs(for: grapheme, cellWidth: cellWidth, maxScalarsPerGlyph: capacity,
                                           columnWidth: wcwidth)
        XCTAssertEqual(glyphs.reduce(0) { $0 + $1.width }, cellWidth, "widths must add up for \(grapheme)")
        return glyphs.map(\.string)
    }

    func testSimpleCharactersPassThrough() {
        XCTAssertEqual(plan("a"), ["a"])
        XCTAssertEqual(plan("ب"), ["ب"])
        XCTAssertEqual(plan("中"), ["中"])
        XCTAssertEqual(plan("👍"), ["👍"])
    }

    /// The terminal draws a one-column printable ASCII cell straight (`NcursesTerminal.draw`),
    /// without asking for its glyphs: that is only right while they are the character itself.
    func testEveryPrintableASCIICharacterIsItsOwnGlyph() {
        for byte in UInt8(0x20)..<0x7F {
            let text = String(UnicodeScalar(byte))
            XCTAssertEqual(DisplayWidth.of(text), 1, text)
            XCTAssertEqual(TerminalGlyphs.glyphs(for: text, cellWidth: 1, maxScalarsPerGlyph: 5, columnWidth: wcwidth),
                           [TerminalGlyphs.Glyph(scalars: [UnicodeScalar(byte)], width: 1)], text)
        }
    }

    func testCombiningMarksStayWithTheirBase() {
        XCTAssertEqual(plan("e\u{301}"), ["e\u{301}"])
        XCTAssertEqual(plan("बि"), ["ब", "\u{93F}"], "a spacing vowel sign takes its own column")
        let piledUp = "a" + String(repeating: "\u{301}", count: 7)
        XCTAssertEqual(plan(piledUp, width: 1, capacity: 5).first?.unicodeScalars.count, 5)
    }

    func testFlagsAreSentAsTheirTwoLetters() {
        XCTAssertEqual(plan("🇫🇷"), ["\u{1F1EB}", "\u{1F1F7}"])
    }

    func testSequencesWiderThanTheCellKeepTheirFirstPicture() {
        XCTAssertEqual(plan("👩‍💻"), ["👩"], "no dangling joiner")
        XCTAssertEqual(plan("👍🏽"), ["👍"])
    }

    func testTextFormIsPaddedWhenTheTerminalCountsOneColumn() {
        XCTAssertEqual(plan("❤️"), ["❤", " "])
        XCTAssertEqual(plan("1️⃣"), ["1\u{20E3}", " "])
    }

    func testUnprintableBecomesAReplacementCharacter() {
        XCTAssertEqual(plan("\u{1F6DC}"), ["\u{FFFD}", " "])
        XCTAssertEqual(plan("\u{7}", width: 1), ["\u{FFFD}"])
        XCTAssertEqual(TerminalGlyphs.glyphs(for: "a", cellWidth: 0, maxScalarsPerGlyph: 5, columnWidth: wcwidth), [])
    }
}
