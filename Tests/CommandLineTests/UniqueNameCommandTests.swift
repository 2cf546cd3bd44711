import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Team names are unique; `--team` that could mean two teams is refused, and merging never leaves
/// two live teams (or categories) of one name.
final class UniqueNameCommandTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = TemporaryFolder("unique-names")
    }

    /// A file written before names were kept unique: two live teams named alike.
    private func fileWithTwins() throws -> String {
        var w = WorkshopFixtures.complete()
        w.teams.append(Team(id: "t-droits-2", name: "droit de l’homme", createdAt: WorkshopFixtures.time(6)))
        w.teams.append(Team(id: "t-droits-1", name: "Droit de l’Homme", createdAt: WorkshopFixtures.time(5)))
        let file = folder.file("twins.json")
        try SessionStore().create(w, at: file)
        return file
    }

    func testTeamOptionMatchingTwoTeamsIsRefusedNamingBoth() throws {
        let file = try fileWithTwins()
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let expected = "\"Droit de l’homme\" matches 2 teams: \"droit de l’homme\" (t-droits-2), \"Droit de l’Homme\" (t-droits-1); give the team's id instead"
        for command in [["list", file, "--team", "Droit de l’homme"],
                        ["add", file, "--team", "Droit de l’homme", "--kind", "note", "x"],
                        ["open", file, "--team", "Droit de l’homme"]] {
            let result = try ProcessRunner.datajam(arguments: command)
            XCTAssertEqual(result.status, 1, "\(command)")
            XCTAssertTrue(result.stderr.hasPrefix("Error: "), result.stderr)
            XCTAssertTrue(result.stderr.hasSuffix(expected + "\n"), "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "nothing was added")
        // Categories likewise.
        var w = try SessionStore().load(file)
        w.categories.append(ConstraintCategory(id: "twin", label: w.categories[0].label.uppercased(), createdAt: WorkshopFixtures.time(7)))
        let twinCategories = folder.file("twin-categories.json")
        try SessionStore().create(w, at: twinCategories)
        let category = try ProcessRunner.datajam("add", twinCategories, "--kind", "constraint", "--category", w.categories[0].label, "x")
        XCTAssertEqual(category.status, 1)
        XCTAssertTrue(category.stderr.hasSuffix("matches 2 categories: \"\(w.categories[0].label)\" (\(w.categories[0].id)), \"\(w.categories[0].label.uppercased())\" (twin); give the category's id instead\n"), category.stderr)
        // The id still designates one of them.
        let byID = try ProcessRunner.datajam("add", file, "--team", "t-droits-1", "--kind", "note", "x")
        XCTAssertEqual(byID.status, 0, byID.stderr)
    }

    func testMergeFoldsTeamsRenamedToOneName() throws {
        // BASE has Transport and Investissement; a rapporteur's copy renamed Investissement to
        // "TRANSPORT et infrastructure" and a category to another's label.
        let base = WorkshopFixtures.complete()
        var copy = base
        copy.teams[1].name = "TRANSPORT et infrastructure"
        copy.teams[1].updatedAt = WorkshopFixtures.time(500)
        copy.categories[1].label = base.categories[0].label.uppercased()
        copy.categories[1].updatedAt = WorkshopFixtures.time(500)
        let baseFile = folder.file("base.json"), copyFile = folder.file("copy.json")
        try SessionStore().create(base, at: baseFile)
        try SessionStore().create(copy, at: copyFile)

        let merged = try ProcessRunner.datajam("merge", baseFile, copyFile)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(merged.stdout.contains("1 matched by name (Transport et Infrastructure)"), merged.stdout)
        XCTAssertTrue(merged.stdout.contains("1 matched by label"), merged.stdout)
        let result = try SessionStore().load(baseFile)
        for names in [result.teams.live.map(\.name), result.categories.live.map(\.label)] {
            XCTAssertEqual(Set(names.map(SessionMerge.nameKey)).count, names.count, "\(names)")
        }
        // The later team is folded into the earlier one, its findings with it: nothing lost.
        XCTAssertEqual(result.teams.live.map(\.name), ["Transport et Infrastructure"])
        XCTAssertEqual(result.teams.record(withID: "t-invest")?.mergedInto, "t-transport")
        XCTAssertEqual(result.findings.live.count, base.findings.live.count)

        // Merging again changes nothing.
        let before = try Data(contentsOf: URL(fileURLWithPath: baseFile))
        let again = try ProcessRunner.datajam("merge", baseFile, copyFile)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: baseFile)), before, again.stdout)
    }
}
