import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Version 1 is the first format, so the real chain is empty; these tests drive the mechanism with
/// a made-up version 2 so that the next format change only has to add its step.
final class MigrationTests: XCTestCase {
    /// A pretend version 2 that renamed `details.city` to `details.place`, read back as version 1.
    private let downgradeMigrator = SessionMigrator(steps: [
        0: { document in
            // "version 0" files kept the theme at the top level.
            var d = document
            var details = d["details"] as? [String: Any] ?? [:]
            details["theme"] = d.removeValue(forKey: "theme")
            d["details"] = details
            return d
        },
    ], currentVersion: 1, firstVersion: 0)

    func testAnOlderVersionLoadsThroughItsSteps() throws {
        var tree = try JSONSerialization.jsonObject(with: SessionCodec().encode(WorkshopFixtures.complete())) as! [String: Any]
        var details = tree["details"] as! [String: Any]
        tree["theme"] = details.removeValue(forKey: "theme")
        tree["details"] = details
        tree["version"] = 0
        let data = try JSONSerialization.data(withJSONObject: tree)
        let loaded = try SessionCodec(migrator: downgradeMigrator).decode(data, file: "old.json")
        XCTAssertEqual(loaded.version, 1)
        XCTAssertEqual(loaded, WorkshopFixtures.complete())
        XCTAssertThrowsError(try SessionCodec().decode(data, file: "old.json")) { error in
            XCTAssertEqual("\(error)", "old.json: version: 0 is not a known format version (1 to 1)")
        }
    }

    func testStepsRunInOrderAndStampTheVersion() throws {
        let migrator = SessionMigrator(steps: [
            1: { var d = $0; d["trail"] = ($0["trail"] as? String ?? "") + "1→2;"; return d },
            2: { var d = $0; d["trail"] = ($0["trail"] as? String ?? "") + "2→3;"; return d },
        ], currentVersion: 3)
        let (document, migrated) = try migrator.migrate(["version": 1], from: 1)
        XCTAssertTrue(migrated)
        XCTAssertEqual(document["trail"] as? String, "1→2;2→3;")
        XCTAssertEqual(document["version"] as? Int, 3)
        XCTAssertFalse(try migrator.migrate(["version": 3], from: 3).migrated)
        XCTAssertThrowsError(try migrator.migrate([:], from: 4)) { XCTAssertEqual($0 as? SessionMigrator.Failure, .newer(4)) }
    }

    func testAFailingStepIsReportedNotSwallowed() {
        struct Broken: Error {}
        let migrator = SessionMigrator(steps: [1: { _ in throw Broken() }], currentVersion: 2)
        XCTAssertThrowsError(try migrator.migrate([:], from: 1)) { error in
            guard case .stepFailed(from: 1, _)? = error as? SessionMigrator.Failure else { return XCTFail("\(error)") }
        }
    }
}
