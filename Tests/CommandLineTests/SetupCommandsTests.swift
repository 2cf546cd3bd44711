import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `datajam set`, `team` and `category`: a programme team prepares workshops from a script.
final class SetupCommandsTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = TemporaryFolder("setup-commands")
    }

    @discardableResult
    private func succeeds(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let result = try ProcessRunner.datajam(arguments: arguments, environment: environment)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// Fails with exactly one line on stderr, ending with `message`, and leaves the file as it was.
    private func fails(_ arguments: [String], file: String, _ message: String, line: UInt = #line) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let result = try ProcessRunner.datajam(arguments: arguments)
        XCTAssertEqual(result.status, 1, "\(arguments)", line: line)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, line: line)
        XCTAssertTrue(result.stderr.hasSuffix(message + "\n"), "\(arguments): \(result.stderr)", line: line)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "unchanged", line: line)
    }

    func testNewTakesTheMachinesTimeZoneOrTheOneGiven() throws {
        let machine = folder.file("machine.json")
        try succeeds(["new", machine, "--theme", "Santé"], environment: ["TZ": "Africa/Tunis"])
        XCTAssertEqual(try SessionStore().load(machine).details.timeZone, "Africa/Tunis")
        let given = folder.file("given.json")
        try succeeds(["new", given, "--theme", "Santé", "--time-zone", "Europe/Paris"], environment: ["TZ": "Africa/Tunis"])
        XCTAssertEqual(try SessionStore().load(given).details.timeZone, "Europe/Paris")
        let result = try ProcessRunner.datajam("new", folder.file("bad.json"), "--theme", "x", "--time-zone", "Tunis")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "Error: --time-zone: unknown time zone \"Tunis\"; give an IANA name such as Africa/Tunis, Europe/Paris or UTC\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("bad.json")))
    }

    func testSetFramesTheWorkshopAndPlansASession() throws {
        let file = folder.file("w.json")
        try succeeds(["new", file, "--theme", "Santé", "--date", "2024-03-12", "--time-zone", "Africa/Tunis"])
        XCTAssertEqual(try succeeds(["set", file, "--city", "Sfax", "--focus", "Hôpitaux", "--context", "Le contexte",
                                     "--objective", "Identifier", "--objective", "Prioriser", "--notes", "Apporter le vidéoprojecteur",
                                     "--session", "2", "--title", "Data jam santé", "--planned", "150",
                                     "--start", "09:30", "--end", "11:45"]), "\(file): set\n")
        let w = try SessionStore().load(file)
        XCTAssertEqual(w.details.city, "Sfax")
        XCTAssertEqual(w.details.focus, "Hôpitaux")
        XCTAssertEqual(w.details.context, "Le contexte")
        XCTAssertEqual(w.details.objectives, ["Identifier", "Prioriser"])
        XCTAssertEqual(w.details.facilitatorNotes, "Apporter le vidéoprojecteur")
        let session = try XCTUnwrap(w.session(.breakouts))
        XCTAssertEqual(session.title, "Data jam santé")
        XCTAssertEqual(session.plannedMinutes, 150)
        XCTAssertEqual(session.startedAt, Timestamp(iso8601: "2024-03-12T08:30:00Z"), "09:30 in Tunis")
        XCTAssertEqual(session.endedAt, Timestamp(iso8601: "2024-03-12T10:45:00Z"))
        XCTAssertEqual(try succeeds(["set", file, "--city", "Sfax"]), "\(file): already so; nothing changed\n")
        try succeeds(["set", file, "--no-objectives", "--date", ""])
        XCTAssertEqual(try SessionStore().load(file).details.objectives, [])
        XCTAssertNil(try SessionStore().load(file).details.date)
        // The report gives the times where the workshop happens.
        try succeeds(["set", file, "--date", "2024-03-12"])
        // (French typography puts no-break spaces before the colons.)
        let report = try succeeds(["export", file, "--format", "markdown", "--output", "-"]).replacingOccurrences(of: "\u{00A0}", with: " ")
        XCTAssertTrue(report.contains("Début : 09:30 Africa/Tunis · Fin : 11:45 Africa/Tunis"), report)
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [file]), [])

        try fails(["set", file], file: file, "nothing to set; give at least one option (datajam set --help lists them)")
        try fails(["set", file, "--time-zone", "Mars/Olympus"], file: file,
                  "unknown time zone \"Mars/Olympus\"; give an IANA name such as Africa/Tunis, Europe/Paris or UTC")
        try fails(["set", file, "--planned", "90"], file: file, "--planned needs --session N (1, 2 or 3) to say which session")
        try fails(["set", file, "--session", "4", "--planned", "90"], file: file,
                  "--session \"4\" is not a session; use 1, 2 or 3 (presentation, breakouts, synthesis)")
        try fails(["set", file, "--session", "2", "--end", "08:00"], file: file,
                  "the end (08:00) is before the start (09:30) of session 2; fix --start or --end")
        try fails(["set", file, "--date", "12/03/2024"], file: file,
                  "--date \"12/03/2024\" is not a date; write it YYYY-MM-DD, e.g. 2023-11-27 (or \"\" to clear it)")
        try fails(["set", file, "--theme", " "], file: file, "the theme is empty; type one")
    }

    func testTeamsAreAddedRenamedAndDeletedWithTheirFindingsMoved() throws {
        let file = folder.file("teams.json")
        try succeeds(["new", file, "--theme", "x", "--team", "Transport", "--team", "Santé"])
        XCTAssertTrue(try succeeds(["team", file, "add", "Éducation", "--rapporteur", "Amira"]).hasPrefix("added team \"Éducation\" (t-"))
        try fails(["team", file, "add", "SANTE"], file: file,
                  "a team is already named \"Santé\"; choose another name (names that differ only by case or accents are the same)")
        try fails(["team", file, "rename", "Éducation", "transport"], file: file,
                  "a team is already named \"Transport\"; choose another name (names that differ only by case or accents are the same)")
        XCTAssertEqual(try succeeds(["team", file, "rename", "education", "Éducation et emploi"]),
                       "renamed team \"Éducation\" to \"Éducation et emploi\"\n")
        let kept = try succeeds(["add", file, "--team", "Transport", "--kind", "note", "--author", "Leïla", "Pas d’API"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try fails(["team", file, "delete", "Transport"], file: file,
                  "team \"Transport\" has 1 finding(s); say where they go with --move-to, one of: Santé, Éducation et emploi, plenary")
        try fails(["team", file, "delete", "Trans", "--move-to", "plenary"], file: file,
                  "no team \"Trans\"; teams are: Transport, Santé, Éducation et emploi")
        try fails(["team", file, "delete", "Transport", "--move-to", "Nulle part"], file: file,
                  "--move-to: unknown team \"Nulle part\"; use one of: Transport, Santé, Éducation et emploi, plenary")
        XCTAssertEqual(try succeeds(["team", file, "delete", "Transport", "--move-to", "Santé"]),
                       "deleted team \"Transport\"; 1 finding(s) moved to Santé\n")
        XCTAssertEqual(try succeeds(["list", file]), "\(kept)\tSanté\tnote\t-\tLeïla\tPas d’API\n", "list prints the author")
        XCTAssertEqual(try succeeds(["team", file, "delete", "Santé", "--move-to", "plenary"]),
                       "deleted team \"Santé\"; 1 finding(s) moved to plenary\n")
        XCTAssertEqual(try succeeds(["team", file, "delete", "Éducation et emploi"]), "deleted team \"Éducation et emploi\"\n")
        let w = try SessionStore().load(file)
        XCTAssertEqual(w.teams.count, 3, "tombstones stay")
        XCTAssertTrue(w.teams.live.isEmpty)
        XCTAssertNil(w.findings.record(withID: kept)?.teamId)
        // A new team may take a deleted one's name.
        try succeeds(["team", file, "add", "Transport"])
        try fails(["team", file, "rename", "Transport"], file: file, "team rename needs the old name and the new one: datajam team FILE rename OLD NEW")
        try fails(["team", file, "add", "A", "--move-to", "plenary"], file: file, "--move-to is for team delete")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [file]), [])
    }

    func testCategoriesAreAddedRenamedAndDeletedWithTheirConstraintsMoved() throws {
        let file = folder.file("categories.json")
        try succeeds(["new", file, "--theme", "x", "--preset", "blank"])
        XCTAssertEqual(try succeeds(["category", file, "add", "Accès aux données"]), "added category \"Accès aux données\" (acces-aux-donnees)\n")
        try fails(["category", file, "add", "ACCES AUX DONNEES"], file: file,
                  "a category is already named \"Accès aux données\"; choose another label (labels that differ only by case or accents are the same)")
        XCTAssertEqual(try succeeds(["category", file, "rename", "acces-aux-donnees", "Accès"]),
                       "renamed category \"Accès aux données\" to \"Accès\"\n")
        let id = try succeeds(["add", file, "--kind", "constraint", "--category", "Accès", "Pas de portail"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try fails(["category", file, "delete", "Accès"], file: file,
                  "1 constraint(s) are filed under \"Accès\"; say where they go with --move-to, one of: Barrières techniques, Barrières organisationnelles, Barrières culturelles, Cadre juridique, Vie privée, Genre")
        XCTAssertEqual(try succeeds(["category", file, "delete", "Accès", "--move-to", "legal"]),
                       "deleted category \"Accès\"; 1 constraint(s) moved to Cadre juridique\n")
        let w = try SessionStore().load(file)
        XCTAssertEqual(w.findings.record(withID: id)?.category, "legal")
        XCTAssertTrue(w.categories.record(withID: "acces-aux-donnees")?.isDeleted == true, "tombstone kept")
        XCTAssertEqual(try succeeds(["category", file, "delete", "Genre"]), "deleted category \"Genre\"\n")
        try fails(["category", file, "delete", "Genre"], file: file,
                  "no category \"Genre\"; categories are: Barrières techniques (technical), Barrières organisationnelles (organisational), Barrières culturelles (cultural), Cadre juridique (legal), Vie privée (privacy)")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [file]), [])
    }
}

