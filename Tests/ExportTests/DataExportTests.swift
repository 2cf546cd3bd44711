import DataJamCore
import DataJamExport
import Foundation
import TestSupport
import XCTest

/// The open-data exports (findings CSV, Data Package, CKAN data requests, JSON), checked with
/// independent tools: Python's csv module reads the CSV, Frictionless validates the package.
final class DataExportTests: XCTestCase {
    // MARK: Findings CSV

    func testFindingsCSVReadsBackWithPythonsCSVModule() throws {
        let workshop = DataExportFixtures.withTrickyTexts()
        let folder = TemporaryFolder("csv")
        let path = folder.write(FindingsCSV.render([workshop], language: .fr), to: "findings.csv")
        let rows = try DataExportTools.pythonCSVRows(path)

        XCTAssertEqual(rows.first, FindingsCSV.columns)
        XCTAssertEqual(rows.count - 1, workshop.findings.live.count, "one row per live finding, the deleted one left out")
        let byID = DataExportTools.rowsByID(rows)
        XCTAssertNil(byID["f-deleted"])
        XCTAssertEqual(byID["f-tricky"]?["text"], DataExportFixtures.trickyText, "commas, quotes, CR, LF, combining marks round-trip")
        XCTAssertEqual(byID["f-7"]?["text"], "عبد الله : ملاحظة 👍")
        // The data's vocabulary does not follow --lang: "plenary" in a French export too.
        XCTAssertEqual(byID["f-7"]?["team"], "plenary")
        XCTAssertEqual(byID["f-7"]?["team_id"], "")
        XCTAssertEqual(byID["f-1"]?["workshop"], "Économie numérique")
        XCTAssertEqual(byID["f-1"]?["workshop_id"], workshop.id)
        XCTAssertEqual(byID["f-1"]?["team"], "Transport et Infrastructure")
        XCTAssertEqual(byID["f-1"]?["team_id"], "t-transport")
        XCTAssertEqual(byID["f-1"]?["category"], "Barrières techniques")
        XCTAssertEqual(byID["f-1"]?["category_id"], "technical")
        XCTAssertEqual(byID["f-1"]?["author"], "Leïla")
        XCTAssertEqual(byID["f-1"]?["date"], "2023-11-27")
        XCTAssertEqual(byID["f-1"]?["created_at"], "2023-11-27T08:00:10.000Z")
        let need = try XCTUnwrap(byID["f-3"])
        XCTAssertEqual(need["kind"], "data-need")
        XCTAssertEqual(need["producer"], "INS")
        XCTAssertEqual(need["availability"], "missing")
        XCTAssertEqual(need["wanted_format"], "CSV")
        XCTAssertEqual(need["sex_disaggregation"], "true")
        XCTAssertEqual(need["gender"], "true")
        XCTAssertEqual(need["relevance"], "5")
        XCTAssertEqual(need["impact"], "4")
        XCTAssertEqual(need["priority"], "20")
        XCTAssertEqual(byID["f-1"]?["sex_disaggregation"], "", "no data-need details: empty, not false")
        XCTAssertEqual(byID["f-5"]?["actor_role"], "producer")
        XCTAssertEqual(byID["f-8"]?["same_point_as"], "f-1")
        XCTAssertEqual(byID["f-points-to-deleted"]?["same_point_as"], "", "a link to a deleted finding is cleared")

        let english = try DataExportTools.pythonCSVRows(folder.write(FindingsCSV.render([workshop], language: .en), to: "en.csv"))
        XCTAssertEqual(english.first, FindingsCSV.columns, "column names do not depend on the language")
        XCTAssertEqual(english, rows, "nor do the values")
        XCTAssertEqual(DataExportTools.rowsByID(english)["f-7"]?["team"], "plenary")
        XCTAssertEqual(DataExportTools.rowsByID(english)["f-3"]?["kind"], "data-need")
    }

