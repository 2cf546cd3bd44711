import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `datajam serve` against the real OpenSSH client, in tmux: what a rapporteur does, and what
/// someone who is not one tries.
final class ServeEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        guard (try? ProcessRunner.run("/usr/bin/env", ["ssh", "-V"]).status) == 0 else {
            throw ServeTestError(description: "the OpenSSH client is required: run Tests/run, or apt-get install -y openssh-client")
        }
    }

    func testRapporteurTypesResizesAndNothingIsLostWhenSSHIsKilled() throws {
        let serve = try ServeFixture(teams: ["Transport et Infrastructure", "Environnement"])
        let pidFile = serve.folder.file("ssh.pid")
        let tmux = try serve.connect(user: "environnement", width: 100, height: 30, pidFile: pidFile)
        try tmux.signIn(as: "Amira")
        try tmux.waitFor(text: "Environnement (0)", timeout: 30)
        serve.waitForLog("login id=1 address=127.0.0.1 user=environnement role=rapporteur")

        try tmux.press("M-c")
        let texts = (1...5).map { "Capteurs de qualité de l’air n°\($0)" }
        for text in texts.prefix(3) {
            try tmux.type(text)
            try tmux.press("Enter")
        }
        try tmux.waitFor(text: "Environnement (3)")

        // The view follows the client's window: wider, then narrower.
        try tmux.resize(width: 150, height: 40)
        try tmux.waitFor("the view laid out at 150 columns") { screen in
            screen.split(separator: "\n").contains { $0.count > 120 } && screen.contains("Environnement (3)")
        }
        try tmux.resize(width: 70, height: 20)
        try tmux.waitFor("the view laid out at 70 columns") { screen in
            !screen.split(separator: "\n").contains { $0.count > 70 } && screen.contains("Environnement (3)")
        }
        for text in texts.suffix(2) {
            try tmux.type(text)
            try tmux.press("Enter")
        }
        try tmux.waitFor(text: "Environnement (5)")

        // The laptop's lid closes: the client dies without a goodbye.
        let pid = try XCTUnwrap(pid_t((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(kill(pid, SIGKILL), 0)
        let findings = serve.waitForFindings { Set($0.map(\.text)).isSuperset(of: texts) }
        let team = try XCTUnwrap(try SessionStore().load(serve.file).teams.first { $0.name == "Environnement" })
        XCTAssertEqual(findings.filter { texts.contains($0.text) }.map(\.teamId), Array(repeating: team.id, count: 5))
        serve.waitForLog("view-ended id=1")
        XCTAssertEqual(try ProcessRunner.datajam("validate", serve.file).status, 0)
    }

    func testWrongCodeIsRefused() throws {
        let serve = try ServeFixture(teams: ["Environnement"])
        let tmux = try serve.connect(user: "environnement", password: "000000")
        try tmux.waitFor(text: "Permission denied, please try again.", timeout: 20)
        try tmux.type("111111")
        try tmux.press("Enter")
        try tmux.waitFor("the second prompt") { $0.components(separatedBy: "Permission denied").count >= 3 }
        try tmux.type("222222")
        try tmux.press("Enter")
        let screen = try tmux.waitFor(text: "EXIT=255", timeout: 30)
        XCTAssertTrue(screen.contains("Permission denied"), screen)
        XCTAssertFalse(serve.log.contains("login"), serve.log)
        XCTAssertEqual(serve.log.components(separatedBy: "wrong-code").count - 1, 3, serve.log)
    }

    func testCommandsAndSubsystemsAreRefusedAndNothingRuns() throws {
        let serve = try ServeFixture(teams: ["Environnement"])
        let marker = serve.folder.file("ran")
        let tmux = try serve.connect(user: "environnement", remoteCommand: "touch \(TmuxSession.quote(marker))")
        let screen = try tmux.waitFor(text: "EXIT=", timeout: 20)
        XCTAssertTrue(screen.contains("DataJam only runs the workshop here, not commands"), screen)
        XCTAssertTrue(screen.contains("EXIT=1"), screen)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the command ran")
        serve.waitForLog("reason=command")

        let sftp = try serve.connect(user: "environnement", remoteCommand: "-s sftp")
        let refused = try sftp.waitFor(text: "EXIT=", timeout: 20)
        XCTAssertFalse(refused.contains("EXIT=0"), refused)
        serve.waitForLog("reason=\"subsystem sftp\"")

        // No terminal (-T): the view cannot run, and says why.
        let plain = try serve.connect(user: "environnement", extra: "-T")
        let noTerminal = try plain.waitFor(text: "EXIT=", timeout: 20)
        XCTAssertTrue(noTerminal.contains("needs a terminal"), noTerminal)
    }

    func testPortForwardingIsRefused() throws {
        let serve = try ServeFixture(teams: ["Environnement"])
        // A port nobody listens on locally, forwarded to the server's own SSH port.
        let local = serve.port + 1 <= 65535 ? serve.port + 1 : serve.port - 1
        let tmux = try serve.connect(user: "environnement", extra: "-N -o ExitOnForwardFailure=no -L \(local):127.0.0.1:\(serve.port)",
                                     logLevel: "INFO")
        serve.waitForLog("login id=1")
        // Through the forwarded port: the server refuses to open the channel; nothing answers.
        let probe = try ProcessRunner.run("/usr/bin/env", ["timeout", "10", "bash", "-c",
            "exec 3<>/dev/tcp/127.0.0.1/\(local) && head -c 20 <&3"])
        XCTAssertFalse(probe.stdout.contains("SSH-2.0"), "the forwarded port reached the server: \(probe.stdout)")
        try tmux.waitFor(text: "open failed", timeout: 10)
        serve.waitForLog("reason=\"port forwarding to 127.0.0.1:\(serve.port)\"")

        let remote = try serve.connect(user: "environnement", extra: "-N -o ExitOnForwardFailure=yes -R 0:127.0.0.1:22", logLevel: "INFO")
        let screen = try remote.waitFor(text: "EXIT=", timeout: 20)
        XCTAssertTrue(screen.contains("remote port forwarding failed"), screen)
        serve.waitForLog("reason=\"remote port forwarding\"")
    }

    func testEachTeamSeesOnlyItsOwnTab() throws {
        let serve = try ServeFixture(teams: ["Transport et Infrastructure", "Environnement"])
        let transport = try serve.connect(user: "Transport-et-Infrastructure")
        try transport.signIn(as: "Karim")
        try transport.waitFor(text: "Transport et Infrastructure (0)", timeout: 30)
        try transport.press("M-c")
        try transport.type("Horaires des bus en PDF seulement")
        try transport.press("Enter")
        try transport.waitFor(text: "Transport et Infrastructure (1)")

        let environment = try serve.connect(user: "ENVIRONNEMENT")
        try environment.signIn(as: "Amira")
        let screen = try environment.waitFor(text: "Environnement (0)", timeout: 30)
        XCTAssertFalse(screen.contains("Transport"), screen)
        XCTAssertFalse(screen.contains("Horaires des bus"), screen)
        // Tab and the phase keys do not reach the other team.
        try environment.press("Tab")
        try environment.press("Right")
        let after = try environment.screen()
        XCTAssertFalse(after.contains("Horaires des bus"), after)
    }

    func testUnknownUserChoosesTheirTeam() throws {
        let serve = try ServeFixture(teams: ["Transport et Infrastructure", "Environnement"])
        let tmux = try serve.connect(user: "someone")
        try tmux.waitFor(text: "which team are you the rapporteur of?", timeout: 30)
        try tmux.waitFor(text: "2. Environnement")
        try tmux.type("2")
        try tmux.press("Enter")
        try tmux.signIn(as: "Amira")
        try tmux.waitFor(text: "Environnement (0)", timeout: 30)
    }

    func testFacilitatorCodeGivesTheFullView() throws {
        let serve = try ServeFixture(teams: ["Transport et Infrastructure", "Environnement"], extraArguments: ["--facilitator-code", "co-anim-77"])
        let tmux = try serve.connect(user: "anyone", password: "co-anim-77")
        let screen = try tmux.waitFor(text: "3 Synthesis", timeout: 30)
        XCTAssertFalse(screen.contains("rapporteur"), screen)
        XCTAssertTrue(screen.contains("Participants"), "the presentation session, which rapporteurs do not have: \(screen)")
        serve.waitForLog("role=facilitator")
    }

    func testHostKeyIsCreatedOnceAndItsFingerprintIsTheOneSSHShows() throws {
        let serve = try ServeFixture(teams: ["Environnement"])
        let keyPath = serve.configFolder + "/datajam/ssh_host_ed25519_key"
        var status = stat()
        XCTAssertEqual(stat(keyPath, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o600)
        let fingerprint = try XCTUnwrap(serve.server.stdout.range(of: #"SHA256:[A-Za-z0-9+/]{43}"#, options: .regularExpression).map { String(serve.server.stdout[$0]) })
        // What ssh itself records and prints for this server.
        let scan = try ProcessRunner.run("/usr/bin/env", ["ssh-keyscan", "-p", "\(serve.port)", "-t", "ed25519", "127.0.0.1"])
        let keys = serve.folder.write(scan.stdout, to: "known_hosts")
        let printed = try ProcessRunner.run("/usr/bin/env", ["ssh-keygen", "-l", "-f", keys]).stdout
        XCTAssertTrue(printed.contains(fingerprint), "ssh-keygen says \(printed), serve said \(fingerprint)")
        let before = try Data(contentsOf: URL(fileURLWithPath: keyPath))
        serve.server.kill(SIGTERM)

        // A second start reuses the key: laptops' known_hosts stay valid.
        let second = try ChildProcess(RepositoryPaths.binary, ["serve", serve.file, "--no-view", "--port", "0", "--code", "123456"],
                                      environment: ["XDG_CONFIG_HOME": serve.configFolder])
        defer { second.kill(SIGTERM) }
        let deadline = Date().addingTimeInterval(30)
        while !second.stdout.contains("SHA256:"), Date() < deadline { usleep(20_000) }
        XCTAssertTrue(second.stdout.contains(fingerprint), second.stdout + second.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: keyPath)), before)
    }
}