extension SetupCommandsTests {
    func testRestoreListsAndBringsBackDeletedRecords() throws {
        let file = folder.file("restore.json")
        try succeeds(["new", file, "--theme", "x", "--team", "Routes", "--time-zone", "Africa/Tunis"])
        let id = try succeeds(["add", file, "--team", "Routes", "--kind", "note", "Nids-de-poule"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try succeeds(["delete", file, id])
        try succeeds(["team", file, "delete", "Routes"])
        let listed = try succeeds(["restore", file]).split(separator: "\n")
        XCTAssertEqual(listed.count, 2, "\(listed)")
        XCTAssertTrue(listed[0].hasPrefix("t-") && listed[0].hasSuffix("\tteam\t\(listed[0].split(separator: "\t")[2])\tRoutes"), "\(listed)")
        XCTAssertTrue(listed[1].hasPrefix("\(id)\tfinding\t") && listed[1].contains(" Africa/Tunis\tNids-de-poule"), "\(listed)")
        XCTAssertEqual(try succeeds(["restore", file, id]), "restored \(id) and what it was filed under (its deleted team or category)\n")
        let w = try SessionStore().load(file)
        XCTAssertNil(w.findings.record(withID: id)?.deletedAt)
        XCTAssertEqual(w.team(named: "Routes")?.id, w.findings.record(withID: id)?.teamId)
        XCTAssertEqual(try succeeds(["restore", file, id]), "\(id) is not deleted; nothing changed\n")
        try fails(["restore", file, "f-nope"], file: file, "no finding, team or category \"f-nope\"; `datajam restore \(file)` lists what can be restored")
        // A name taken since: refused, in one line.
        let old = try XCTUnwrap(w.team(named: "Routes")).id
        try succeeds(["team", file, "rename", "Routes", "Rail"])
        try succeeds(["team", file, "delete", "Rail", "--move-to", "plenary"])
        try succeeds(["team", file, "add", "rail"])
        try fails(["restore", file, old], file: file,
                  "cannot restore \(old): a live team has its name now, \"rail\" (case and accents aside); rename that one first")
    }
}
