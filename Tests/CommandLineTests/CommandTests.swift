import DataJamCore
import Foundation
import TestSupport
import XCTest

/// The non-interactive commands, run as a user runs them: the real binary, its output and exit code.
final class CommandTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var file: String!

    override func setUpWithError() throws {
        folder = TemporaryFolder("commands")
        file = folder.file("atelier.json")
        let created = try ProcessRunner.datajam("new", file, "--theme", "Économie numérique", "--date", "2023-11-27",
                                                "--city", "Tunis", "--preset", "economie-numerique")
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(created.stdout, "created \(file!): Économie numérique, 2023-11-27, Tunis: 3 teams, 0 findings\n")
    }

    private func add(_ args: String...) throws -> ProcessResult {
        try ProcessRunner.datajam(arguments: ["add", file] + args)
    }

    func testAddAndListRoundTrip() throws {
        let added = try add("--team", "transport", "--kind", "constraint", "--category", "Cadre juridique", "--gender",
                            "--author", "Leïla", "Décret", "non", "appliqué — عبد الله")
        XCTAssertEqual(added.status, 0, added.stderr)
        let id = added.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(id.hasPrefix("f-"))
        XCTAssertEqual(try add("--kind", "channel", "Portail national").status, 0)
        XCTAssertEqual(try add("--kind", "data-need", "--relevance", "4", "--impact", "5", "--availability", "missing", "Budget").status, 0)

        let all = try ProcessRunner.datajam("list", file)
        XCTAssertEqual(all.status, 0)
        let lines = all.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], "\(id)\tTransport et Infrastructure\tconstraint/legal\tgender\tLeïla\tDécret non appliqué — عبد الله")
        XCTAssertTrue(lines[1].hasSuffix("\tplenary\tchannel\t-\t-\tPortail national"), lines[1])

        XCTAssertEqual(try ProcessRunner.datajam("list", file, "--team", "plenary").stdout.split(separator: "\n").count, 2)
        XCTAssertEqual(try ProcessRunner.datajam("list", file, "--kind", "data-need").stdout.split(separator: "\n").count, 1)
        XCTAssertEqual(try ProcessRunner.datajam("list", file, "--team", "Transport et Infrastructure", "--kind", "constraint")
            .stdout.split(separator: "\n").count, 1)

        let workshop = try SessionStore().load(file)
        let need = try XCTUnwrap(workshop.findings.first { $0.kind == .dataNeed }?.dataNeed)
        XCTAssertEqual(need.priority, 20)
        XCTAssertEqual(need.availability, .missing)
    }

    func testBadArgumentsSayWhatIsAllowed() throws {
        let cases: [([String], String)] = [
            (["--team", "Santé", "--kind", "note", "x"], "unknown team \"Santé\"; teams are: Ressources naturelles, Transport et Infrastructure, Investissement (leave out --team for the plenary)"),
            (["--kind", "rumour", "x"], "unknown kind \"rumour\"; use one of: constraint, opportunity, data-need, channel, actor, use-case, note"),
            (["--kind", "constraint", "x"], "a constraint needs --category, one of: legal, data-quality, governance, technical, human-resources, financial"),
            (["--kind", "constraint", "--category", "weather", "x"], "unknown category \"weather\"; categories are: legal, data-quality, governance, technical, human-resources, financial"),
            (["--kind", "note", "--category", "legal", "x"], "--category is only for constraints (this is a note)"),
            (["--kind", "note", "   "], "the finding's text is empty; type what the team said"),
            (["--kind", "data-need", "--impact", "6", "x"], "--impact must be 1 to 5, not 6"),
            (["--kind", "data-need", "--availability", "soon", "x"], "unknown availability \"soon\"; use one of: available, missing, unusable-format"),
            (["--kind", "note", "--relevance", "3", "x"], "data-need options (--producer, --availability, --format, --sex-disaggregated, --relevance, --impact) are only for --kind data-need"),
            (["--kind", "actor", "--role", "boss", "x"], "unknown role \"boss\"; use producer or re-user"),
        ]
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        for (args, message) in cases {
            let result = try ProcessRunner.datajam(arguments: ["add", file] + args)
            XCTAssertEqual(result.status, 1, "\(args)")
            XCTAssertEqual(result.stderr, "Error: \(file!): \(message)\n", "\(args)")
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "a refused add changes nothing")

        let missing = try ProcessRunner.datajam("add", folder.file("nope.json"), "--kind", "note", "x")
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "Error: \(folder.file("nope.json")): no such file; check the name, or create it with `datajam new`\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("nope.json")))

        let unknownTeam = try ProcessRunner.datajam("list", file, "--team", "Santé")
        XCTAssertEqual(unknownTeam.stderr, "Error: unknown team \"Santé\"; teams are: Ressources naturelles, Transport et Infrastructure, Investissement, plenary\n")
    }

    func testNewRefusesBadInputAndNeverOverwrites() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let again = try ProcessRunner.datajam("new", file, "--theme", "Autre")
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "Error: \(file!): already exists; choose another name (nothing was overwritten)\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)

        let other = folder.file("b.json")
        for (args, message) in [
            (["--theme", "x", "--date", "27/11/2023"], "--date \"27/11/2023\" is not a date; write it YYYY-MM-DD, e.g. 2023-11-27"),
            (["--theme", "x", "--preset", "fancy"], "unknown preset \"fancy\"; use one of: blank, economie-numerique, inclusion-sociale, data-journalisme"),
            (["--theme", " "], "--theme is empty; give the workshop's theme"),
            (["--theme", "x", "--team", "A", "--team", "a"], "--team \"A\" and --team \"a\" are the same name (case and accents do not count); give each team its own name"),
            (["--theme", "x", "--team", "Santé", "--team", " SANTE "], "--team \"Santé\" and --team \"SANTE\" are the same name (case and accents do not count); give each team its own name"),
            (["--theme", "x", "--lang", "de"], "--lang must be fr or en, not \"de\""),
        ] {
            let result = try ProcessRunner.datajam(arguments: ["new", other] + args)
            XCTAssertEqual(result.status, 1, "\(args)")
            XCTAssertEqual(result.stderr, "Error: \(message)\n", "\(args)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: other))

        let noTheme = try ProcessRunner.datajam("new", other)
        XCTAssertNotEqual(noTheme.status, 0)
        XCTAssertTrue(noTheme.stderr.contains("--theme"), noTheme.stderr)
    }

    func testValidateReportsEachFileAndLeavesInvalidOnesUntouched() throws {
        let broken = folder.write("{\"format\": \"datajam-session\", \"version\": 7}", to: "broken.json")
        let result = try ProcessRunner.datajam(arguments: ["validate", file, broken] + RepositoryPaths.sampleSessionFiles)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "\(broken): version: is 7, written by a newer DataJam (this one reads up to 1): upgrade datajam to open it\n")
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0], "\(file!): ok: Économie numérique, 2023-11-27, Tunis: 3 teams, 0 findings")
        XCTAssertTrue(lines[1].hasSuffix("2023-11-27-economie-numerique.json: ok: Économie numérique, 2023-11-27, Tunis: 3 teams, 42 participants, 44 findings (33 constraint, 4 opportunity, 3 data-need, 1 actor, 2 use-case, 1 note)"), String(lines[1]))
        XCTAssertEqual(try String(contentsOfFile: broken, encoding: .utf8), "{\"format\": \"datajam-session\", \"version\": 7}")

        let good = try ProcessRunner.datajam(arguments: ["validate"] + RepositoryPaths.sampleSessionFiles)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(good.stderr, "")
    }
}
