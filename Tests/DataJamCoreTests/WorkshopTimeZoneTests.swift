import DataJamCore
import Foundation
import TestSupport
import XCTest

final class WorkshopTimeZoneTests: XCTestCase {
    func testKnownNamesOnly() {
        for name in ["Africa/Tunis", "Europe/Paris", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT-1"] {
            XCTAssertTrue(WorkshopTimeZone.isKnown(name), name)
        }
        for name in ["", "Mars/Olympus", "europe/paris", "Europe/Paris/", "../etc/passwd", "/etc/localtime", "Europe//Paris",
                     "Afrique/Tunis é", String(repeating: "A", count: 65)] {
            XCTAssertFalse(WorkshopTimeZone.isKnown(name), name)
        }
        XCTAssertTrue(WorkshopTimeZone.isWellFormed("Mars/Olympus"), "a file may name a zone this machine does not know")
        XCTAssertFalse(WorkshopTimeZone.isWellFormed("../etc/passwd"))
        XCTAssertFalse(WorkshopTimeZone.isWellFormed("Afrique/Tunis é"))
        XCTAssertEqual(WorkshopTimeZone.problem(with: "Mars/Olympus"),
                       "unknown time zone \"Mars/Olympus\"; give an IANA name such as Africa/Tunis, Europe/Paris or UTC")
    }

    func testLocalTimesFollowSummerTime() {
        let paris = WorkshopTimeZone("Europe/Paris")
        let winter = Timestamp(iso8601: "2024-01-15T08:30:00Z")!
        let summer = Timestamp(iso8601: "2024-07-15T08:30:00Z")!
        XCTAssertEqual(paris.clock(winter), "09:30")
        XCTAssertEqual(paris.clock(summer), "10:30")
        XCTAssertEqual(paris.offsetSeconds(at: summer), 7200)
        XCTAssertEqual(WorkshopTimeZone(nil).clock(summer), "08:30")
        XCTAssertEqual(WorkshopTimeZone(nil).label, "UTC")
        XCTAssertEqual(WorkshopTimeZone("Mars/Olympus").label, "UTC", "an unknown name is shown in UTC, never guessed")
        let local = WorkshopTimeZone("Pacific/Kiritimati").local(Timestamp(iso8601: "2024-01-15T20:00:00Z")!)
        XCTAssertEqual(local.day, WorkshopDate("2024-01-16"))
        XCTAssertEqual(local.hour, 10)
    }

    func testLocalTimeToMomentRoundTripsAndHandlesTheChangesOfOffset() {
        let paris = WorkshopTimeZone("Europe/Paris")
        let day = WorkshopDate("2024-07-15")!
        XCTAssertEqual(paris.moment(day: day, hour: 9, minute: 30), Timestamp(iso8601: "2024-07-15T07:30:00Z"))
        // 31 March 2024: 02:00 became 03:00 in Paris (02:30 does not exist: read with the winter offset).
        XCTAssertEqual(paris.moment(day: WorkshopDate("2024-03-31")!, hour: 2, minute: 30), Timestamp(iso8601: "2024-03-31T01:30:00Z"))
        XCTAssertEqual(paris.moment(day: WorkshopDate("2024-03-31")!, hour: 3, minute: 30), Timestamp(iso8601: "2024-03-31T01:30:00Z"))
        // 27 October 2024: 02:30 happened twice; the first is meant.
        XCTAssertEqual(paris.moment(day: WorkshopDate("2024-10-27")!, hour: 2, minute: 30), Timestamp(iso8601: "2024-10-27T00:30:00Z"))
        let tunis = WorkshopTimeZone("Africa/Tunis")
        for minutes in stride(from: 0, to: 24 * 60, by: 17) {
            let t = tunis.moment(day: WorkshopDate("2023-11-27")!, hour: minutes / 60, minute: minutes % 60)
            let back = tunis.local(t)
            XCTAssertEqual([back.hour, back.minute], [minutes / 60, minutes % 60])
        }
    }

    func testMachineZoneComesFromTZThenLocaltime() throws {
        XCTAssertEqual(WorkshopTimeZone.machine(environment: ["TZ": "Africa/Tunis"], localtime: "/nonexistent"), "Africa/Tunis")
        XCTAssertEqual(WorkshopTimeZone.machine(environment: ["TZ": ":Europe/Paris"], localtime: "/nonexistent"), "Europe/Paris")
        XCTAssertEqual(WorkshopTimeZone.machine(environment: ["TZ": "/usr/share/zoneinfo/Asia/Tokyo"], localtime: "/nonexistent"), "Asia/Tokyo")
        let folder = TemporaryFolder("localtime")
        let link = folder.file("localtime")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/usr/share/zoneinfo/America/St_Johns")
        XCTAssertEqual(WorkshopTimeZone.machine(environment: ["TZ": "Nowhere/Land"], localtime: link), "America/St_Johns")
        XCTAssertEqual(WorkshopTimeZone.machine(environment: [:], localtime: link), "America/St_Johns")
        if let fallback = WorkshopTimeZone.machine(environment: [:], localtime: "/nonexistent") {
            XCTAssertTrue(WorkshopTimeZone.isKnown(fallback))
        }
    }

    func testTheZoneRoundTripsIsOptionalAndIsValidated() throws {
        var w = WorkshopFixtures.complete()
        XCTAssertNil(w.details.timeZone)
        let codec = SessionCodec()
        let without = String(decoding: try codec.encode(w), as: UTF8.self)
        XCTAssertFalse(without.contains("timeZone"), "absent, as in files written before it existed")
        w.details.timeZone = "Africa/Tunis"
        let data = try codec.encode(w)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("    \"timeZone\": \"Africa/Tunis\",\n"))
        XCTAssertEqual(try codec.decode(data, file: "z.json"), w)
        XCTAssertEqual(try codec.encode(codec.decode(data, file: "z.json")), data)
        // A zone this machine does not know (a newer database wrote it) is read, and shown in UTC.
        w.details.timeZone = "America/Somewhere_New"
        XCTAssertEqual(SemanticValidator.problems(in: w), [])
        XCTAssertEqual(w.timeZone.label, "UTC")
        w.details.timeZone = "Tunis (GMT+1)"
        XCTAssertEqual(SemanticValidator.problems(in: w).map(\.description),
                       ["details.timeZone: \"Tunis (GMT+1)\" is not an IANA time zone name such as Africa/Tunis"])
    }

    func testPresetsTakeTheZoneAndSetUpCopiesKeepIt() {
        let w = WorkshopPreset.named("blank")!.makeWorkshop(theme: "t", date: nil, city: "", teamNames: nil, timeZone: "Africa/Tunis")
        XCTAssertEqual(w.details.timeZone, "Africa/Tunis")
        XCTAssertEqual(w.setupCopy(theme: "u", date: nil, city: "").details.timeZone, "Africa/Tunis")
    }

    func testMergeKeepsTheLaterFramesZone() {
        let base = WorkshopFixtures.complete()
        var other = base
        other.apply(.details({ var d = base.details; d.timeZone = "Africa/Tunis"; return d }()), now: WorkshopFixtures.time(900))
        XCTAssertEqual(SessionMerge.merge(base: base, others: [other]).0.details.timeZone, "Africa/Tunis")
        XCTAssertEqual(SessionMerge.merge(base: other, others: [base]).0.details.timeZone, "Africa/Tunis")
    }
}
