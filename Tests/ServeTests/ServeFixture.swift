import DataJamCore
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `datajam serve FILE --no-view` on 127.0.0.1 and a free port, with its own host key folder, and
/// the real OpenSSH client started in tmux panes against it.
final class ServeFixture {
    let folder: TemporaryFolder
    let file: String
    let code = "482913"
    let server: ChildProcess
    let port: Int
    var logPath: String { file + ".serve.log" }
    var configFolder: String { folder.file("config") }

    init(teams: [String], label: String = "serve", extraArguments: [String] = []) throws {
        folder = TemporaryFolder(label)
        file = folder.file("atelier.json")
        try ProcessRunner.datajam(arguments: ["new", file, "--theme", "Atelier SSH"] + teams.flatMap { ["--team", $0] })
        try FileManager.default.createDirectory(atPath: folder.file("config"), withIntermediateDirectories: true)
        server = try ChildProcess(RepositoryPaths.binary, ["serve", file, "--no-view", "--port", "0", "--code", code, "--lang", "en"] + extraArguments,
                                  environment: ["XDG_CONFIG_HOME": folder.file("config"), "LANG": "C.UTF-8"])
        // The join lines give the port chosen for port 0.
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        while found == nil, Date() < deadline {
            if let match = server.stdout.range(of: #"ssh -p [0-9]+ "#, options: .regularExpression) {
                found = Int(server.stdout[match].dropFirst(7).dropLast())
            } else if server.wait(seconds: 0) != nil {
                break
            } else {
                usleep(20_000)
            }
        }
        guard let found else {
            throw ServeTestError(description: "serve did not start: \(server.stdout) \(server.stderr)")
        }
        port = found
    }

    deinit {
        server.kill(SIGTERM)
    }

    /// The `ssh` command line a rapporteur types, plus what a test needs: no host key prompt, no
    /// keys tried, and a file holding the client's pid (to kill it abruptly).
    func sshCommand(user: String, extra: String = "", remoteCommand: String = "", pidFile: String? = nil, logLevel: String = "ERROR") -> String {
        let ssh = "ssh -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no "
            + "-o LogLevel=\(logLevel) \(extra) \(TmuxSession.quote(user))@127.0.0.1 \(remoteCommand)"
        guard let pidFile else { return ssh }
        return "sh -c \(TmuxSession.quote("echo $$ > \(TmuxSession.quote(pidFile)); exec \(ssh)"))"
    }

    /// Starts `ssh` in tmux, answers the password prompt with `password`.
    func connect(user: String, password: String? = nil, width: Int = 100, height: Int = 30, extra: String = "",
                 remoteCommand: String = "", pidFile: String? = nil, logLevel: String = "ERROR") throws -> TmuxSession {
        let tmux = try TmuxSession(width: width, height: height,
                                   command: sshCommand(user: user, extra: extra, remoteCommand: remoteCommand, pidFile: pidFile, logLevel: logLevel))
        try tmux.waitFor(text: "password:", timeout: 30)
        try tmux.type(password ?? code)
        try tmux.press("Enter")
        return tmux
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func waitForLog(_ text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(timeout)
        while !log.contains(text) {
            if Date() > deadline {
                XCTFail("the log never said “\(text)”:\n\(log)", file: file, line: line)
                return
            }
            usleep(50_000)
        }
    }

    /// Polls the session file until `condition` holds on its live findings.
    @discardableResult
    func waitForFindings(timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
                         _ condition: ([Finding]) -> Bool) -> [Finding] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let findings = (try? SessionStore().load(self.file).findings.live) ?? []
            if condition(findings) { return findings }
            if Date() > deadline {
                XCTFail("the file never held the expected findings; it holds \(findings.map(\.text))", file: file, line: line)
                return findings
            }
            usleep(100_000)
        }
    }
}

struct ServeTestError: Error, CustomStringConvertible { var description: String }

extension TmuxSession {
    /// A rapporteur's view opens by asking the rapporteur's name (it signs their findings): answer it.
    func signIn(as name: String) throws {
        try waitFor("the rapporteur's name asked", timeout: 30) {
            $0.contains("Your name (signs your findings)") || $0.contains("Votre nom (signe vos trouvailles)")
        }
        try type(name)
        try press("Enter")
        try waitFor("the name taken") { $0.contains("Your findings will be signed") || $0.contains("Vos trouvailles seront signées") }
    }
}
