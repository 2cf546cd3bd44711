import XCTest
@testable import DataJamUI

final class TextWrapTests: XCTestCase {
    func testBreaksAtSpaces() {
        XCTAssertEqual(TextWrap.wrap("open data workshop", width: 9), ["open data", "workshop"])
        XCTAssertEqual(TextWrap.wrap("open data workshop", width: 100), ["open data workshop"])
    }

    func testHardBreaksWordsLongerThanTheWidth() {
        XCTAssertEqual(TextWrap.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextWrap.wrap("a abcdefgh b", width: 4), ["a", "abcd", "efgh", "b"])
    }

    func testHonoursLineBreaksAndKeepsBlankLines() {
        XCTAssertEqual(TextWrap.wrap("one\n\ntwo", width: 10), ["one", "", "two"])
        XCTAssertEqual(TextWrap.wrap("one\r\ntwo", width: 10), ["one", "two"])
        XCTAssertEqual(TextWrap.wrap("", width: 10), [""])
        XCTAssertEqual(TextWrap.wrap("end\n", width: 10), ["end", ""])
    }

    /// The fast check that skips splitting: every line break counts, and the other characters that
    /// share their lead bytes (’ — … « », Arabic) do not.
    func testLineBreaksAreFoundByteByByteAndLookAlikesAreNot() {
        for text in ["a\nb", "a\rb", "a\u{0B}b", "a\u{0C}b", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "l’équipe —\n"] {
            XCTAssertTrue(TextWrap.mayBreakLines(text), text.debugDescription)
        }
        for text in ["", "l’équipe — données… « ouvertes »", "البيانات المفتوحة", "\u{2027}\u{202A}\u{00A0}\u{00C2}\u{0080}"] {
            XCTAssertFalse(TextWrap.mayBreakLines(text), text.debugDescription)
        }
        XCTAssertEqual(TextWrap.wrap("l’équipe\u{2028}données", width: 40), ["l’équipe", "données"])
    }

    func testSpacing() {
        XCTAssertEqual(TextWrap.wrap("  indented text here", width: 10), ["  indented", "text here"])
        XCTAssertEqual(TextWrap.wrap("a  b", width: 10), ["a  b"], "spaces inside a line are kept")
        XCTAssertEqual(TextWrap.wrap("abc   ", width: 10), ["abc"], "trailing spaces are dropped")
        XCTAssertEqual(TextWrap.wrap("a\tb", width: 10), ["a b"], "tabs are spaces")
        XCTAssertEqual(TextWrap.wrap("   ", width: 10), [""])
    }

    func testMeasuresDisplayWidthNotCharacters() {
        // Three two-column ideographs do not fit in five columns.
        let wide = TextWrap.wrap("数据数据数据", width: 5)
        XCTAssertEqual(wide, ["数据", "数据", "数据"])
        XCTAssertTrue(wide.allSatisfy { $0.displayWidth <= 5 })
        XCTAssertEqual(TextWrap.wrap("عبد الله بن محمد", width: 8), ["عبد الله", "بن محمد"])
        // Combining accents take no room of their own and stay attached to their letter.
        XCTAssertEqual(TextWrap.wrap("e\u{301}e\u{301}e\u{301}", width: 2), ["e\u{301}e\u{301}", "e\u{301}"])
        XCTAssertEqual(TextWrap.wrap("Réunion 👩‍💻 données", width: 10), ["Réunion 👩‍💻", "données"])
    }

    func testDegenerateWidths() {
        XCTAssertEqual(TextWrap.wrap("anything", width: 0), [])
        XCTAssertEqual(TextWrap.wrap("anything", width: -3), [])
        XCTAssertEqual(TextWrap.wrap("ab", width: 1), ["a", "b"])
        // A character wider than the box still gets its own line rather than vanishing.
        XCTAssertEqual(TextWrap.wrap("中文", width: 1), ["中", "文"])
    }

    func testTruncate() {
        XCTAssertEqual(TextWrap.truncate("short", width: 10), "short")
        XCTAssertEqual(TextWrap.truncate("exactly", width: 7), "exactly")
        XCTAssertEqual(TextWrap.truncate("Données ouvertes", width: 8), "Données…")
        XCTAssertEqual(TextWrap.truncate("数据数据", width: 5), "数据…")
        XCTAssertEqual(TextWrap.truncate("数据数据", width: 4), "数…", "a wide character is never split")
        XCTAssertEqual(TextWrap.truncate("عبد الله", width: 4), "عبد…")
        XCTAssertEqual(TextWrap.truncate("Cafe\u{301} crème", width: 5), "Cafe\u{301}…")
        XCTAssertEqual(TextWrap.truncate("abc", width: 1), "…")
        XCTAssertEqual(TextWrap.truncate("abc", width: 0), "")
        XCTAssertEqual(TextWrap.truncate("abcdef", width: 5, ellipsis: "..."), "ab...")
        XCTAssertEqual(TextWrap.truncate("abcdef", width: 2, ellipsis: "..."), "..")
    }

    func testFitPadsOrTruncatesToExactWidth() {
        XCTAssertEqual(TextWrap.fit("ab", width: 4), "ab  ")
        XCTAssertEqual(TextWrap.fit("abcdef", width: 4), "abc…")
        XCTAssertEqual(TextWrap.fit("中", width: 3), "中 ")
        XCTAssertEqual(TextWrap.fit("x", width: 0), "")
        XCTAssertEqual(TextWrap.prefix(of: "a中b", width: 2), "a")
    }
}

/// Wrapping generated texts: every word kept in order, no line too wide, for both the byte-scanning
/// path (ASCII spaces) and the character path (a non-ASCII space in the text).
final class TextWrapPropertyTests: XCTestCase {
    func testWrappedLinesKeepEveryWordAndFit() {
        let words = ["données", "d’APIs", "ventilées", "par", "sexe", "عبد", "الله", "👍", "中文", "e\u{301}", "INS", "open-data", "x"]
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for round in 0..<300 {
            let count = 1 + next(25)
            let picked = (0..<count).map { _ in words[next(words.count)] }
            let separator = round % 5 == 0 ? "\u{2003}" : String(repeating: " ", count: 1 + next(3))
            let text = picked.joined(separator: separator)
            let width = 4 + next(30)
            let lines = TextWrap.wrap(text, width: width)
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(text) at \(width)") }
            let rejoined = lines.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "\u{2003}" }).joined()
            XCTAssertEqual(rejoined, picked.joined(), "\(text) at \(width)")
        }
    }
}
