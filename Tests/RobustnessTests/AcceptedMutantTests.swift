import DataJamCore
import DataJamExport
@testable import DataJamUI
import Foundation
import TestSupport
import XCTest

/// Whatever the loader accepts, everything after it must survive: every export format (with and
/// without anonymising, in both languages), the consolidated report, a merge, an add, and every
/// screen drawn headless. The inputs are the seeded mutants of the property test, the ones the
/// loader accepts; a crash here stops the test process, and the failing case replays from the seed.
final class AcceptedMutantTests: XCTestCase {
    private let codec = SessionCodec()

    func testEveryAcceptedMutantGoesThroughEveryExportMergeAddAndScreen() throws {
        var mutator = SessionMutator(seed: 31_415, seeds: SessionMutator.standardSeeds(generated: 30))
        // A small second workshop for the consolidated report and merges: the samples are large,
        // and what is under test is the mutant.
        let other = GeneratedWorkshops.make(seed: 99)
        let folder = TemporaryFolder("robustness")
        var cases = 0, accepted = 0
        // Time-boxed to 30 s, but never below 25 accepted mutants: on a loaded machine the box alone
        // would leave too few to mean anything.
        let deadline = Date().addingTimeInterval(30)
        while cases < 3000, accepted < 25 || Date() < deadline {
            let data = mutator.next()
            cases += 1
            guard let workshop = try? codec.decode(data, file: "mutant.json") else { continue }
            accepted += 1
            let label = "mutant \(cases)"
            try MutantConsumers.export(workshop, with: other, packageFolder: accepted % 2 == 1 ? folder.file("package-\(cases)") : nil, label)
            try MutantConsumers.merge(workshop, with: other, label)
            try MutantConsumers.add(to: data, in: folder, label)
            MutantConsumers.renderEveryScreen(workshop, folder: folder.path, variant: accepted)
        }
        print("robustness: \(cases) mutants, \(accepted) accepted and exercised")
        XCTAssertGreaterThan(accepted, 20, "too few accepted mutants to mean anything")
    }
}

/// The consumers of a loaded workshop, each driven the way the commands and the UI drive it.
enum MutantConsumers {
    static let formats: [ExportFormat] = [.markdown, .html, .csv, .ckan, .json]

    static func export(_ workshop: Workshop, with other: Workshop, packageFolder: String?, _ label: String) throws {
        for anonymize in [false, true] {
            let language: ReportLanguage = anonymize ? .en : .fr
            for format in formats {
                let text = try Exporter.text(format, [workshop], consolidated: false, language: language, anonymize: anonymize)
                XCTAssertFalse(text.isEmpty, "\(format) \(label)")
            }
            for format in [ExportFormat.markdown, .html, .json] {
                _ = try Exporter.text(format, [workshop, other], consolidated: true, language: language, anonymize: anonymize)
            }
            if let packageFolder {
                try Exporter.write(.datapackage, [workshop], consolidated: false, language: language, anonymize: anonymize,
                                   to: packageFolder + (anonymize ? "-anonymous" : ""))
            }
        }
    }

    /// Merging either way gives a workshop that writes to a file the loader reads back.
    static func merge(_ workshop: Workshop, with other: Workshop, _ label: String) throws {
        let codec = SessionCodec()
        for merged in [SessionMerge.merge(base: workshop, others: [other]).workshop,
                       SessionMerge.merge(base: other, others: [workshop]).workshop,
                       SessionMerge.merge(base: workshop, others: [workshop]).workshop] {
            XCTAssertNoThrow(try codec.decode(codec.encode(merged), file: "merged.json"), label)
        }
    }

    /// `datajam add`'s path: a finding appended under the lock, then the file read back.
    static func add(to data: Data, in folder: TemporaryFolder, _ label: String) throws {
        let path = folder.write(data, to: "add.json")
        let store = SessionStore()
        let before = try store.load(path)
        let team = before.teams.live.first?.id
        let added = try store.update(path) { workshop in
            workshop.findings.append(Finding(teamId: team, kind: .note, text: "ajout", createdAt: .now(after: workshop.lastChange)))
        }
        XCTAssertEqual(try store.load(path), added, label)
    }

    /// Home with the file listed, session 1 (each panel and slide), session 2 (each team, and a
    /// few rows selected), session 3 (each tab), at two sizes, with a timer running; and the
    /// popups that show a record's values opened on the selection.
    static func renderEveryScreen(_ workshop: Workshop, folder: String, variant: Int) {
        let sizes = variant % 2 == 0 ? [(80, 24), (60, 16)] : [(120, 40), (61, 17)]
        let offsets: [Int64] = [0, 14 * 3600, -12 * 3600]
        for (width, height) in sizes {
            let now = variant % 3 == 0 ? Timestamp.now() : workshop.lastChange
            var home = AppState(lang: variant % 2 == 0 ? .fr : .en, width: width, height: height, now: now, sessionsFolder: folder)
            home.utcOffsetSeconds = offsets[variant % offsets.count]
            _ = AppUpdate.update(&home, .sessionsListed(folder: folder, [
                SessionListing(path: "\(folder)/mutant.json", summary: .success(WorkshopSummary(workshop))),
                SessionListing(path: "\(folder)/broken.json", summary: .failure(SessionFileError(file: "broken.json", message: "is empty"))),
            ]))
            _ = AppView.render(home)

            var open = OpenWorkshop(path: "\(folder)/mutant.json", workshop: workshop, hasHome: true)
            open.refresh()
            var state = AppState(lang: home.lang, width: width, height: height, now: now, sessionsFolder: folder, route: .workshop(open))
            state.utcOffsetSeconds = home.utcOffsetSeconds
            func press(_ keys: Key...) {
                for key in keys { _ = AppUpdate.update(&state, .key(key)) }
                _ = AppView.render(state)
            }
            /// Opens what `key` opens on the selection, draws it, and goes back to the state
            /// before (Esc could leave the workshop when nothing opened).
            func peek(_ key: Key) {
                let before = state
                press(key)
                state = before
            }
            _ = AppUpdate.update(&state, .tick(now))
            press(.character("1"))
            for _ in 0..<3 { press(.right) }
            peek(.character("p"))
            for _ in 0..<3 {
                press(.tab)
                peek(.character("e"))
            }
            press(.character("2"))
            XCTAssertEqual(state.openWorkshop?.phase, .breakouts)
            for _ in 0...(workshop.teams.count + 1) {
                press(.tab, .down, .down)
                // The popups that open on a finding show its values: edit, details, move.
                for key in [Key.enter, .function(8), .function(7), .insert, .character("M")] { peek(key) }
            }
            press(.function(4))
            XCTAssertEqual(state.openWorkshop?.phase, .synthesis)
            for _ in 0..<4 {
                press(.tab, .down)
                peek(.character("e"))
            }
            peek(.character("?"))
            _ = AppUpdate.update(&state, .key(.resize))
        }
        for team in workshop.teams.live.prefix(3) {
            var open = OpenWorkshop(path: "\(folder)/mutant.json", workshop: workshop, rapporteurTeamID: team.id, hasHome: false)
            open.phase = .breakouts
            open.refresh()
            _ = AppView.render(AppState(lang: .fr, width: 80, height: 24, now: workshop.lastChange, sessionsFolder: folder, route: .workshop(open)))
        }
    }
}
