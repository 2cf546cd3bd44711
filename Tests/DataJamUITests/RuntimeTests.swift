import DataJamCore
@testable import DataJamUI
import TestSupport
import XCTest

/// The run loop with the in-memory terminal and the real file system: keys in, file out.
final class RuntimeTests: XCTestCase {
    func testTypedFindingIsOnDiskWhenRunReturns() throws {
        let folder = TemporaryFolder("runtime")
        let path = folder.file("atelier.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: path)
        let terminal = InMemoryTerminal(width: 80, height: 24)
        var open = OpenWorkshop(path: path, workshop: try SessionStore().load(path), hasHome: false)
        open.phase = .breakouts
        open.refresh()
        let state = AppState(lang: .fr, width: 80, height: 24, now: .now(), sessionsFolder: folder.path, route: .workshop(open))
        let runtime = AppRuntime(state: state, backend: terminal, effects: EffectRunner(inbox: MessageInbox()))
        terminal.enqueue(.alt("o"))
        terminal.type("Rendre les horaires publics — حافلات")
        terminal.enqueue(.enter, .escape, .function(10))
        runtime.run()
        XCTAssertTrue(terminal.isShutDown)
        let saved = try SessionStore().load(path)
        XCTAssertEqual(saved.findings.live.last?.text, "Rendre les horaires publics — حافلات")
        XCTAssertEqual(saved.findings.live.last?.kind, .opportunity)
        XCTAssertEqual(folder.entries, ["atelier.json"])
    }

    func testExportsWriteIntoExportsBesideTheSessionAndAskBeforeReplacing() throws {
        let folder = TemporaryFolder("runtime-export")
        let path = folder.file("atelier.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: path)
        let terminal = InMemoryTerminal(width: 80, height: 24)
        var open = OpenWorkshop(path: path, workshop: try SessionStore().load(path), hasHome: false)
        open.refresh()
        let state = AppState(lang: .fr, width: 80, height: 24, now: .now(), sessionsFolder: folder.path, route: .workshop(open))
        let runtime = AppRuntime(state: state, backend: terminal, effects: EffectRunner(inbox: MessageInbox()))
        terminal.enqueue(.character("3"), .character("E"))
        for _ in 0..<10 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(terminal.screenText.contains("Exporter dans exports/"), terminal.screenText)
        terminal.enqueue(.enter)
        for _ in 0..<10 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(terminal.screenText.contains("Exporté : \(folder.path)/exports/atelier.fr.md"), terminal.screenText)
        let markdown = try String(contentsOfFile: folder.file("exports/atelier.fr.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("Économie numérique"))
        // From session 2 too, in English: another file, the French one stays.
        terminal.enqueue(.character("2"), .function(12), .down, .right, .enter)
        for _ in 0..<16 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("exports/atelier.en.md")), terminal.screenText)
        XCTAssertEqual(try String(contentsOfFile: folder.file("exports/atelier.fr.md"), encoding: .utf8), markdown)
        // The same export again asks before replacing: n keeps the file as it was.
        try "earlier".write(toFile: folder.file("exports/atelier.fr.md"), atomically: true, encoding: .utf8)
        terminal.enqueue(.function(12), .enter)
        for _ in 0..<12 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(terminal.screenText.contains("« exports/atelier.fr.md » existe déjà (un export précédent).") &&
                      terminal.screenText.contains("Le remplacer ? (o/n)"), terminal.screenText)
        terminal.enqueue(.character("n"))
        for _ in 0..<8 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertEqual(try String(contentsOfFile: folder.file("exports/atelier.fr.md"), encoding: .utf8), "earlier")
        // o replaces it.
        terminal.enqueue(.function(12), .enter)
        for _ in 0..<12 { runtime.step(timeoutMilliseconds: 0) }
        terminal.enqueue(.character("o"))
        for _ in 0..<10 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertEqual(try String(contentsOfFile: folder.file("exports/atelier.fr.md"), encoding: .utf8), markdown)
        // A Data Package, anonymised: a folder of its own name.
        terminal.enqueue(.function(12), .right, .right, .right, .down, .down, .character(" "), .enter)
        for _ in 0..<22 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("exports/atelier.fr.anonyme.datapackage/datapackage.json")), terminal.screenText)
        terminal.enqueue(.function(10))
        runtime.run()
    }