    func testFindingsCSVHasABOMAndCRLFLineEnds() throws {
        let csv = FindingsCSV.render([WorkshopFixtures.complete()], language: .fr)
        let bytes = [UInt8](csv.utf8)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}workshop_id,workshop,date,team_id,team,kind,category_id,category,text,gender,"))
        XCTAssertTrue(csv.hasSuffix("\r\n"))
        // No field of the fixture holds a line break, so every LF ends a row and follows a CR.
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            XCTAssertEqual(bytes[i - 1], 0x0D, "bare LF at byte \(i)")
        }
        XCTAssertEqual(csv.components(separatedBy: "\r\n").count - 1, WorkshopFixtures.complete().findings.live.count + 1)
    }

    func testFindingsCSVOfSeveralWorkshopsHasTheRowsOfAll() throws {
        let samples = try DataExportTools.samples()
        XCTAssertEqual(samples.count, 3)
        let folder = TemporaryFolder("csv")
        let rows = try DataExportTools.pythonCSVRows(folder.write(FindingsCSV.render(samples, language: .en), to: "all.csv"))
        XCTAssertEqual(rows.count - 1, samples.map { $0.findings.live.count }.reduce(0, +))
        let themeColumn = try XCTUnwrap(FindingsCSV.columns.firstIndex(of: "workshop"))
        XCTAssertEqual(Set(rows.dropFirst().map { $0[themeColumn] }), Set(samples.map(\.details.theme)))
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.count == FindingsCSV.columns.count })
    }

    func testFrictionlessReadsTheFindingsCSVDespiteTheBOM() throws {
        let frictionless = try DataExportTools.frictionless()
        let folder = TemporaryFolder("csv")
        _ = folder.write(FindingsCSV.render([DataExportFixtures.withTrickyTexts()], language: .fr), to: "findings.csv")
        // Frictionless only opens relative paths ("not safe" otherwise): run it in the folder.
        let result = try ProcessRunner.run(frictionless, ["validate", "--json", "findings.csv"], currentDirectory: folder.path)
        let report = try DataExportTools.json(result.stdout)
        XCTAssertEqual(report["valid"] as? Bool, true, result.stdout.prefix(3000).description)
        let labels = try DataExportTools.describeLabels(frictionless, "findings.csv", in: folder.path)
        XCTAssertEqual(labels, FindingsCSV.columns, "the BOM is not part of the first column's name")
    }

    // MARK: Data Package

    func testDataPackageOfTheThreeSamplesIsValid() throws {
        let samples = try DataExportTools.samples()
        let folder = TemporaryFolder("package")
        let target = folder.file("samples")
        try DataPackageExport.write(samples, to: target, language: .fr)
        try DataExportTools.assertValidPackage(at: target)

        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: target)), Set(DataPackageExport.fileNames))
        let findings = try DataExportTools.pythonCSVRows("\(target)/findings.csv")
        XCTAssertEqual(findings.count - 1, samples.map { $0.findings.live.count }.reduce(0, +))
        let teams = try DataExportTools.pythonCSVRows("\(target)/teams.csv")
        XCTAssertEqual(teams.count - 1, 9)
        let groups = try DataExportTools.pythonCSVRows("\(target)/participant_groups.csv")
        XCTAssertEqual(groups.count - 1, 6, "g-administration in each workshop: keyed within its workshop")
        let needs = try DataExportTools.pythonCSVRows("\(target)/data_needs.csv")
        XCTAssertEqual(needs.count - 1, samples.flatMap { $0.findings.live }.filter { $0.kind == .dataNeed }.count)
        XCTAssertEqual(try DataExportTools.pythonCSVRows("\(target)/workshops.csv").count - 1, 3)

        let descriptor = try DataExportTools.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(target)/datapackage.json")), as: UTF8.self))
        XCTAssertEqual(descriptor["profile"] as? String, "tabular-data-package")
        let resources = try XCTUnwrap(descriptor["resources"] as? [[String: Any]])
        let findingSchema = try XCTUnwrap(resources.first { $0["name"] as? String == "findings" }?["schema"] as? [String: Any])
        let keys = try XCTUnwrap(findingSchema["foreignKeys"] as? [[String: Any]])
        XCTAssertTrue(keys.contains { ($0["fields"] as? [String]) == ["team_id"] && (($0["reference"] as? [String: Any])?["resource"] as? String) == "teams" })
        let fieldTitles = (findingSchema["fields"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []
        XCTAssertTrue(fieldTitles.contains("Équipe"), "titles follow the language")
    }

    func testDataPackageOfTheFixtureIsValidWithPlenaryDeletedAndLinkedRecords() throws {
        var workshop = DataExportFixtures.withTrickyTexts()
        workshop.details.timeZone = "Africa/Tunis"
        let folder = TemporaryFolder("package")
        let target = folder.file("fixture")
        try DataPackageExport.write([workshop], to: target, language: .en)
        try DataExportTools.assertValidPackage(at: target)

        let findings = DataExportTools.rowsByID(try DataExportTools.pythonCSVRows("\(target)/findings.csv"))
        XCTAssertEqual(findings.count, workshop.findings.live.count)
        XCTAssertEqual(findings["f-4"]?["team_id"], "", "plenary: empty team_id, a valid null foreign key")
        XCTAssertEqual(findings["f-tricky"]?["text"], DataExportFixtures.trickyText)
        XCTAssertEqual(findings["f-on-deleted-team"]?["team_id"], "t-deleted")
        let teams = DataExportTools.rowsByID(try DataExportTools.pythonCSVRows("\(target)/teams.csv"))
        XCTAssertEqual(Set(teams.keys), ["t-transport", "t-invest", "t-deleted"], "a deleted team is kept only while a live finding belongs to it")
        let needs = try DataExportTools.pythonCSVRows("\(target)/data_needs.csv")
        XCTAssertEqual(needs.count - 1, 1)
        let workshops = DataExportTools.rowsByID(try DataExportTools.pythonCSVRows("\(target)/workshops.csv"))
        XCTAssertEqual(workshops["w-test"]?["participants"], "42")
        XCTAssertEqual(workshops["w-test"]?["women"], "11")
        XCTAssertEqual(workshops["w-test"]?["time_zone"], "Africa/Tunis", "where the UTC timestamps were local")
        let synthesis = try DataExportTools.pythonCSVRows("\(target)/synthesis.csv")
        XCTAssertEqual(synthesis.count - 1, 4, "the deleted recommendation is left out")
    }

    func testFrictionlessCatchesABrokenForeignKey() throws {
        // The keys are declared, not decorative: removing a team makes the package invalid.
        let folder = TemporaryFolder("package")
        let target = folder.file("broken")
        try DataPackageExport.write([WorkshopFixtures.complete()], to: target, language: .en)
        let teamsPath = "\(target)/teams.csv"
        let teams = try String(contentsOfFile: teamsPath, encoding: .utf8)
        let kept = teams.components(separatedBy: "\r\n").filter { !$0.hasPrefix("t-invest,") }.joined(separator: "\r\n")
        try kept.write(toFile: teamsPath, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(try DataExportTools.frictionless(), ["validate", "--json", "\(target)/datapackage.json"])
        let report = try DataExportTools.json(result.stdout)
        XCTAssertEqual(report["valid"] as? Bool, false)
        XCTAssertTrue(result.stdout.contains("foreign-key"), result.stdout.prefix(2000).description)
    }

    func testPackageFolderIsReplacedWholeOrLeftAlone() throws {
        let folder = TemporaryFolder("package")
        let target = folder.file("out")
        let workshop = WorkshopFixtures.complete()

        // A folder holding anything else is refused, untouched.
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        _ = folder.write("keep me", to: "out/notes.txt")
        XCTAssertThrowsError(try DataPackageExport.write([workshop], to: target, language: .en)) { error in
            let failure = error as? DataPackageExport.Failure
            XCTAssertNotNil(failure)
            XCTAssertTrue(failure?.description.contains("notes.txt") ?? false, "\(error)")
            XCTAssertTrue(failure?.description.contains("nothing was written") ?? false, "\(error)")
            XCTAssertFalse(failure?.description.contains("\n") ?? true, "one line")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target), ["notes.txt"])
        XCTAssertEqual(folder.entries, ["out"], "no temporary folder left behind")

        // An empty folder is filled; a previous package is replaced.
        try FileManager.default.removeItem(atPath: "\(target)/notes.txt")
        try DataPackageExport.write([workshop], to: target, language: .en)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: target)), Set(DataPackageExport.fileNames))
        var changed = workshop
        changed.details.theme = "Thème remplacé"
        try DataPackageExport.write([changed], to: target + "/", language: .en)
        let workshops = try DataExportTools.pythonCSVRows("\(target)/workshops.csv")
        XCTAssertEqual(workshops[1][1], "Thème remplacé")
        XCTAssertEqual(folder.entries, ["out"], "the previous package is removed, nothing else is left")

        // A package that cannot be built (the same workshop twice) writes nothing at all.
        let other = folder.file("twice")
        XCTAssertThrowsError(try DataPackageExport.write([workshop, workshop], to: other, language: .en)) { error in
            XCTAssertTrue("\(error)".contains("w-test"), "\(error)")
            XCTAssertTrue("\(error)".contains("nothing was written"), "\(error)")
        }
        XCTAssertEqual(folder.entries, ["out"])

        // A file in the way is refused; a missing parent folder too.
        _ = folder.write("x", to: "file")
        XCTAssertThrowsError(try DataPackageExport.write([workshop], to: folder.file("file"), language: .en))
        XCTAssertThrowsError(try DataPackageExport.write([workshop], to: folder.file("missing/out"), language: .en))
        XCTAssertThrowsError(try DataPackageExport.write([], to: folder.file("none"), language: .en))
        XCTAssertEqual(folder.entries, ["file", "out"])
    }

    func testIDsSharedByTwoWorkshopsAreRefusedWithAClearMessage() throws {
        var copy = WorkshopFixtures.complete()
        copy.id = "w-other"
        let folder = TemporaryFolder("package")
        XCTAssertThrowsError(try DataPackageExport.write([WorkshopFixtures.complete(), copy], to: folder.file("out"), language: .en)) { error in
            XCTAssertTrue("\(error)".contains("team id t-transport is used in two workshops"), "\(error)")
        }
    }

    // MARK: CKAN data requests

    func testCKANDataRequestsFitTheExtensionsLimits() throws {
        var workshop = DataExportFixtures.withTrickyTexts()
        let long = Array(repeating: "Données détaillées des marchés publics par gouvernorat", count: 40).joined(separator: " ")
        workshop.findings += [
            Finding(id: "f-long", teamId: "t-transport", kind: .dataNeed, text: long,
                    dataNeed: DataNeedDetails(producer: "Ministère de l’Équipement", availability: .unusableFormat, relevance: 3, impact: 3),
                    createdAt: WorkshopFixtures.time(40)),
            Finding(id: "f-same-title", teamId: "t-transport", kind: .dataNeed, text: "Données ventilées par sexe sur l’emploi",
                    dataNeed: DataNeedDetails(), createdAt: WorkshopFixtures.time(41)),
            Finding(id: "f-folded", teamId: "t-transport", kind: .dataNeed, text: "Emploi des femmes par secteur",
                    dataNeed: DataNeedDetails(relevance: 2, impact: 2), samePointAs: "f-3", createdAt: WorkshopFixtures.time(42)),
        ]
        let requests = try DataExportTools.jsonArray(CKANDataRequests.render([workshop], language: .fr))
        XCTAssertEqual(requests.count, 3, "f-3, f-long, f-same-title; f-folded makes the same point as f-3")
        var titles: Set<String> = []
        for request in requests {
            XCTAssertEqual(Set(request.keys), ["title", "description", "organization_id"])
            let title = try XCTUnwrap(request["title"] as? String)
            let description = try XCTUnwrap(request["description"] as? String)
            XCTAssertFalse(title.isEmpty)
            XCTAssertLessThanOrEqual(title.unicodeScalars.count, CKANDataRequests.titleLimit)
            XCTAssertLessThanOrEqual(description.unicodeScalars.count, CKANDataRequests.descriptionLimit)
            XCTAssertTrue(titles.insert(title.lowercased()).inserted, "titles are unique in a CKAN portal: \(title)")
        }
        let first = requests[0]
        // Same title as f-same-title but another producer: two needs, told apart by their producer.
        XCTAssertEqual(first["title"] as? String, "Données ventilées par sexe sur l’emploi — INS", "highest priority first")
        XCTAssertEqual(first["organization_id"] as? String, "ins")
        let description = try XCTUnwrap(first["description"] as? String)
        for expected in ["Données ventilées par sexe sur l’emploi\n\n", "INS", "non publiées", "CSV", "requises", "5/5", "4/5", "20/25",
                         "Économie numérique (2023-11-27, Tunis) — demandé par : Investissement, Transport et Infrastructure"] {
            XCTAssertTrue(description.contains(expected), "\(expected) missing from:\n\(description)")
        }

        let longRequest = try XCTUnwrap(requests.first { ($0["organization_id"] as? String) == "ministere-de-l-equipement" })
        let longTitle = try XCTUnwrap(longRequest["title"] as? String)
        XCTAssertTrue(longTitle.hasSuffix("…"))
        let kept = String(longTitle.dropLast())
        XCTAssertTrue(long.hasPrefix(kept))
        XCTAssertEqual(long[long.index(long.startIndex, offsetBy: kept.count)], " ", "cut on a word boundary")
        let longDescription = try XCTUnwrap(longRequest["description"] as? String)
        XCTAssertEqual(longDescription.unicodeScalars.count <= 1000, true)
        XCTAssertTrue(longDescription.contains("format inexploitable"), "the facts survive, the long text is shortened")
        XCTAssertTrue(longDescription.hasSuffix("Économie numérique (2023-11-27, Tunis) — demandé par : Transport et Infrastructure"))

        XCTAssertEqual(requests[2]["title"] as? String, "Données ventilées par sexe sur l’emploi", "no “(2)”")
        XCTAssertEqual(requests[2]["organization_id"] as? String, "", "no producer: no organisation")
    }

    func testCKANDataRequestsOfTheSamples() throws {
        let samples = try DataExportTools.samples()
        let text = CKANDataRequests.render(samples, language: .en)
        XCTAssertTrue(text.contains("Économie") || text.contains("Inclusion"), "UTF-8, not \\u escapes")
        XCTAssertFalse(text.contains("\\u00"))
        let requests = try DataExportTools.jsonArray(text)
        let needs = samples.flatMap { $0.findings.live }.filter { $0.kind == .dataNeed }
        XCTAssertGreaterThan(requests.count, 0)
        XCTAssertLessThanOrEqual(requests.count, needs.count)
        for request in requests {
            XCTAssertLessThanOrEqual((request["title"] as? String)?.unicodeScalars.count ?? 999, 100)
            XCTAssertLessThanOrEqual((request["description"] as? String)?.unicodeScalars.count ?? 9999, 1000)
            let organization = try XCTUnwrap(request["organization_id"] as? String)
            XCTAssertTrue(organization.isEmpty || organization.range(of: "^[a-z0-9-]{2,100}$", options: .regularExpression) != nil, organization)
        }
    }

    // MARK: JSON

    func testJSONExportDropsDeletedRecordsAndStaysLoadable() throws {
        let workshop = DataExportFixtures.withTrickyTexts()
        let text = try JSONExport.render(workshop)
        let folder = TemporaryFolder("json")
        let path = folder.write(text, to: "export.json")
        let loaded = try SessionStore().load(path)
        XCTAssertEqual(SemanticValidator.problems(in: loaded), [])

        XCTAssertEqual(loaded.findings.map(\.id), workshop.findings.live.map(\.id))
        XCTAssertTrue(loaded.findings.allSatisfy { !$0.isDeleted })
        XCTAssertNil(loaded.findings.record(withID: "f-points-to-deleted")?.samePointAs, "the link to the deleted finding is cleared")
        XCTAssertEqual(loaded.findings.record(withID: "f-8")?.samePointAs, "f-1")
        XCTAssertEqual(loaded.teams.map(\.id), ["t-transport", "t-invest", "t-deleted"])
        XCTAssertTrue(loaded.teams.record(withID: "t-deleted")?.isDeleted ?? false, "kept because a live finding belongs to it, still deleted")
        XCTAssertNil(loaded.teams.record(withID: "t-gone"))
        XCTAssertNil(loaded.participantGroups.record(withID: "g-deleted"))
        XCTAssertEqual(loaded.synthesis.recommendations.map(\.id), ["s-r1"])
        XCTAssertTrue(text.contains("عبد الله"), "UTF-8, unescaped")
        XCTAssertFalse(text.contains("\\u"))
    }

    func testJSONExportOfAWorkshopWithoutDeletionsIsTheSessionFile() throws {
        let workshop = WorkshopFixtures.complete()
        XCTAssertEqual(try JSONExport.render(workshop), String(decoding: try SessionCodec().encode(workshop), as: UTF8.self))
        for path in RepositoryPaths.sampleSessionFiles {
            let sample = try SessionStore().load(path)
            XCTAssertEqual(try JSONExport.render(sample), String(decoding: try SessionCodec().encode(sample), as: UTF8.self),
                           "the samples hold no deleted record")
        }
    }

    func testJSONExportRefusesAnInvalidWorkshop() {
        var workshop = WorkshopFixtures.complete()
        workshop.findings[0].teamId = "t-nowhere"
        XCTAssertThrowsError(try JSONExport.render(workshop)) { error in
            XCTAssertTrue("\(error)".contains("t-nowhere"), "\(error)")
        }
    }
}

