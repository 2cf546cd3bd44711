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

    /// Texts are measured code point by code point unless an emoji sequence may be in them: random
    /// texts mixing every kind of code point (accents, Arabic with its marks, punctuation, CJK,
    /// emoji, joiners, flags, skin tones, controls) must measure as cluster by cluster.
    func testTheFastMeasureAgreesWithClusterByCluster() {
        let pool: [UInt32] = [0x41, 0x20, 0xE9, 0x300, 0x301, 0x627, 0x644, 0x64B, 0x670, 0x600, 0x6DD, 0x5D0, 0x5B4,
                              0x410, 0x2019, 0x2014, 0x2026, 0x200B, 0x200D, 0x200F, 0x202E, 0x2066, 0x2028, 0xA0, 0xAD,
                              0x4E2D, 0xAC00, 0x1160, 0xFF21, 0x1F600, 0x1F469, 0x1F4BB, 0x1F3FD, 0x1F1F9, 0x1F1F3,
                              0xFE0F, 0xFE0E, 0x20E3, 0x31, 0x23, 0x2764, 0x7, 0x7F, 0x85, 0x0A, 0x0D, 0x10FFFD]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            var text = ""
            for _ in 0..<length { text.unicodeScalars.append(Unicode.Scalar(pool.randomElement(using: &generator)!)!) }
            XCTAssertEqual(DisplayWidth.of(text), DisplayWidth.ofClusters(text), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            XCTAssertEqual(DisplayWidth.of(text[...]), DisplayWidth.ofClusters(text))
        }
        // Every code point of the tables' blocks measures as the property rules say.
        for value in Array(0x300..<0x800) + Array(0x2000..<0x2100) {
            let scalar = Unicode.Scalar(UInt32(value))!
            XCTAssertEqual(DisplayWidth.of(scalar), DisplayWidth.measured(scalar), String(value, radix: 16))
        }
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
