import XCTest
@testable import DataJamUI

final class DisplayWidthTests: XCTestCase {
    func testLatinAndAccentsTakeOneColumn() {
        XCTAssertEqual(DisplayWidth.of("a" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("é" as Character), 1)
        // e + combining acute accent is one Character and one column.
        let decomposed = "e\u{301}"
        XCTAssertEqual(decomposed.count, 1)
        XCTAssertEqual(DisplayWidth.of(decomposed.first!), 1)
        XCTAssertEqual(DisplayWidth.of("Ç" as Character), 1)
    }

    func testArabicTakesOneColumnPerLetter() {
        XCTAssertEqual(DisplayWidth.of("ب" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("عبد الله"), 8)
        // A letter with a vowel mark (fatha) is still one column.
        XCTAssertEqual(DisplayWidth.of("بَ" as Character), 1)
    }

    func testEastAsianWideTakesTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("中" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("한" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("カ" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("Ａ" as Character), 2, "fullwidth form")
        XCTAssertEqual(DisplayWidth.of("ｶ" as Character), 1, "halfwidth katakana")
        // Hangul written as leading consonant + vowel jamo forms one two-column syllable.
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}".first!), 2)
    }

    func testEmojiTakeTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("👍" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("👩‍💻" as Character), 2, "ZWJ sequence")
        XCTAssertEqual(DisplayWidth.of("🇫🇷" as Character), 2, "flag")
        XCTAssertEqual(DisplayWidth.of("👍🏽" as Character), 2, "skin tone")
        XCTAssertEqual(DisplayWidth.of("❤️" as Character), 2, "emoji presentation selector")
        XCTAssertEqual(DisplayWidth.of("1️⃣" as Character), 2, "keycap")
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧‍👦" as Character), 2, "family")
    }

    func testTextPresentationAndLoneRegionalIndicatorTakeOneColumn() {
        XCTAssertEqual(DisplayWidth.of("❤" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("\u{1F1EB}" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("#" as Character), 1)
    }

    func testControlAndZeroWidthCharactersTakeNoColumns() {
        XCTAssertEqual(DisplayWidth.of("\u{7}" as Character), 0)
        XCTAssertEqual(DisplayWidth.of("\t" as Character), 0)
        XCTAssertEqual(DisplayWidth.of("\u{1B}" as Character), 0)
        XCTAssertEqual(DisplayWidth.of("\u{85}" as Character), 0)
        XCTAssertEqual(DisplayWidth.of("\r\n" as Character), 0)
        XCTAssertEqual(DisplayWidth.of("\u{200B}" as Character), 0, "zero-width space")
        XCTAssertEqual(DisplayWidth.of("\u{200D}" as Character), 0, "zero-width joiner")
        XCTAssertEqual(DisplayWidth.of("\u{FE0F}" as Character), 0, "variation selector")
        XCTAssertEqual(DisplayWidth.of("\u{301}" as Character), 0, "combining mark alone")
    }

    func testVisibleFormatCharactersTakeOneColumn() {
        XCTAssertEqual(DisplayWidth.of("\u{AD}" as Character), 1, "soft hyphen")
        XCTAssertEqual(DisplayWidth.of("\u{600}" as Unicode.Scalar), 1, "Arabic number sign")
    }

    func testStringWidthSumsItsCharacters() {
        XCTAssertEqual(DisplayWidth.of(""), 0)
        XCTAssertEqual(DisplayWidth.of("Café"), 4)
        XCTAssertEqual(DisplayWidth.of("Cafe\u{301}"), 4)
        XCTAssertEqual(DisplayWidth.of("数据 jam"), 8)
        XCTAssertEqual(DisplayWidth.of("Paris 🇫🇷 👩‍💻"), 11)
        XCTAssertEqual("中文".displayWidth, 4)
        XCTAssertEqual(("中" as Character).displayWidth, 2)
        XCTAssertEqual("données"[...].displayWidth, 7, "substrings measure the same way")
    }
}
