import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `datajam merge`, run as a facilitator runs it: the real binary, its line, its files.
final class MergeCommandTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var base: String!

    override func setUpWithError() throws {
        folder = TemporaryFolder("merge")
        base = folder.file("atelier.json")
        let created = try ProcessRunner.datajam("new", base, "--theme", "Inclusion sociale", "--date", "2023-11-30",
                                                "--city", "Tunis", "--preset", "inclusion-sociale")
        XCTAssertEqual(created.status, 0, created.stderr)
    }

    @discardableResult
    private func run(_ args: String...) throws -> ProcessResult {
        try ProcessRunner.datajam(arguments: args)
    }

    /// Runs a command that must succeed and returns its output without the final newline.
    private func ok(_ args: String...) throws -> String {
        let result = try ProcessRunner.datajam(arguments: args)
        XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)")
        XCTAssertEqual(result.stderr, "", "\(args)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    private func copy(_ from: String, to name: String) throws -> String {
        let target = folder.file(name)
        try FileManager.default.copyItem(atPath: from, toPath: target)
        return target
    }

    func testMergesALaptopCopyAndATeamFileIntoBase() throws {
        let kept = try ok("add", base, "--team", "Education", "--kind", "note", "Accès équitable")
        let edited = try ok("add", base, "--team", "Education", "--kind", "opportunity", "Cartes scolaires")
        let deleted = try ok("add", base, "--kind", "channel", "Courriels")
        let laptop = try copy(base, to: "laptop.json")

        // On the laptop: two findings added, one edited, one deleted. On BASE, the same finding
        // edited earlier: a conflict the laptop's later change wins.
        XCTAssertEqual(try ok("edit", base, edited, "Cartes scolaires (version BASE)"), "edited \(edited)")
        let onLaptop = try ok("add", laptop, "--team", "Empower", "--kind", "note", "Violence : données manquantes")
        let plenary = try ok("add", laptop, "--kind", "channel", "Points focaux")
        XCTAssertEqual(try ok("edit", laptop, edited, "Cartes scolaires ouvertes"), "edited \(edited)")
        XCTAssertEqual(try ok("delete", laptop, deleted), "deleted \(deleted)")

        // A rapporteur's own file, made with `datajam new`: a team BASE knows (another spelling), one new.
        let team = folder.file("equipe-sante.json")
        _ = try ok("new", team, "--theme", "Équipe santé", "--team", "sante et affaires sociales", "--team", "Genre")
        let health = try ok("add", team, "--team", "sante", "--kind", "constraint", "--category", "privacy", "Secret médical")
        let gender = try ok("add", team, "--team", "Genre", "--kind", "data-need", "Violences par sexe")

        let merged = try ok("merge", base, laptop, team)
        XCTAssertEqual(merged, "merged 2 files into \(base!): 4 findings added, 1 updated, 1 deleted, 1 team added, "
                       + "1 matched by name (Santé et affaires sociales), 1 conflict resolved by latest change")

        let workshop = try SessionStore().load(base)
        let healthTeam = try XCTUnwrap(workshop.team(named: "Santé et affaires sociales"))
        let genderTeam = try XCTUnwrap(workshop.team(named: "Genre"))
        XCTAssertEqual(workshop.teams.live.map(\.name),
                       ["Santé et affaires sociales", "Education", "Empower Data", "Genre"])
        XCTAssertEqual(workshop.findings.record(withID: health)?.teamId, healthTeam.id, "re-pointed to BASE's team")
        XCTAssertEqual(workshop.findings.record(withID: gender)?.teamId, genderTeam.id)
        XCTAssertEqual(workshop.findings.record(withID: edited)?.text, "Cartes scolaires ouvertes")
        XCTAssertEqual(workshop.findings.record(withID: deleted)?.isDeleted, true)
        XCTAssertEqual(Set(workshop.findings.live.map(\.id)), [kept, edited, onLaptop, plenary, health, gender])
        XCTAssertEqual(workshop.details.theme, "Inclusion sociale", "the team file's frame is not taken")
        XCTAssertEqual(workshop.details.date, WorkshopDate("2023-11-30"))
        XCTAssertEqual(try ok("validate", base), "\(base!): ok: Inclusion sociale, 2023-11-30, Tunis: 4 teams, 6 findings (1 constraint, 1 opportunity, 1 data-need, 1 channel, 2 note)")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [base]), [])

        // The same files again: nothing new, and BASE is left byte for byte as it was.
        let before = try bytes(base)
        XCTAssertEqual(try ok("merge", base, team, laptop), "merged 2 files into \(base!): 0 findings added, 0 updated, 0 deleted, "
                       + "0 teams added, 1 matched by name (Santé et affaires sociales), 0 conflicts resolved by latest change")
        XCTAssertEqual(try bytes(base), before)
        XCTAssertEqual(folder.entries, ["atelier.json", "equipe-sante.json", "laptop.json"], "no temp or lock files left")
    }

    func testOutputGoesToANewFileAndBaseIsLeftAlone() throws {
        let laptop = try copy(base, to: "laptop.json")
        let added = try ok("add", laptop, "--team", "Education", "--kind", "note", "Formation professionnelle")
        let baseBefore = try bytes(base), laptopBefore = try bytes(laptop)
        let out = folder.file("fusion.json")

        XCTAssertEqual(try ok("merge", base, laptop, "-o", out),
                       "merged 1 file into \(out): 1 finding added, 0 updated, 0 deleted, 0 conflicts resolved by latest change")
        XCTAssertEqual(try bytes(base), baseBefore)
        XCTAssertEqual(try bytes(laptop), laptopBefore)
        let result = try SessionStore().load(out)
        XCTAssertEqual(result.findings.map(\.id), [added])
        XCTAssertEqual(result.id, try SessionStore().load(base).id)

        // OUT exists: refused, whatever it holds.
        let outBefore = try bytes(out)
        for target in [out, base!] {
            let again = try run("merge", base, laptop, "--output", target)
            XCTAssertEqual(again.status, 1)
            XCTAssertEqual(again.stderr, "Error: \(target): already exists; choose another name (nothing was overwritten)\n")
            XCTAssertEqual(again.stdout, "")
        }
        XCTAssertEqual(try bytes(out), outBefore)
        XCTAssertEqual(try bytes(base), baseBefore)
    }

    func testAnUnreadableFileStopsEverythingAndChangesNothing() throws {
        let laptop = try copy(base, to: "laptop.json")
        _ = try ok("add", laptop, "--kind", "note", "à garder")
        let broken = folder.write("{\"format\": \"datajam-session\", \"version\": 1, ", to: "broken.json")
        let newer = folder.write("{\"format\": \"datajam-session\", \"version\": 7}", to: "newer.json")
        let baseBefore = try bytes(base)

        for others in [[laptop, broken], [broken, laptop], [laptop, newer], [laptop, folder.path]] {
            for output in [[], ["-o", folder.file("out.json")]] {
                let result = try ProcessRunner.datajam(arguments: ["merge", base] + others + output)
                XCTAssertEqual(result.status, 1, "\(others)")
                XCTAssertTrue(result.stderr.hasPrefix("Error: \(others.first { $0 != laptop }!): "), result.stderr)
                XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "one line: \(result.stderr)")
                XCTAssertEqual(result.stdout, "")
                XCTAssertEqual(try bytes(base), baseBefore, "BASE untouched")
            }
        }
        XCTAssertEqual(try run("merge", base, laptop, newer).stderr,
                       "Error: \(newer): version: is 7, written by a newer DataJam (this one reads up to 1): upgrade datajam to open it\n")
        XCTAssertEqual(try run("merge", base, folder.path).stderr, "Error: \(folder.path): is a folder, not a session file\n")

        // An unreadable BASE is never overwritten either.
        let brokenBefore = try bytes(broken)
        let intoBroken = try run("merge", broken, laptop)
        XCTAssertEqual(intoBroken.status, 1)
        XCTAssertTrue(intoBroken.stderr.hasPrefix("Error: \(broken): "), intoBroken.stderr)
        XCTAssertTrue(intoBroken.stderr.hasSuffix(" — left untouched; nothing was written\n"), intoBroken.stderr)
        XCTAssertEqual(try bytes(broken), brokenBefore)
        XCTAssertEqual(folder.entries, ["atelier.json", "broken.json", "laptop.json", "newer.json"])
    }

    func testMissingFilesAndArgumentsGiveOneLineErrors() throws {
        let missing = folder.file("absent.json"), out = folder.file("out.json")
        let noSuchFile = "no such file; check the name, or create it with `datajam new`"
        let baseBefore = try bytes(base)
        let cases: [([String], String)] = [
            (["merge", base, missing], "Error: \(missing): \(noSuchFile)\n"),
            (["merge", base, missing, "-o", out], "Error: \(missing): \(noSuchFile)\n"),
            (["merge", missing, base], "Error: \(missing): \(noSuchFile)\n"),
            (["merge", missing, base, "-o", out], "Error: \(missing): \(noSuchFile)\n"),
            (["merge", base], "Error: give the session files to merge into \(base!): datajam merge BASE OTHER... [-o OUT]\n"),
        ]
        for (args, message) in cases {
            let result = try ProcessRunner.datajam(arguments: args)
            XCTAssertEqual(result.status, 1, "\(args)")
            XCTAssertEqual(result.stderr, message, "\(args)")
            XCTAssertEqual(result.stdout, "", "\(args)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "a missing BASE is not created")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(try bytes(base), baseBefore)
    }

    /// Two rapporteurs who each made their own file with a team of the same name, brought in one at
    /// a time in either order (the home screen's `m`) or all at once: the same file, byte for byte.
    func testOneFileAtATimeInAnyOrderGivesTheSameFileAsAllAtOnce() throws {
        var files: [String] = []
        for (name, spelling) in [("a.json", "Genre"), ("b.json", "GENRE"), ("c.json", " genre ")] {
            let file = folder.file(name)
            _ = try ok("new", file, "--theme", "Équipe \(name)", "--team", spelling)
            _ = try ok("add", file, "--team", "genre", "--kind", "note", "depuis \(name)")
            files.append(file)
        }
        let allAtOnce = folder.file("all.json")
        _ = try ok("merge", base, files[0], files[1], files[2], "-o", allAtOnce)
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let target = try copy(base, to: "base-\(order.map(String.init).joined()).json")
            for i in order { _ = try ok("merge", target, files[i]) }
            XCTAssertEqual(try bytes(target), try bytes(allAtOnce), "order \(order)")
        }
        let workshop = try SessionStore().load(allAtOnce)
        XCTAssertEqual(workshop.teams.live.filter { SessionMerge.nameKey($0.name) == "genre" }.count, 1)
        XCTAssertEqual(workshop.findings.live.count, 3)
        XCTAssertEqual(Set(workshop.findings.live.map(\.teamId)).count, 1, "every finding in the one team kept")
        XCTAssertEqual(workshop.teams.filter { $0.mergedInto != nil }.count, 2, "the two others stay as folded tombstones")
        XCTAssertEqual(try JSONSchemaCheck.problems(in: [allAtOnce]), [])
    }

    func testMergingAFileIntoItselfChangesNothing() throws {
        _ = try ok("add", base, "--kind", "note", "seule")
        let before = try bytes(base)
        XCTAssertEqual(try ok("merge", base, base),
                       "merged 1 file into \(base!): 0 findings added, 0 updated, 0 deleted, 0 conflicts resolved by latest change")
        XCTAssertEqual(try bytes(base), before)
    }
}
