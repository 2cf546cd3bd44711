import DataJamCore
import DataJamExport
@testable import DataJamUI
import Foundation
import TestSupport
import XCTest

/// The first and last moments a file can hold, shown in local time, reported, timed and edited:
/// nothing traps and nothing written becomes unreadable.
final class RangeEdgeTests: XCTestCase {
    private func workshopAtTheEdges() -> Workshop {
        var w = WorkshopFixtures.complete()
        w.findings[0].updatedAt = Timestamp.latest
        w.findings[1].createdAt = Timestamp.earliest
        w.findings[1].updatedAt = Timestamp.earliest
        w.sessions[0].startedAt = Timestamp.earliest
        w.sessions[0].endedAt = Timestamp.latest
        w.sessions[1].startedAt = Timestamp.latest
        w.details.date = WorkshopDate("9999-12-31")
        return w
    }

    /// The home screen shows each file's last change in local time: a moment at either end of the
    /// range, shifted by the time zone, fell outside years 1-9999 and trapped in `WorkshopDate`.
    func testHomeScreenShowsMomentsAtTheEdgesInAnyTimeZone() {
        for (moment, offset) in [(Timestamp.earliest, Int64(-3600)), (Timestamp.latest, Int64(14 * 3600))] {
            XCTAssertFalse(ClockFormat.dateTime(moment, offsetSeconds: offset).isEmpty)
            var w = WorkshopFixtures.complete()
            w.details.updatedAt = moment
            var state = AppState(lang: .en, width: 100, height: 24, now: .now(), sessionsFolder: "/tmp")
            state.utcOffsetSeconds = offset
            _ = AppUpdate.update(&state, .sessionsListed(folder: "/tmp", [
                SessionListing(path: "/tmp/edge.json", summary: .success(WorkshopSummary(w))),
            ]))
            XCTAssertTrue(AppView.render(state).buffer.lines.joined().contains("Économie numérique"))
        }
    }

    func testReportsAndScreensOfAWorkshopAtTheEdges() throws {
        let w = workshopAtTheEdges()
        for format in MutantConsumers.formats {
            for language in [ReportLanguage.fr, .en] {
                XCTAssertFalse(try Exporter.text(format, [w], consolidated: false, language: language, anonymize: false).isEmpty)
            }
        }
        let markdown = try Exporter.text(.markdown, [w], consolidated: false, language: .en, anonymize: false)
        XCTAssertTrue(markdown.contains("1 January 1"), markdown)
        MutantConsumers.renderEveryScreen(w, folder: "/tmp", variant: 0)
        MutantConsumers.renderEveryScreen(w, folder: "/tmp", variant: 1)
    }

    /// `edit` makes its change later than the version it replaces; after the last moment a file
    /// can hold, that was 10000-01-01 and the file became unreadable.
    func testEditingAFindingChangedAtTheLastMomentKeepsTheFileReadable() throws {
        let folder = TemporaryFolder("edge-edit")
        let path = folder.file("edge.json")
        try SessionStore().create(workshopAtTheEdges(), at: path)
        let result = try ProcessRunner.datajam("edit", path, "f-1", "Texte modifié")
        XCTAssertEqual(result.status, 0, result.stderr)
        let edited = try SessionStore().load(path)
        XCTAssertEqual(edited.findings.record(withID: "f-1")?.text, "Texte modifié")
        XCTAssertEqual(edited.findings.record(withID: "f-1")?.updatedAt, Timestamp.latest)
        XCTAssertEqual(try ProcessRunner.datajam("validate", path).status, 0)
    }

    /// What the loader refuses never reaches another file: `merge` of a rapporteur's file whose
    /// moment is out of range, and `add` to a file with two "version" keys, change nothing.
    func testRefusedFilesSpreadNothing() throws {
        let folder = TemporaryFolder("edge-spread")
        let base = folder.file("base.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: base)
        let before = try Data(contentsOf: URL(fileURLWithPath: base))
        let text = String(decoding: before, as: UTF8.self)
        let rapporteur = folder.write(text.replacingOccurrences(of: "\"2023-11-27T08:00:10.000Z\"", with: "\"0000-01-01T00:00:00.000+01:00\""),
                                      to: "rapporteur.json")
        let merge = try ProcessRunner.datajam("merge", base, rapporteur)
        XCTAssertNotEqual(merge.status, 0)
        XCTAssertTrue(merge.stderr.contains("falls outside the years 0001 to 9999"), merge.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: base)), before)

        let twoVersions = folder.write(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2, \"version\": 1"), to: "versions.json")
        let add = try ProcessRunner.datajam("add", twoVersions, "--kind", "note", "x")
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(add.stderr.contains("duplicate key \"version\""), add.stderr)
        XCTAssertTrue(try String(contentsOfFile: twoVersions, encoding: .utf8).contains("\"version\": 2, \"version\": 1"))
    }
}