    func testHomeMergesARapporteursFileIntoTheSelectedWorkshop() throws {
        let folder = TemporaryFolder("runtime-merge")
        let base = folder.file("atelier.json")
        try SessionStore().create(WorkshopFixtures.complete(), at: base)
        let laptop = TemporaryFolder("runtime-merge-laptop")
        let copy = laptop.file("copie.json")
        var theirs = WorkshopFixtures.complete()
        theirs.findings.append(Finding(id: "f-laptop", teamId: "t-invest", kind: .note, text: "saisie hors ligne"))
        try SessionStore().create(theirs, at: copy)

        let terminal = InMemoryTerminal(width: 100, height: 24)
        let state = AppState(lang: .en, width: 100, height: 24, now: .now(), sessionsFolder: folder.path)
        let runtime = AppRuntime(state: state, backend: terminal, effects: EffectRunner(inbox: MessageInbox()))
        runtime.send(.listSessionsForTest(folder.path))
        terminal.enqueue(.character("m"))
        terminal.type(copy)
        terminal.enqueue(.enter)
        for _ in 0..<(copy.count + 6) { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(terminal.screenText.contains("merged 1 file into \(base)"), terminal.screenText)
        XCTAssertEqual(try SessionStore().load(base).findings.record(withID: "f-laptop")?.text, "saisie hors ligne")
        terminal.enqueue(.character("q"))
        runtime.run()
    }

    func testHomeRenamesAndTrashesAFile() throws {
        let folder = TemporaryFolder("runtime-trash")
        try ProcessRunner.datajam("new", folder.file("a.json"), "--theme", "Premier")
        let terminal = InMemoryTerminal(width: 80, height: 24)
        let state = AppState(lang: .en, width: 80, height: 24, now: .now(), sessionsFolder: folder.path)
        let runtime = AppRuntime(state: state, backend: terminal, effects: EffectRunner(inbox: MessageInbox()))
        runtime.send(.listSessionsForTest(folder.path))
        terminal.enqueue(.character("r"), .control("u"))
        terminal.type("premier-atelier")
        terminal.enqueue(.enter)
        for _ in 0..<24 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(terminal.screenText.contains("Renamed: \(folder.path)/premier-atelier.json"), terminal.screenText)
        XCTAssertEqual(folder.entries, ["premier-atelier.json"])
        terminal.enqueue(.character("x"), .character("y"))
        for _ in 0..<6 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(terminal.screenText.contains("Moved to the trash: \(folder.path)/.trash/premier-atelier.json"), terminal.screenText)
        XCTAssertTrue(terminal.screenText.contains("No workshop here yet"), terminal.screenText)
        XCTAssertEqual(folder.entries, [".trash"])
        terminal.enqueue(.character("q"))
        runtime.run()
    }

    func testHomeListsTheFolderAndCreatesAWorkshop() throws {
        let folder = TemporaryFolder("runtime-home")
        try ProcessRunner.datajam("new", folder.file("a.json"), "--theme", "Premier")
        _ = folder.write("{", to: "broken.json")
        let terminal = InMemoryTerminal(width: 80, height: 24)
        let state = AppState(lang: .en, width: 80, height: 24, now: .now(), sessionsFolder: folder.path)
        let runtime = AppRuntime(state: state, backend: terminal, effects: EffectRunner(inbox: MessageInbox()))
        runtime.send(.listSessionsForTest(folder.path))
        runtime.step(timeoutMilliseconds: 0)
        runtime.step(timeoutMilliseconds: 0)
        let screen = terminal.screenText
        XCTAssertTrue(screen.contains("Premier"), screen)
        XCTAssertTrue(screen.contains("⚠ broken.json: is not valid JSON"), screen)

        terminal.enqueue(.character("n"))
        terminal.type("Deuxième atelier")
        terminal.enqueue(.tab, .control("u"), .enter)
        // The teams, one per line: a comma belongs to the name.
        terminal.type("A, et B")
        terminal.enqueue(.enter)
        terminal.type("C")
        terminal.enqueue(.control("s"))
        for _ in 0..<60 { runtime.step(timeoutMilliseconds: 0) }
        XCTAssertTrue(terminal.screenText.contains("Workshop created"), terminal.screenText)
        let created = try SessionStore().load(folder.file("deuxieme-atelier.json"))
        XCTAssertEqual(created.teams.map(\.name), ["A, et B", "C"])
        XCTAssertEqual(created.details.date, nil)
        terminal.enqueue(.character("q"))
        runtime.run()
        XCTAssertTrue(terminal.isShutDown)
    }
}

private extension Message {
    /// The answer the effect runner gives to `.listSessions`, computed now.
    static func listSessionsForTest(_ folder: String) -> Message {
        .sessionsListed(folder: folder, EffectRunner.listings(in: folder, store: SessionStore()))
    }
}
