import DataJamCore
import DataJamExport
@testable import DataJamUI
import TestSupport
import XCTest

/// Exporting from any session with the CLI's choices (format, language, anonymised), to file
/// names that keep French and English apart, and asking before replacing an earlier export.
final class ExportFromAnySessionTests: XCTestCase {
    private func exports(_ effects: [Effect]) -> [(ExportFormat, String, ReportLanguage, Bool, Bool)] {
        effects.compactMap {
            if case .export(let format, _, let path, let language, let anonymize, let replacing) = $0 { (format, path, language, anonymize, replacing) } else { nil }
        }
    }

    func testEAndF12OpenTheExportFormInEverySession() {
        for phase in DaySession.Phase.allCases {
            // Session 2's letters are text: there F12 alone exports.
            for key: Key in phase == .breakouts ? [.function(12)] : [.character("E"), .function(12)] {
                var state = workshopState(phase: phase)
                state.press(key)
                guard case .form(let form)? = state.popup else { return XCTFail("\(key.name) in session \(phase.number)") }
                XCTAssertEqual(form.purpose, .export(.choose))
                XCTAssertEqual(form.values, [.option("markdown"), .option("fr"), .toggle(false)])
            }
        }
        var state = workshopState(phase: .breakouts)
        state.press(.function(1))
        guard case .help(let help)? = state.popup else { return XCTFail() }
        XCTAssertTrue(help.sections.flatMap(\.hints).contains { $0.help(.fr).contains("depuis n’importe quelle séance") })
    }

    func testTheChoicesGoIntoTheEffectAndTheFileName() {
        var state = workshopState(phase: .presentation)
        state.press(.character("E"), .right)      // HTML
        state.press(.down, .right)                // English
        state.press(.down, .character(" "))       // anonymised
        let effects = state.press(.enter)
        let export = exports(effects)
        XCTAssertEqual(export.count, 1)
        XCTAssertEqual(export.first?.0, .html)
        XCTAssertEqual(export.first?.1, "/tmp/exports/atelier.en.anonymised.html")
        XCTAssertEqual(export.first?.2, .en)
        XCTAssertEqual(export.first?.3, true)
        XCTAssertEqual(export.first?.4, false, "never replaces without asking")
        XCTAssertEqual(state.status?.text, "Export en cours : /tmp/exports/atelier.en.anonymised.html")
        XCTAssertEqual(ExportChoice.outputPath(for: "Sessions/a.json", format: .markdown, language: .fr, anonymize: false), "Sessions/exports/a.fr.md")
        XCTAssertEqual(ExportChoice.outputPath(for: "a.json", format: .json, language: .en, anonymize: true), "exports/a.anonymised.json")
    }

    func testAnEarlierExportIsReplacedOnlyWhenTheUserSaysSo() {
        var state = workshopState(phase: .breakouts)
        let request = ExportRequest(format: .csv, language: .fr, anonymize: false, path: "/tmp/exports/atelier.fr.csv")
        _ = AppUpdate.update(&state, .exportWouldReplace(request))
        guard case .confirm(let confirm)? = state.popup else { return XCTFail("asks") }
        XCTAssertEqual(confirm.message, "« exports/atelier.fr.csv » existe déjà (un export précédent). Le remplacer ? (o/n)")
        XCTAssertTrue(state.press(.character("n")).isEmpty)
        XCTAssertNil(state.popup)
        _ = AppUpdate.update(&state, .exportWouldReplace(request))
        let export = exports(state.press(.character("o")))
        XCTAssertEqual(export.first?.1, "/tmp/exports/atelier.fr.csv")
        XCTAssertEqual(export.first?.4, true)
    }

    func testTheRunnerLeavesAnExistingFileAloneAndLeavesNamesOutWhenAnonymising() throws {
        let folder = TemporaryFolder("export-runner")
        let inbox = MessageInbox()
        let runner = EffectRunner(inbox: inbox)
        let path = folder.file("exports/atelier.fr.md")
        try FileManager.default.createDirectory(atPath: folder.file("exports"), withIntermediateDirectories: true)
        _ = folder.write("earlier", to: "exports/atelier.fr.md")
        runner.perform(.export(format: .markdown, workshop: WorkshopFixtures.complete(), path: path, language: .fr, anonymize: true, replacing: false))
        guard case .exportWouldReplace(let request)? = inbox.drain().first else { return XCTFail("no question") }
        XCTAssertEqual(request, ExportRequest(format: .markdown, language: .fr, anonymize: true, path: path))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "earlier")
        runner.perform(.export(format: .markdown, workshop: WorkshopFixtures.complete(), path: path, language: .fr, anonymize: true, replacing: true))
        guard case .exported(_, nil)? = inbox.drain().first else { return XCTFail("not exported") }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("Économie numérique"))
        XCTAssertFalse(text.contains("Leïla"), "anonymised: no rapporteur's name")
    }
}
