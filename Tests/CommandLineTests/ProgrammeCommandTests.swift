import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `datajam programme` and the programme file in `datajam report`, run as a facilitator runs them:
/// the real binary on a copy of the samples' folder.
final class ProgrammeCommandTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var sessions: [String]!
    private var programmePath: String { folder.file("programme.json") }

    override func setUpWithError() throws {
        folder = TemporaryFolder("programme")
        sessions = try RepositoryPaths.sampleSessionFiles.map { sample in
            let target = folder.file((sample as NSString).lastPathComponent)
            try FileManager.default.copyItem(atPath: sample, toPath: target)
            return target
        }
    }

    /// Runs a command that must succeed and returns its output without the final newline.
    private func ok(_ args: String...) throws -> String { try ok(args) }

    private func ok(_ args: [String], environment: [String: String]? = nil) throws -> String {
        let result = try ProcessRunner.datajam(arguments: args, environment: environment)
        XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)")
        XCTAssertEqual(result.stderr, "", "\(args)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    /// Runs a command that must fail with one line on standard error; returns the line.
    private func refused(_ args: String...) throws -> String {
        let result = try ProcessRunner.datajam(arguments: args)
        XCTAssertEqual(result.status, 1, "\(args) should fail: \(result.stdout)")
        XCTAssertEqual(result.stdout, "", "\(args)")
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "one line: \(result.stderr)")
        return lines.first.map(String.init) ?? ""
    }

    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    private func report(_ extra: [String] = []) throws -> String {
        try ok(["report"] + sessions + ["--format", "markdown", "--lang", "fr"] + extra)
            .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\\", with: "")
    }

    func testAProgrammeIsWrittenItemByItemAndShownOneLineEach() throws {
        XCTAssertEqual(try refused("programme", folder.path, "show"),
                       "Error: \(programmePath): no programme file yet; start one with `datajam programme set --name NAME`")
        XCTAssertEqual(try ok("programme", folder.path, "set", "--name", "PAGOF 2", "--issuer", "Ministère X"), "")
        let result = try ok("programme", folder.path, "add", "result", "Sensibiliser les producteurs")
        XCTAssertTrue(result.hasPrefix("s-"), result)
        let recommendation = try ok("programme", folder.path, "add", "recommendation", "Publier les données de santé",
                                    "--owner", "Ministère de la santé", "--deadline", "2024-06-30")
        XCTAssertTrue(recommendation.hasPrefix("r-"), recommendation)
        let idea = try ok("programme", programmePath, "add", "idea", "Supports en amont")
        XCTAssertEqual(try ok("programme", folder.path, "edit", idea, "Envoyer les supports une semaine avant"), "")
        XCTAssertEqual(try ok("programme", folder.path, "edit", recommendation, "--deadline", "none", "--owner", "INS"), "")
        let difficulty = try ok("programme", folder.path, "add", "difficulty", "Publics hétérogènes")
        XCTAssertEqual(try ok("programme", folder.path, "delete", difficulty), "")

        let shown = try ok("programme", folder.path, "show").split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(shown.count, 4, "\(shown)")
        XCTAssertEqual(Array(shown[0].dropFirst(2)), ["PAGOF 2", "Ministère X"])
        XCTAssertEqual(shown[1], ["result", result, "Sensibiliser les producteurs"])
        XCTAssertEqual(shown[2], ["idea", idea, "Envoyer les supports une semaine avant"])
        XCTAssertEqual(shown[3], ["recommendation", recommendation, "Publier les données de santé", "INS", ""])
        // The file is the format's, readable by `validate`, private like session files.
        XCTAssertTrue(try ok("validate", programmePath).hasPrefix("\(programmePath): ok: programme \"PAGOF 2\", 1 results"))
        let mode = try FileManager.default.attributesOfItem(atPath: programmePath)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        // DATAJAM_SESSIONS names the folder when none is given.
        XCTAssertTrue(try ok(["programme", "show"], environment: ["DATAJAM_SESSIONS": folder.path]).contains("Sensibiliser les producteurs"))
    }

    func testMistakesAreOneLineThatSaysWhatToDoAndChangeNothing() throws {
        _ = try ok("programme", folder.path, "add", "result", "Un résultat")
        let before = bytes(programmePath)
        XCTAssertEqual(try refused("programme", folder.path, "add", "recommendation", "R", "--deadline", "30/06/2024"),
                       "Error: --deadline must be a date like 2024-06-30 (or none to clear it), not \"30/06/2024\"")
        XCTAssertEqual(try refused("programme", folder.path, "add", "souhait", "Texte"),
                       "Error: unknown kind \"souhait\"; use result, difficulty, idea or recommendation")
        XCTAssertEqual(try refused("programme", folder.path, "add", "result", "Texte", "--owner", "INS"),
                       "Error: only a recommendation has --owner and --deadline")
        XCTAssertEqual(try refused("programme", folder.path, "delete", "s-nothing"),
                       "Error: \(programmePath): no item or link s-nothing in the programme; `datajam programme show` lists them with their ids (nothing was written)")
        XCTAssertEqual(try refused("programme", folder.path, "frobnicate"),
                       "Error: unknown action \"frobnicate\"; use one of show, set, add, edit, delete, suggest, link, unlink, links, confirm, merge, adopt")
        XCTAssertEqual(try refused("programme", folder.path, "show", "--label", "x"), "Error: --label is not for show; it goes with link")
        XCTAssertEqual(bytes(programmePath), before)
    }

    func testAFileItCouldNotReadIsNeverWrittenOver() throws {
        _ = try ok("programme", folder.path, "set", "--name", "PAGOF 2")
        let good = try XCTUnwrap(bytes(programmePath))
        let text = String(decoding: good, as: UTF8.self)
        let broken: [(String, Data)] = [
            ("truncated", good.prefix(good.count - 5)),
            ("empty", Data()),
            ("unknown field", Data(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1, \"extra\": null").utf8)),
            ("duplicate key", Data(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1, \"version\": 1").utf8)),
            ("newer version", Data(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2").utf8)),
            ("a session file", try XCTUnwrap(bytes(sessions[0]))),
            ("binary", Data([0xFF, 0xFE, 0x00, 0x7B])),
        ]
        for (what, data) in broken {
            XCTAssertTrue(FileManager.default.createFile(atPath: programmePath, contents: data))
            for args in [["add", "result", "R"], ["set", "--name", "N"], ["delete", "s-x"], ["add", "recommendation", "R", "--owner", "O"]] {
                let result = try ProcessRunner.datajam(arguments: ["programme", folder.path] + args)
                XCTAssertEqual(result.status, 1, "\(what) \(args): \(result.stdout)")
                XCTAssertTrue(result.stderr.hasPrefix("Error: \(programmePath): "), "\(what): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("left untouched; nothing was written"), "\(what): \(result.stderr)")
                XCTAssertEqual(bytes(programmePath), data, "\(what) \(args): the file changed")
            }
            // A report refuses it too, rather than leaving the programme out unsaid.
            let report = try ProcessRunner.datajam(arguments: ["report"] + sessions + ["--format", "markdown"])
            XCTAssertEqual(report.status, 1, what)
            XCTAssertTrue(report.stderr.contains("name another with --programme-file, or leave it out with --no-programme-file"), report.stderr)
        }
        // A folder in its place is refused, and nothing is written inside it.
        try FileManager.default.removeItem(atPath: programmePath)
        try FileManager.default.createDirectory(atPath: programmePath, withIntermediateDirectories: false)
        XCTAssertTrue(try refused("programme", programmePath, "add", "result", "R").contains("is a folder"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: programmePath), [])
    }

    func testSuggestionsAreConfirmedByReferenceListedAndCountedInTheReport() throws {
        let before = try report()
        XCTAssertTrue(before.contains("Sans fichier de programme, aucun lien entre ateliers n’est confirmé"), before)

        // Coordination: "Gouvernance" in workshop 1, "Barrières organisationnelles" in workshop 3.
        let suggestions = try ok(["report"] + sessions + ["--format", "markdown", "--suggest-links"]).split(separator: "\n").map(String.init)
        let coordination = try XCTUnwrap(suggestions.first { $0.contains("\tf-eco-021\t") && $0.contains("\tf-dj-007\t") }, suggestions.joined(separator: "\n"))
        let reference = String(coordination.prefix { $0 != "\t" })
        XCTAssertEqual(reference.count, 6, coordination)
        let fromProgramme = try ok(["programme", folder.path, "suggest"]).split(separator: "\n").map(String.init)
        XCTAssertEqual(fromProgramme.count, suggestions.count, "the same list")
        for (a, b) in zip(fromProgramme, suggestions) where a != b {
            XCTFail("the same lines, the same references:\n\(a.prefix(160))\n\(b.prefix(160))")
            break
        }

        let link = try ok("programme", folder.path, "link", reference, "--label", "Manque de coordination")
        XCTAssertTrue(link.hasPrefix("l-"), link)
        // A third workshop's finding joins the same link, named by its id alone.
        XCTAssertEqual(try ok("programme", folder.path, "link", "f-inc-062", "--into", link), link)
        let lines = try ok("programme", folder.path, "links").split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines.map { $0[3] }, ["f-eco-021", "f-dj-007", "f-inc-062"])
        XCTAssertEqual(lines[0][1], "Manque de coordination")
        XCTAssertEqual(lines[0][2], "w-2023-11-27-economie-numerique")
        XCTAssertTrue(lines[0][4].hasPrefix("Manque de coordination et d’échange"), lines[0][4])
        // A confirmed pair is no longer suggested.
        XCTAssertFalse(try ok(["report"] + sessions + ["--format", "markdown", "--suggest-links"]).contains(reference + "\t"))

        let after = try report()
        XCTAssertTrue(after.contains("1. **Manque de coordination** — relevée dans les 3 ateliers, 3 constats reliés (lien confirmé)"), after)
        XCTAssertTrue(after.contains("La récurrence des barrières est comptée sur les liens confirmés entre ateliers (fichier du programme) : 1 point relié"))

        // Unlinking one finding keeps the link of two; unlinking the link removes it from the report.
        XCTAssertEqual(try ok("programme", folder.path, "unlink", link, "w-2023-11-30-inclusion-sociale/f-inc-062"), "")
        XCTAssertTrue(try report().contains("**Manque de coordination** — relevée dans les ateliers 1 et 3, 2 constats reliés (lien confirmé)"))
        XCTAssertEqual(try ok("programme", folder.path, "unlink", link), "")
        XCTAssertEqual(try ok("programme", folder.path, "links"), "")
        XCTAssertTrue(try report().contains("Aucun lien entre ateliers n’est confirmé dans le fichier du programme"))

        XCTAssertEqual(try refused("programme", folder.path, "link", "zzzzzz"),
                       "Error: \"zzzzzz\" is neither a suggestion's reference (datajam programme suggest lists them) nor a finding (WORKSHOP-ID/FINDING-ID)")
        XCTAssertEqual(try refused("programme", folder.path, "link", "w-nowhere/f-eco-021", "f-dj-007"),
                       "Error: no workshop w-nowhere among the session files; the part before / is the session file's id")
    }

    func testTheReportFindsTheProgrammeBesideOrAmongTheFilesOrWhereItIsNamed() throws {
        _ = try ok("programme", folder.path, "set", "--name", "Programme du dossier")
        _ = try ok("programme", folder.path, "add", "recommendation", "Ouvrir les données foncières", "--owner", "ONTT", "--deadline", "2024-12-31")
        // Beside the session files.
        XCTAssertTrue(try report().contains("- **Programme :** Programme du dossier"))
        XCTAssertTrue(try report().contains("1. Ouvrir les données foncières — *Responsable : ONTT ; échéance : 31 décembre 2024*"))
        // Among them, as a glob gives it.
        let globbed = try ok(["report"] + (sessions + [programmePath]).sorted() + ["--format", "markdown", "--lang", "fr"])
        XCTAssertTrue(globbed.contains("Ouvrir les données foncières"))
        // Named elsewhere; and left out.
        let other = TemporaryFolder("other-programme")
        _ = try ok("programme", other.path, "set", "--name", "Autre programme")
        XCTAssertTrue(try report(["--programme-file", other.file("programme.json")]).contains("- **Programme :** Autre programme"))
        let without = try report(["--no-programme-file"])
        XCTAssertFalse(without.contains("Ouvrir les données foncières"))
        // The cover option wins over the file's name.
        XCTAssertTrue(try report(["--programme", "Nom choisi"]).contains("- **Programme :** Nom choisi"))
        XCTAssertEqual(try refused("report", sessions[0], "--format", "markdown", "--programme-file", other.file("programme.json"), "--no-programme-file"),
                       "Error: --programme-file and --no-programme-file contradict each other; give one")
    }

    func testTheSchemaIsPrintedAndTheShippedProgrammeConformsToIt() throws {
        let schema = try ok("schema", "--programme")
        XCTAssertTrue(schema.contains("\"const\": \"datajam-programme\""))
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [RepositoryPaths.sampleProgrammeFile], schema: schema), [])
        _ = try ok("programme", folder.path, "add", "recommendation", "R", "--owner", "O", "--deadline", "2024-01-31")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [programmePath], schema: schema), [])
        XCTAssertTrue(try ok("validate", RepositoryPaths.sampleProgrammeFile).contains(": ok: programme"))
    }

    func testConfirmAsksPairByPairAndSavesEachYesAtOnce() throws {
        let suggestions = try ok(["programme", folder.path, "suggest"]).split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(suggestions.count, 3)
        // Yes to the first, no to the second, yes to the third, then quit.
        let result = try ProcessRunner.run(RepositoryPaths.binary, ["programme", folder.path, "confirm", "--lang", "fr"], stdin: "o\nn\noui\nq\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.components(separatedBy: "Même point ? [o]ui / [n]on / [q]uitter : ").count - 1, 4, result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("2 lien(s) confirmé(s), 1 écarté(s) : \(programmePath)\n"), result.stdout)
        let linked = try ok("programme", folder.path, "links").split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let cells = suggestions.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let pairs = Dictionary(grouping: linked, by: { $0[0] }).values.map { Set($0.map { $0[3] }) }
        XCTAssertTrue(pairs.contains { $0.isSuperset(of: [cells[0][4], cells[0][7]]) }, "the first pair is linked")
        XCTAssertFalse(pairs.contains { $0.isSuperset(of: [cells[1][4], cells[1][7]]) }, "the second is not")
        // Asked again, confirmed pairs are not asked; the end of input ends it like quit.
        let again = try ProcessRunner.run(RepositoryPaths.binary, ["programme", folder.path, "confirm", "--lang", "en"], stdin: "")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stdout.contains(cells[0][0] + "  "), "a confirmed pair is not asked again")
        XCTAssertTrue(again.stdout.hasSuffix("0 link(s) confirmed, 0 skipped: \(programmePath)\n"), again.stdout)
    }

    func testCopiesFromOtherLaptopsMergeRecordByRecord() throws {
        _ = try ok("programme", folder.path, "set", "--name", "PAGOF 2")
        let laptop = TemporaryFolder("laptop")
        try FileManager.default.copyItem(atPath: programmePath, toPath: laptop.file("programme.json"))
        let here = try ok("programme", folder.path, "add", "result", "Résultat saisi ici")
        let there = try ok("programme", laptop.path, "add", "recommendation", "Recommandation saisie ailleurs", "--owner", "INS")
        XCTAssertEqual(try ok("programme", folder.path, "merge", laptop.file("programme.json")), "merged 1 file into \(programmePath)")
        let shown = try ok("programme", folder.path, "show")
        XCTAssertTrue(shown.contains("result\t\(here)\tRésultat saisi ici"), shown)
        XCTAssertTrue(shown.contains("recommendation\t\(there)\tRecommandation saisie ailleurs\tINS\t"), shown)
        // Merging again changes nothing; an unreadable copy stops it before anything is written.
        let before = bytes(programmePath)
        XCTAssertEqual(try ok("programme", folder.path, "merge", laptop.file("programme.json")), "merged 1 file into \(programmePath)")
        XCTAssertEqual(bytes(programmePath), before)
        let broken = laptop.write("{", to: "broken.json")
        XCTAssertTrue(try refused("programme", folder.path, "merge", broken).hasPrefix("Error: \(broken): is not valid JSON"))
        XCTAssertEqual(bytes(programmePath), before)
    }

    func testTheWordDocumentCarriesTheProgrammeAndItsNumberedRecommendations() throws {
        _ = try ok("programme", folder.path, "add", "recommendation", "Ouvrir les données foncières", "--owner", "ONTT", "--deadline", "2024-12-31")
        _ = try ok("programme", folder.path, "add", "result", "Un résultat propre au programme")
        let document = folder.file("rapport.docx")
        _ = try ok(["report"] + sessions + ["--format", "docx", "--lang", "fr", "-o", document])
        let xml = try ProcessRunner.run("/usr/bin/unzip", ["-p", document, "word/document.xml"])
        XCTAssertEqual(xml.status, 0, xml.stderr)
        let text = xml.stdout.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{00A0}", with: " ")
        XCTAssertTrue(text.contains("Ouvrir les données foncières"), "the programme's recommendation")
        XCTAssertTrue(text.contains("Responsable : ONTT ; échéance : 31 décembre 2024"), "with its owner and deadline")
        XCTAssertTrue(text.contains("Un résultat propre au programme"), "the programme's result")
        XCTAssertTrue(text.contains("Pour l’ensemble du programme"))
    }

    func testAdoptMovesTheSharedSectionsOutOfTheWorkshopFiles() throws {
        let before = try report(["--no-programme-file"])
        XCTAssertEqual(try ok("programme", folder.path, "adopt"), "adopted 20 texts into \(programmePath); removed 60 copies from 3 workshop files")
        XCTAssertEqual(try ok("programme", folder.path, "adopt"), "adopted 0 texts into \(programmePath); removed 0 copies from 0 workshop files")
        // A workshop's own report no longer repeats the programme's results.
        let single = try ok("export", sessions[2], "--format", "markdown", "--lang", "fr")
        XCTAssertFalse(single.contains("Échanges informels et networking"))
        XCTAssertTrue(single.contains("La collaboration entre les différents acteurs"), "its own recommendation stays")
        // The consolidated report still carries every text, now as the programme's.
        let after = try report()
        for text in ["Échanges informels et networking contribuant", "Mieux cibler les profils des participants",
                     "Les trois ateliers ont réuni des acteurs", "Il est aussi important de continuer l’appui"] {
            XCTAssertTrue(before.contains(text) && after.contains(text), text)
        }
        XCTAssertTrue(after.contains("**Pour l’ensemble du programme**"))
        for file in sessions { XCTAssertTrue(try ok("validate", file).contains(": ok: ")) }
    }

    func testAPairShownOnlyOnceOthersAreLinkedCanBeLinkedByItsReference() throws {
        func references() throws -> [String] {
            try ok("programme", folder.path, "suggest").split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
        }
        let first = try references()
        _ = try ok("programme", folder.path, "link", first[0], first[1], "--new")
        // With those pairs confirmed, others take their places among a finding's best suggestions.
        let newcomers = try references().filter { !first.contains($0) }
        XCTAssertFalse(newcomers.isEmpty, "the list changes once pairs are linked")
        for reference in newcomers.prefix(2) {
            XCTAssertTrue(try ok("programme", folder.path, "link", reference, "--new").hasPrefix("l-"), reference)
        }
        // And a reference printed before any link still names its pair.
        XCTAssertTrue(try ok("programme", folder.path, "link", first[2], "--new").hasPrefix("l-"))
    }
}
