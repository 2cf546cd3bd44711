import TestSupport
import XCTest
@testable import DataJamUI

final class InMemoryTerminalTests: XCTestCase {
    /// A miniature run loop: a titled one-line field, edited with keys, drawn on every key, Enter to finish.
    private func runField(on terminal: InMemoryTerminal, title: String) -> String? {
        var editor = LineEditor()
        func render() {
            let size = terminal.size
            var buffer = ScreenBuffer(width: size.width, height: size.height)
            let (header, body) = buffer.bounds.splitTop(1)
            buffer.put(title, x: header.x, y: header.y, style: .bold, maxWidth: header.width)
            let field = body.row(0).inset(left: 2)
            buffer.put("> ", x: body.x, y: body.y, maxWidth: body.width)
            let view = editor.visible(width: field.width)
            buffer.put(view.text, x: field.x, y: field.y, maxWidth: field.width)
            let cursor = field.isEmpty ? nil : (x: field.x + view.cursorColumn, y: field.y)
            terminal.present(buffer, cursor: cursor)
        }
        render()
        while let key = terminal.readKey(timeoutMilliseconds: 100) {
            switch key {
            case .enter:
                terminal.shutdown()
                return editor.text
            case .escape:
                terminal.shutdown()
                return nil
            case .resize:
                break
            default:
                editor.handle(key)
            }
            render()
        }
        return nil
    }

    func testScriptedKeysEditAndTheScreenShowsTheResult() {
        let terminal = InMemoryTerminal(width: 20, height: 3)
        terminal.type("Tunis, Café")
        terminal.enqueue(.backspace, .control("w"))
        terminal.type("عبد الله")
        terminal.enqueue(.enter)
        let result = runField(on: terminal, title: "Ville")
        XCTAssertEqual(result, "Tunis, عبد الله")
        XCTAssertTrue(terminal.isShutDown)
        XCTAssertEqual(terminal.pendingKeys, [])
        XCTAssertEqual(unshapedArabic(terminal.screenLines), ["Ville", "> Tunis, هللا دبع", ""])
        XCTAssertEqual(terminal.lastCursor?.x, 17)
        XCTAssertEqual(terminal.lastCursor?.y, 1)
        // One frame at start, then one per key except the final Enter.
        XCTAssertEqual(terminal.presentCount, 1 + 11 + 2 + 8)
        XCTAssertEqual(terminal.lastBuffer?.styledRows[0].first?.style, .bold)
    }

    func testResizeChangesTheSizeAndQueuesAResizeKey() {
        let terminal = InMemoryTerminal(width: 30, height: 3)
        terminal.type("数据数据数据数据")
        terminal.resize(width: 8, height: 2)
        XCTAssertEqual(terminal.pendingKeys.last, .resize)
        terminal.enqueue(.escape)
        XCTAssertNil(runField(on: terminal, title: "Données ouvertes"))
        XCTAssertEqual(terminal.size.width, 8)
        XCTAssertEqual(terminal.lastBuffer?.width, 8)
        // Six columns for the field: the cursor at the end pushes the view by half-field steps.
        XCTAssertEqual(terminal.screenLines, ["Données", "> 数据"])
        XCTAssertEqual(terminal.lastCursor?.x, 6)
    }

    func testEmptyQueueReturnsNilWithoutWaiting() {
        let terminal = InMemoryTerminal()
        XCTAssertEqual(terminal.size.width, 80)
        XCTAssertEqual(terminal.size.height, 24)
        XCTAssertNil(terminal.readKey(timeoutMilliseconds: 10_000))
        XCTAssertNil(terminal.readKey(timeoutMilliseconds: -1))
        XCTAssertEqual(terminal.idleReads, 2)
        XCTAssertNil(terminal.lastBuffer)
        XCTAssertEqual(terminal.screenLines, [])
    }

    func testPresentKeepsTheLastFrameAndHiddenCursor() {
        let terminal = InMemoryTerminal(width: 4, height: 1, keys: [.up])
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("ok", x: 0, y: 0)
        terminal.present(buffer, cursor: (x: 1, y: 0))
        XCTAssertEqual(terminal.lastCursor?.x, 1)
        terminal.present(buffer, cursor: nil)
        XCTAssertNil(terminal.lastCursor)
        XCTAssertEqual(terminal.screenText, "ok")
        XCTAssertEqual(terminal.presentCount, 2)
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 0), .up)
        terminal.shutdown()
        terminal.shutdown()
        XCTAssertTrue(terminal.isShutDown)
    }

    func testWorksThroughTheProtocol() {
        let backend: any TerminalBackend = InMemoryTerminal(width: 2, height: 1, keys: [.function(2)])
        XCTAssertEqual(backend.readKey(timeoutMilliseconds: 0), .function(2))
        XCTAssertEqual(backend.size.width, 2)
        backend.present(ScreenBuffer(width: 0, height: 0), cursor: nil)
        backend.shutdown()
    }
}