// MARK: - Helpers

/// Workshops for the export tests.
enum DataExportFixtures {
    static let trickyText = "Virgule, \"guillemets\" et ; point-virgule\nligne 2\r\nligne 3 (CRLF)\rCR seul, \"\u{301} guillemet + accent combinant, ,\u{301} virgule + accent"

    /// The complete fixture plus deleted records, links to them, and a text with every CSV hazard.
    static func withTrickyTexts() -> Workshop {
        var w = WorkshopFixtures.complete()
        let t = WorkshopFixtures.time
        w.teams += [
            Team(id: "t-deleted", name: "Équipe supprimée", createdAt: t(5), deletedAt: t(6)),
            Team(id: "t-gone", name: "Équipe partie", createdAt: t(5), deletedAt: t(6)),
        ]
        w.participantGroups.append(ParticipantGroup(id: "g-deleted", name: "Supprimé", headcount: 3, createdAt: t(5), deletedAt: t(6)))
        w.findings += [
            Finding(id: "f-tricky", teamId: "t-invest", kind: .note, text: trickyText, createdAt: t(30)),
            Finding(id: "f-deleted", teamId: "t-invest", kind: .opportunity, text: "Supprimé", createdAt: t(31), deletedAt: t(32)),
            Finding(id: "f-points-to-deleted", teamId: "t-transport", kind: .opportunity, text: "Même point qu’un constat supprimé",
                    samePointAs: "f-deleted", createdAt: t(33)),
            Finding(id: "f-on-deleted-team", teamId: "t-deleted", kind: .note, text: "Équipe supprimée depuis", createdAt: t(34)),
        ]
        w.synthesis.recommendations.append(SynthesisItem(id: "s-r2", text: "Retirée", createdAt: t(35), deletedAt: t(36)))
        return w
    }
}

