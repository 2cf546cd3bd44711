import DataJamCore
import XCTest

/// Text made safe for a terminal: no control character survives, everything else is unchanged,
/// and escaping twice changes nothing more.
final class TerminalEscapingTests: XCTestCase {
    private func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || DirectionalFormatting.isDirectionalFormatting(scalar)
    }

    func testEveryControlIsEscapedAndNothingElseChanges() {
        for value in UInt32(0)...0x30FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            for layout in [TerminalEscaping.Layout.singleLine, .tabSeparated, .multiLine] {
                let escaped = text.escapedForTerminal(layout)
                let kept = (value == 0x0A && layout == .multiLine) || (value == 0x09 && layout != .singleLine)
                if isControl(scalar) && !kept {
                    XCTAssertFalse(escaped.unicodeScalars.contains(where: isControl), "U+\(String(value, radix: 16)) \(layout)")
                    XCTAssertTrue(escaped.hasPrefix("a\\") && escaped.hasSuffix("b"), escaped)
                } else {
                    XCTAssertEqual(escaped, text, "U+\(String(value, radix: 16)) \(layout)")
                }
                XCTAssertEqual(escaped.escapedForTerminal(layout), escaped, "idempotent")
            }
        }
    }

    func testVisibleForms() {
        XCTAssertEqual("\u{1B}]0;pwned\u{07}".escapedForTerminal(), "\\x1B]0;pwned\\x07")
        XCTAssertEqual("a\r\nb\tc".escapedForTerminal(), "a\\r\\nb\\tc")
        XCTAssertEqual("a\tb\nc".escapedForTerminal(.tabSeparated), "a\tb\\nc")
        XCTAssertEqual("a\tb\nc\u{9B}".escapedForTerminal(.multiLine), "a\tb\nc\\x9B")
        XCTAssertEqual("a,b\r\nc\rd\r".escapedForTerminal(.multiLine), "a,b\r\nc\\rd\\r", "CSV line ends stay, a lone CR does not")
        XCTAssertEqual("\u{202E}override".escapedForTerminal(), "\\u202Eoverride")
        XCTAssertEqual("\u{200F}عربي\u{200E}".escapedForTerminal(), "\u{200F}عربي\u{200E}", "plain direction marks are harmless")
        XCTAssertEqual("Économie 👩‍💻".escapedForTerminal(), "Économie 👩‍💻")
    }

    func testSessionFileErrorsAreOneSafeLine() {
        let error = SessionFileError(file: "evil\u{1B}[2J.json", place: "teams[0].name", message: "bad \u{9B}31m\nname")
        XCTAssertEqual(error.description, "evil\\x1B[2J.json: teams[0].name: bad \\x9B31m\\nname")
    }
}
