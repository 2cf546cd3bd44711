import DataJamCore
import Foundation
import TestSupport
import XCTest

/// Arabic in a terminal that does no bidirectional layout (tmux, like xterm and Windows Terminal): the real
/// binary must send it in visual order, so that capture-pane, which reads cells left to right as a person's
/// eyes scan them, shows it reading right to left. The file keeps the order it was typed in.
final class RightToLeftEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!
    /// No lam-alef in it, so that the letters read back from the joined forms are exactly the reversed text.
    private let finding = "البيانات المفتوحة غير متوفرة بصيغة قابلة للتحميل"

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        folder = TemporaryFolder("e2e-rtl")
    }

    /// A rapporteur's view that starts only once `go` exists, so that the pane's output can be recorded from
    /// the first byte.
    private func rapporteur(_ file: String, extra: String = "") throws -> (TmuxSession, go: String) {
        let go = file + ".go"
        let inner = "while [ ! -e \(TmuxSession.quote(go)) ]; do sleep 0.05; done; exec \(TmuxSession.quote(RepositoryPaths.binary)) open \(TmuxSession.quote(file)) --team 'Équipe 1' --author Rapporteur --lang en \(extra)"
        return (try TmuxSession(width: 100, height: 30, command: "dash -c \(TmuxSession.quote(inner))"), go)
    }

    private func workshopFile() throws -> String {
        let file = folder.file("rtl.json")
        try SessionStore().create(WorkshopFixtures.large(findings: 0, teams: 2), at: file)
        return file
    }

    func testAnArabicFindingReadsRightToLeftAndIsSavedAsTyped() throws {
        let file = try workshopFile()
        let (tmux, go) = try rapporteur(file)
        let output = folder.file("pane-output")
        try tmux.recordOutput(to: output)
        FileManager.default.createFile(atPath: go, contents: nil)
        try tmux.waitFor(text: "Équipe 1")
        try tmux.press("M-o")
        try tmux.waitFor(text: "›")

        // While typing: the capture line shows the words typed so far, right to left.
        try tmux.type("البيانات المفتوحة")
        try tmux.waitFor("the field in visual order") { unshapedArabic($0).contains("ةحوتفملا تانايبلا") }
        try tmux.type(String(finding.dropFirst("البيانات المفتوحة".count)))
        try tmux.press("Enter")
        try tmux.press("Escape")
        let reversed = String(finding.reversed())
        let screen = try tmux.waitFor("the finding in the list, in visual order") {
            !$0.contains("New finding") && unshapedArabic($0).contains(reversed)
        }
        // Right-aligned in its column: the line's first letter typed sits near the right edge.
        let line = try XCTUnwrap(unshapedArabic(screen).split(separator: "\n").first { $0.contains(reversed) })
        let leading = line.dropFirst(4).prefix { $0 == " " }.count  // after the selection and mark columns
        XCTAssertGreaterThan(leading, 20, "an Arabic finding is aligned right: «\(line)»")

        try tmux.press("F10")
        try tmux.waitFor(text: "EXIT=0")
        let saved = try SessionStore().load(file).findings.live.map(\.text)
        XCTAssertEqual(saved, [finding], "the file keeps the typing order")

        // Terminals that reorder by themselves are told not to (BDSM reset), and given it back on exit.
        let bytes = try String(contentsOfFile: output, encoding: .utf8)
        let request = try XCTUnwrap(bytes.range(of: "\u{1b}[8l"), "no BDSM request in the output")
        let restore = try XCTUnwrap(bytes.range(of: "\u{1b}[8h", options: .backwards), "BDSM not restored on exit")
        XCTAssertLessThan(request.lowerBound, restore.lowerBound)
    }

    func testTerminalPlacementSendsTypingOrderForATerminalThatReorders() throws {
        let file = try workshopFile()
        let (tmux, go) = try rapporteur(file, extra: "--bidi terminal")
        FileManager.default.createFile(atPath: go, contents: nil)
        try tmux.waitFor(text: "Équipe 1")
        try tmux.press("M-o")
        try tmux.waitFor(text: "›")
        try tmux.type(finding)
        try tmux.press("Enter")
        try tmux.press("Escape")
        try tmux.waitFor("the finding in typing order") { !$0.contains("New finding") && $0.contains(self.finding) }
        try tmux.press("F10")
        try tmux.waitFor(text: "EXIT=0")
    }

    func testAnUnknownPlacementIsOneLineThatSaysWhatToType() throws {
        let file = try workshopFile()
        let result = try ProcessRunner.datajam("open", file, "--bidi", "sideways")
        XCTAssertNotEqual(result.status, 0)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("--bidi must be app or terminal"), result.stderr)
    }
}