/// The independent tools the tests check exports with.
enum DataExportTools {
    static func samples() throws -> [Workshop] {
        try RepositoryPaths.sampleSessionFiles.map { try SessionStore().load($0) }
    }

    /// Reads a CSV with Python's csv module (`utf-8-sig` drops the BOM, `newline=""` keeps line
    /// breaks inside fields as they are).
    static func pythonCSVRows(_ path: String) throws -> [[String]] {
        let script = """
        import csv, json, sys
        with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        sys.stdout.write(json.dumps(rows, ensure_ascii=True))
        """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0 else {
            throw ToolFailure(description: "python3 could not read \(path) as CSV (\(result.status)): \(result.stderr.suffix(800))")
        }
        guard let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]] else {
            throw ToolFailure(description: "unexpected output from python3: \(result.stdout.prefix(200))")
        }
        return rows
    }

    /// Rows (after the header) as dictionaries by column name, keyed by their `id` (or `finding_id`).
    static func rowsByID(_ rows: [[String]]) -> [String: [String: String]] {
        guard let header = rows.first else { return [:] }
        var result: [String: [String: String]] = [:]
        for row in rows.dropFirst() {
            let record = Dictionary(zip(header, row), uniquingKeysWith: { a, _ in a })
            if let id = record["id"] ?? record["finding_id"] { result[id] = record }
        }
        return result
    }

    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw ToolFailure(description: "not a JSON object: \(text.prefix(300))")
        }
        return object
    }

    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw ToolFailure(description: "not a JSON array of objects: \(text.prefix(300))")
        }
        return array
    }

    /// The `frictionless` program: $DATAJAM_FRICTIONLESS, else on the PATH, else the repository's
    /// `.venv/bin`. Throws when there is none, which fails the test (never skips it).
    static func frictionless() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["DATAJAM_FRICTIONLESS"], !explicit.isEmpty { candidates.append(explicit) }
        candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/frictionless" }
        candidates.append("\(RepositoryPaths.root)/.venv/bin/frictionless")
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        let message = """
        frictionless is not installed, so the Data Package cannot be validated. Install it with \
        `python3 -m venv .venv && .venv/bin/pip install frictionless` (or run .ci/run), then put .venv/bin \
        on the PATH or set DATAJAM_FRICTIONLESS=/path/to/frictionless
        """
        throw ToolFailure(description: message)
    }

    /// The column names Frictionless reads from a CSV file.
    static func describeLabels(_ frictionless: String, _ path: String, in folder: String) throws -> [String] {
        let result = try ProcessRunner.run(frictionless, ["describe", "--json", path], currentDirectory: folder)
        let descriptor = try json(result.stdout)
        let fields = ((descriptor["schema"] as? [String: Any])?["fields"] as? [[String: Any]]) ?? []
        return fields.compactMap { $0["name"] as? String }
    }

    /// Runs `frictionless validate` on the package and fails the test with its errors unless it
    /// says VALID.
    static func assertValidPackage(at folder: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let frictionless = try frictionless()
        let result = try ProcessRunner.run(frictionless, ["validate", "\(folder)/datapackage.json"])
        XCTAssertEqual(result.status, 0, "frictionless validate failed:\n\(result.stdout.prefix(4000))\(result.stderr.prefix(2000))", file: file, line: line)
        XCTAssertTrue(result.stdout.contains("VALID") && !result.stdout.contains("INVALID"),
                      "frictionless says:\n\(result.stdout.prefix(4000))", file: file, line: line)
    }

    struct ToolFailure: Error, CustomStringConvertible { var description: String }
}
