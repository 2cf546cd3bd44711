import DataJamCore
import Foundation
import TestSupport
import XCTest

/// A session file (and a file name, and arguments) full of terminal control sequences: whatever a
/// command prints, no raw control character reaches the terminal. Generated texts mix every C0
/// control, DEL, the C1 controls and the direction overrides with ordinary words.
final class HostileTextTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = TemporaryFolder("hostile")
    }

    /// Control code points a terminal would obey (NUL cannot travel in an argument, so it is only
    /// put in file content).
    static let controls: [Unicode.Scalar] = {
        var values: [UInt32] = Array(0x01...0x1F) + [0x7F] + Array(0x80...0x9F)
        values += [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        return values.compactMap { Unicode.Scalar($0) }
    }()

    /// The sequences that did harm, then random mixes.
    static func hostile(_ seed: Int) -> String {
        let known = ["\u{1B}]0;pwned\u{07}", "\u{1B}[2J\u{1B}[H", "\u{9B}31m", "\u{1B}P+q\u{1B}\\", "a\rb", "\u{202E}override"]
        if seed < known.count { return "x " + known[seed] + " y" }
        var generator = SeededGenerator(seed: UInt64(seed))
        var text = "w\(seed) "
        for _ in 0..<12 {
            if Bool.random(using: &generator) {
                text.unicodeScalars.append(controls.randomElement(using: &generator)!)
            } else {
                text += ["é", "ab", " ", "[2J", "]0;", "ب"].randomElement(using: &generator)!
            }
        }
        return text
    }

    /// Fails when `output` holds a control character other than newline (and tab when allowed).
    private func assertClean(_ output: String, tabs: Bool = false, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = output.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: return false
            case 0x09: return !tabs
            case 0x00...0x1F, 0x7F...0x9F: return true
            default: return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            }
        }
        XCTAssertTrue(bad.isEmpty, "\(context): raw controls \(bad.map { String($0.value, radix: 16) }) in \(output.debugDescription)", file: file, line: line)
    }

    private func hostileWorkshop(_ seed: Int) -> Workshop {
        var w = WorkshopFixtures.complete()
        let t = { (n: Int) in Self.hostile(seed * 10 + n) }
        w.details.theme = t(0)
        w.details.city = t(1)
        w.teams[0].name = t(2)
        w.categories[0].label = t(3)
        w.findings[0].category = w.categories[0].id
        w.findings[0].text = t(4) + "\u{0}"
        w.findings[1].author = t(5)
        w.findings[2].text = t(6)
        return w
    }

    func testNothingPrintedCarriesARawControlCharacter() throws {
        for seed in 0..<6 {
            let w = hostileWorkshop(seed)
            let file = folder.file("ws-\(seed).json")
            try SessionStore().create(w, at: file)
            let hostile = Self.hostile(seed + 100)

            var runs: [(String, [String], Bool)] = [
                ("validate", ["validate", file], false),
                ("list", ["list", file], true),
                ("list unknown team", ["list", file, "--team", hostile], false),
                ("list unknown kind", ["list", file, "--kind", hostile], false),
                ("add unknown team", ["add", file, "--team", hostile, "--kind", "note", "x"], false),
                ("add unknown category", ["add", file, "--kind", "constraint", "--category", hostile, "x"], false),
                ("add unknown kind", ["add", file, "--kind", hostile, "x"], false),
                ("add", ["add", file, "--kind", "note", "--author", hostile, hostile], false),
                ("edit unknown id", ["edit", file, hostile, "text"], false),
                ("delete unknown id", ["delete", file, hostile], false),
                ("export markdown to a pipe", ["export", file, "--format", "csv", "--lang", hostile], false),
                ("bad option", ["list", file, "--" + hostile], false),
                ("new with a hostile theme", ["new", folder.file("new-\(seed).json"), "--theme", hostile, "--city", hostile], false),
            ]
            // A file whose name is hostile: missing, then present but broken.
            let evilName = folder.file("evil\(Self.hostile(seed)).json")
            runs.append(("missing hostile name", ["validate", evilName], false))
            FileManager.default.createFile(atPath: evilName, contents: Data("{\"format\": \"\(Self.hostile(seed).unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined())\"}".utf8))
            runs.append(("broken hostile name", ["validate", evilName], false))
            runs.append(("list broken hostile name", ["list", evilName], false))

            // merge: a same-named team of another id (matched by name, listed in the summary).
            var other = WorkshopPreset.named("blank")!.makeWorkshop(theme: "o", date: nil, city: "", teamNames: [w.teams[0].name])
            other.categories[0].label = w.categories[0].label
            let otherFile = folder.file("other-\(seed).json")
            try SessionStore().create(other, at: otherFile)
            runs.append(("merge summary", ["merge", file, otherFile], false))

            for (name, arguments, tabs) in runs {
                let result = try ProcessRunner.datajam(arguments: arguments)
                assertClean(result.stdout, tabs: tabs, "\(name) [\(seed)] stdout")
                assertClean(result.stderr, "\(name) [\(seed)] stderr")
            }
            let merged = try ProcessRunner.datajam("merge", file, otherFile)
            XCTAssertEqual(merged.status, 0, merged.stderr)
            XCTAssertTrue(merged.stdout.contains("\\x"), "the summary names the team, escaped: \(merged.stdout)")
        }
    }

    func testListKeepsOneLinePerFindingAndShowsEscapesVisibly() throws {
        var w = WorkshopFixtures.complete()
        w.findings = [Finding(id: "f-1", teamId: nil, kind: .note, text: "\u{1B}]0;pwned\u{07}ok", author: "a\nb", createdAt: WorkshopFixtures.time(10))]
        let file = folder.file("ws.json")
        try SessionStore().create(w, at: file)
        let list = try ProcessRunner.datajam("list", file)
        XCTAssertEqual(list.stdout, "f-1\tplenary\tnote\t-\ta\\nb\t\\x1B]0;pwned\\x07ok\n")
    }

    func testHelpKeepsItsLayout() throws {
        let help = try ProcessRunner.datajam("list", "--help")
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.hasPrefix("OVERVIEW: List findings"), help.stdout)
        XCTAssertGreaterThan(help.stdout.split(separator: "\n").count, 5, help.stdout)
        XCTAssertFalse(help.stdout.contains("\\n"), help.stdout)
        let missing = try ProcessRunner.datajam("list")
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.hasPrefix("Error: Missing expected argument '<file>'\n"), missing.stderr)
    }
}

/// A small deterministic generator (SplitMix64), so a failing case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
