import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The promise that nothing typed is lost, attacked with the real binary in tmux: `kill -9` right
/// after a finding appears on screen (the journal must already hold it), and termination signals
/// right after Enter (the pending save must be flushed before exiting), on small and 10,000-finding
/// workshops. `DATAJAM_KILL_TRIALS` raises the number of trials for a longer run.
final class NothingLostEndToEndTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is required for end-to-end tests (apt-get install tmux)")
        folder = TemporaryFolder("e2e-lost")
    }

    private struct NoPid: Error, CustomStringConvertible { var description: String }

    private var trials: Int {
        ProcessInfo.processInfo.environment["DATAJAM_KILL_TRIALS"].flatMap(Int.init) ?? 3
    }

    /// A rapporteur's instance on `file`, started by `dash`, that writes its pid to a file first.
    private func rapporteur(_ file: String, team: String = "Équipe 1") throws -> (tmux: TmuxSession, pid: () throws -> pid_t) {
        let pidFile = file + ".pid"
        unlink(pidFile)
        let inner = "echo $$ > \(TmuxSession.quote(pidFile)); exec \(TmuxSession.quote(RepositoryPaths.binary)) open \(TmuxSession.quote(file)) --team \(TmuxSession.quote(team)) --author Rapporteur --lang en"
        let tmux = try TmuxSession(width: 120, height: 40, command: "dash -c \(TmuxSession.quote(inner))")
        return (tmux, {
            guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                  let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw NoPid(description: "no pid in \(pidFile)")
            }
            return pid
        })
    }

    /// Types `count` findings without waiting between them, waits for the last one to show, then
    /// for the status line to say it is safe on disk (in the journal or the file), and returns how
    /// long that took. A save of 10,000 findings takes ~150 ms (far more in a debug build): only
    /// the journal makes a finding safe well within `safeWithin`.
    private func typeFindings(_ tmux: TmuxSession, prefix: String, count: Int,
                              safeWithin: TimeInterval = 0.3) throws -> [String] {
        let texts = (1...count).map { "\(prefix) n\($0) fin" }
        for text in texts {
            try tmux.type(text)
            try tmux.press("Enter")
        }
        try tmux.waitFor("the last finding recorded", timeout: 15) { Self.recorded(texts[texts.count - 1], on: $0) }
        let shown = Date()
        try tmux.waitFor("the last finding shown as safe", timeout: 15) { screen in
            Self.recorded(texts[texts.count - 1], on: screen) && (screen.contains("✓ saved") || screen.contains("✓ kept in the journal"))
        }
        let delay = Date().timeIntervalSince(shown)
        XCTAssertLessThan(delay, safeWithin, "the finding was shown as safe \(Int(delay * 1000)) ms after it appeared")
        return texts
    }

    /// Whether `text` is on screen as a recorded finding: shown, and no longer on the capture
    /// line (the line under "New finding", empty once Enter has been taken).
    static func recorded(_ text: String, on screen: String) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.lastIndex(where: { $0.contains("New finding") }), header + 1 < lines.count else { return false }
        return lines[header + 1].trimmingCharacters(in: .whitespaces) == "›" && screen.contains(text)
    }

    private func killTrials(findingsInFile: Int, perTrial: Int) throws -> (typed: Int, lost: Int) {
        let file = folder.file("kill-\(findingsInFile).json")
        try SessionStore().create(WorkshopFixtures.large(findings: findingsInFile), at: file)
        var typed = 0, lost: [String] = []
        for trial in 1...trials {
            let (tmux, pid) = try rapporteur(file)
            try tmux.waitFor(text: "Équipe 1", timeout: 20)
            try tmux.press("M-o")
            try tmux.waitFor(text: "›")
            let texts = try typeFindings(tmux, prefix: "k\(findingsInFile)t\(trial)", count: perTrial)
            XCTAssertEqual(kill(try pid(), SIGKILL), 0)
            try tmux.waitFor(text: "EXIT=137")
            typed += texts.count
            // What the next open sees: the file with the dead instance's journal replayed.
            let (workshop, _) = try SessionStore().loadRecoveringJournals(file)
            let saved = Set(workshop.findings.live.map(\.text))
            lost += texts.filter { !saved.contains($0) }
            XCTAssertEqual(JournalNames.journals(of: file), [], "the replayed journal is removed")
        }
        XCTAssertEqual(lost, [], "findings on screen before kill -9 and missing after reopening")
        return (typed, lost.count)
    }

    func testKillNineLosesNothingAtFortyFindings() throws {
        let result = try killTrials(findingsInFile: 40, perTrial: 4)
        print("kill -9 at 40 findings: \(trials) trials, \(result.typed) findings typed, \(result.lost) lost")
    }

    func testKillNineLosesNothingAtTenThousandFindings() throws {
        let result = try killTrials(findingsInFile: 10_000, perTrial: 4)
        print("kill -9 at 10,000 findings: \(trials) trials, \(result.typed) findings typed, \(result.lost) lost")
    }

    /// SIGTERM, SIGHUP and an external SIGINT right after Enter on a 10,000-finding file: the save in
    /// progress (~150 ms) is finished before exiting, the file itself holds every finding (no
    /// journal replay needed), no journal is left behind, the exit status is 128 + signal and the
    /// terminal is restored.
    func testTerminationSignalsFlushPendingSaves() throws {
        let file = folder.file("signals.json")
        try SessionStore().create(WorkshopFixtures.large(findings: 10_000), at: file)
        for (name, number) in [("TERM", SIGTERM), ("HUP", SIGHUP), ("INT", SIGINT)] {
            let (tmux, pid) = try rapporteur(file)
            try tmux.waitFor(text: "Équipe 1", timeout: 20)
            try tmux.press("M-o")
            try tmux.waitFor(text: "›")
            let texts = (1...3).map { "sig\(name) n\($0) fin" }
            for text in texts {
                try tmux.type(text)
                try tmux.press("Enter")
            }
            try tmux.waitFor("the last finding recorded", timeout: 15) { Self.recorded(texts[2], on: $0) }
            XCTAssertEqual(kill(try pid(), number), 0)
            let end = try tmux.waitFor("the exit status and terminal modes", timeout: 15) { $0.contains("EXIT=") && $0.contains("icanon") }
            XCTAssertTrue(end.contains("EXIT=\(128 + number)"), "\(name): \(end)")
            XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon"), "\(name): \(end)")
            XCTAssertTrue(end.contains("echo") && !end.contains("-echo "), "\(name): \(end)")
            // The save normally finishes within the bound, and then the file alone holds everything and no
            // journal is left. On a machine so loaded that the 10,000-finding save outlasts the bound, the
            // instance exits anyway and its journal holds the rest: either way nothing is lost.
            let saved = Set(try SessionStore().load(file).findings.live.map(\.text))
            let journals = JournalNames.journals(of: file)
            if journals.isEmpty {
                XCTAssertEqual(texts.filter { !saved.contains($0) }, [], "\(name): findings on screen but not in the file")
            } else {
                print("\(name): the save outlasted the bound; the journal keeps the rest")
            }
            let recovered = Set(try SessionStore().loadRecoveringJournals(file).0.findings.live.map(\.text))
            XCTAssertEqual(texts.filter { !recovered.contains($0) }, [], "\(name): findings on screen, in neither file nor journal")
            XCTAssertEqual(JournalNames.journals(of: file), [], "\(name): the replayed journal is removed")
        }
    }

    /// An SSH connection that drops: the terminal disappears (tmux's server is killed, closing the
    /// pseudo-terminal), the kernel sends SIGHUP, and writing to the terminal now fails. The
    /// instance must still save what was on screen, and exit rather than hang.
    func testTerminalThatDisappearsStillSavesEverything() throws {
        let file = folder.file("hangup.json")
        try SessionStore().create(WorkshopFixtures.large(findings: 10_000), at: file)
        let (tmux, pid) = try rapporteur(file)
        try tmux.waitFor(text: "Équipe 1", timeout: 20)
        try tmux.press("M-o")
        try tmux.waitFor(text: "›")
        let texts = (1...3).map { "drop n\($0) fin" }
        for text in texts {
            try tmux.type(text)
            try tmux.press("Enter")
        }
        try tmux.waitFor("the last finding recorded", timeout: 15) { Self.recorded(texts[2], on: $0) }
        let process = try pid()
        tmux.closeTerminal()
        let deadline = Date().addingTimeInterval(10)
        while kill(process, 0) == 0 && Date() < deadline { usleep(20_000) }
        XCTAssertNotEqual(kill(process, 0), 0, "the instance exits once its terminal is gone")
        let saved = Set(try SessionStore().load(file).findings.live.map(\.text))
        XCTAssertEqual(texts.filter { !saved.contains($0) }, [], "findings on screen but not in the file")
        XCTAssertEqual(JournalNames.journals(of: file), [], "a clean stop leaves no journal")
    }

    /// Two instances on one 10,000-finding file: the rapporteur's is killed while its last finding
    /// is only in its journal; the facilitator's, still running, replays that journal into the file
    /// and shows the finding without anyone reopening anything.
    func testLiveInstancePicksUpADeadInstancesJournal() throws {
        let file = folder.file("shared.json")
        var workshop = WorkshopFixtures.large(findings: 10_000)
        // A team with no findings yet, so the new one is in sight on both screens.
        workshop.teams.append(Team(id: "t-new", name: "Nouvelle équipe", createdAt: WorkshopFixtures.time(1)))
        try SessionStore().create(workshop, at: file)
        let facilitator = try TmuxSession(width: 120, height: 40, command: "\(TmuxSession.quote(RepositoryPaths.binary)) open \(TmuxSession.quote(file)) --team \(TmuxSession.quote("Nouvelle équipe")) --author Rapporteur --lang en")
        try facilitator.waitFor(text: "Nouvelle équipe (0)", timeout: 20)
        let (rapporteur, pid) = try rapporteur(file, team: "Nouvelle équipe")
        try rapporteur.waitFor(text: "Nouvelle équipe (0)", timeout: 20)
        try rapporteur.press("M-o")
        try rapporteur.waitFor(text: "›")
        let text = "repris du journal fin"
        try rapporteur.type(text)
        try rapporteur.press("Enter")
        try rapporteur.waitFor("the finding kept in the journal only", timeout: 15) { screen in
            Self.recorded(text, on: screen) && screen.contains("✓ kept in the journal")
        }
        XCTAssertEqual(kill(try pid(), SIGKILL), 0)
        try rapporteur.waitFor(text: "EXIT=137")
        try facilitator.waitFor("the dead instance's finding", timeout: 10) { $0.contains(text) }
        XCTAssertEqual(JournalRecovery.deadJournals(of: file), [], "the dead instance's journal is replayed and removed")
        try facilitator.press("F10")
        try facilitator.waitFor(text: "EXIT=0")
        XCTAssertTrue(try SessionStore().load(file).findings.live.contains { $0.text == text })
        XCTAssertEqual(JournalNames.journals(of: file), [])
    }

    /// A save that cannot finish (another process holds the folder's lock): a termination signal
    /// waits for it only a few seconds, a second signal not at all; either way the instance exits,
    /// and the finding, kept in the journal, comes back at the next open.
    func testSignalWhileASaveIsStuckExitsBoundedAndTheJournalKeepsTheFinding() throws {
        for signals in [1, 2] {
            let file = folder.file("stuck-\(signals).json")
            try SessionStore().create(WorkshopFixtures.large(findings: 40), at: file)
            let (tmux, pid) = try rapporteur(file)
            try tmux.waitFor(text: "Équipe 1", timeout: 20)
            try tmux.press("M-o")
            try tmux.waitFor(text: "›")

            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/bin/sh")
            holder.arguments = ["-c", "exec 9<\"$0\"; flock -x 9; echo locked; exec sleep 60", folder.path]
            let output = Pipe()
            holder.standardOutput = output
            try holder.run()
            defer { if holder.isRunning { holder.terminate() } }
            _ = output.fileHandleForReading.availableData  // "locked"

            let text = "bloquée \(signals) fin"
            try tmux.type(text)
            try tmux.press("Enter")
            try tmux.waitFor("the finding kept in the journal while the save waits", timeout: 15) { screen in
                Self.recorded(text, on: screen) && screen.contains("✓ kept in the journal")
            }
            let start = Date()
            XCTAssertEqual(kill(try pid(), SIGTERM), 0)
            if signals == 2 {
                Thread.sleep(forTimeInterval: 0.5)
                XCTAssertEqual(kill(try pid(), SIGTERM), 0)
            }
            let end = try tmux.waitFor("the exit status", timeout: 15) { $0.contains("EXIT=") && $0.contains("icanon") }
            let took = Date().timeIntervalSince(start)
            XCTAssertTrue(end.contains("EXIT=143"), end)
            XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon"), end)
            if signals == 1 {
                XCTAssertGreaterThan(took, 3, "waited for the save")
                XCTAssertLessThan(took, 8, "but not for ever")
            } else {
                XCTAssertLessThan(took, 2.5, "a second signal stops at once")
            }
            holder.terminate()
            holder.waitUntilExit()
            XCTAssertEqual(JournalRecovery.deadJournals(of: file).count, 1, "the journal is kept: the file does not hold the finding")
            let (reopened, report) = try SessionStore().loadRecoveringJournals(file)
            XCTAssertTrue(reopened.findings.live.contains { $0.text == text })
            XCTAssertEqual(report.recordCount, 1)
        }
    }
}
