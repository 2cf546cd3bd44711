import DataJamCore
@testable import DataJamServe
import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class LoginThrottleTests: XCTestCase {
    func testFailuresAreSlowedThenRefusedThenForgiven() {
        let throttle = LoginThrottle()
        let start = Date(timeIntervalSince1970: 1_000_000)
        let delays = (0..<10).map { throttle.failed("10.0.0.5", now: start.addingTimeInterval(Double($0))) }
        XCTAssertEqual(delays.prefix(3), [0.5, 0.5, 0.5])
        XCTAssertEqual(delays[3], 1)
        XCTAssertEqual(delays[4], 2)
        XCTAssertEqual(delays.last, 8, "capped")
        XCTAssertEqual(throttle.verdict(for: "10.0.0.5", now: start.addingTimeInterval(20)),
                       .refused(until: start.addingTimeInterval(15 * 60)))
        XCTAssertEqual(throttle.verdict(for: "10.0.0.6", now: start.addingTimeInterval(20)), .allowed, "another address is not punished")
        XCTAssertEqual(throttle.verdict(for: "10.0.0.5", now: start.addingTimeInterval(15 * 60 + 1)), .allowed)
    }

    func testARightCodeClearsTheCount() {
        let throttle = LoginThrottle()
        for _ in 0..<9 { _ = throttle.failed("a") }
        throttle.succeeded("a")
        XCTAssertEqual(throttle.failed("a"), 0.5)
        XCTAssertEqual(throttle.verdict(for: "a"), .allowed)
    }
}

final class AccessCodeTests: XCTestCase {
    func testRandomCodesAreSixDigitsAndVary() {
        let codes = (0..<50).map { _ in AccessCode.random() }
        XCTAssertTrue(codes.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        XCTAssertGreaterThan(Set(codes).count, 40)
    }

    func testComparisonAndRoles() {
        let codes = AccessCodes(rapporteur: "482913", facilitator: "co-anim-77")
        XCTAssertEqual(codes.role(for: "482913"), .rapporteur)
        XCTAssertEqual(codes.role(for: "co-anim-77"), .facilitator)
        XCTAssertNil(codes.role(for: "48291"))
        XCTAssertNil(codes.role(for: "4829130"))
        XCTAssertNil(codes.role(for: ""))
        codes.change(rapporteur: "777777")
        XCTAssertNil(codes.role(for: "482913"), "the old code stops working")
        XCTAssertEqual(codes.role(for: "777777"), .rapporteur)
        XCTAssertNil(AccessCodes(rapporteur: "482913", facilitator: nil).role(for: "co-anim-77"))
        XCTAssertNotNil(AccessCode.problem(with: "12345"))
        XCTAssertNotNil(AccessCode.problem(with: "abc def"))
        XCTAssertNil(AccessCode.problem(with: "123456"))
    }
}

final class TeamLoginTests: XCTestCase {
    func testSlugsIgnoreAccentsCaseAndPunctuation() {
        XCTAssertEqual(TeamLogin.slug("Transport et Infrastructure"), "transport-et-infrastructure")
        XCTAssertEqual(TeamLogin.slug("Économie numérique & Santé"), "economie-numerique-sante")
        XCTAssertEqual(TeamLogin.slug("  Équipe 1 "), "equipe-1")
        XCTAssertEqual(TeamLogin.slug("عبد الله"), "عبد-الله")
    }

    func testUserNamesFindTheirTeamOrNone() {
        let workshop = WorkshopFixtures.complete()
        XCTAssertEqual(TeamLogin.team(for: "transport-et-infrastructure", in: workshop)?.id, "t-transport")
        XCTAssertEqual(TeamLogin.team(for: "TRANSPORT", in: workshop)?.id, "t-transport")
        XCTAssertEqual(TeamLogin.team(for: "investissement", in: workshop)?.id, "t-invest")
        XCTAssertEqual(TeamLogin.team(for: "t-invest", in: workshop)?.id, "t-invest")
        XCTAssertNil(TeamLogin.team(for: "", in: workshop))
        XCTAssertNil(TeamLogin.team(for: "root", in: workshop))
    }
}

final class TeamPickerTests: XCTestCase {
    func testNumberThenEnterChoosesAndOtherKeysAreIgnored() {
        let workshop = WorkshopFixtures.complete()
        var picker = TeamPicker(teams: workshop.teams.live, english: true)
        XCTAssertTrue(picker.prompt.contains("1. Transport et Infrastructure  (ssh user: transport-et-infrastructure)"))
        XCTAssertEqual(picker.feed(Array("x9".utf8)), [.echo([UInt8(ascii: "9")])])
        XCTAssertEqual(picker.feed([0x0d]).count, 1, "9 is no team: asked again")
        XCTAssertEqual(picker.feed(Array("2\r".utf8)).last, .chosen(workshop.teams.live[1], echo: Array("\r\n".utf8)))
        var leaving = TeamPicker(teams: workshop.teams.live, english: false)
        XCTAssertEqual(leaving.feed([0x03]), [.leave])
    }
}

final class HostKeyTests: XCTestCase {
    func testCreatedOncePrivateAndReused() throws {
        let folder = TemporaryFolder("hostkey")
        let path = HostKey.defaultPath(environment: ["XDG_CONFIG_HOME": folder.path])
        XCTAssertEqual(path, folder.path + "/datajam/ssh_host_ed25519_key")
        XCTAssertEqual(HostKey.defaultPath(environment: ["HOME": "/home/anna"]), "/home/anna/.config/datajam/ssh_host_ed25519_key")
        let first = try HostKey.loadOrCreate(at: path)
        let second = try HostKey.loadOrCreate(at: path)
        XCTAssertEqual(first.fingerprint, second.fingerprint)
        XCTAssertTrue(first.fingerprint.hasPrefix("SHA256:"))
        XCTAssertEqual(first.fingerprint.count, 7 + 43, "unpadded base64 of 32 bytes")
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o600)
        chmod(path, 0o644)
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: path)) { error in
            XCTAssertTrue("\(error)".contains("chmod 600"), "\(error)")
        }
    }

    func testFingerprintIsTheOneSSHKeygenPrints() throws {
        let folder = TemporaryFolder("hostkey")
        let key = try HostKey.loadOrCreate(at: folder.file("key"))
        let pub = folder.write(key.openSSHPublicKey + "\n", to: "key.pub")
        let printed = try ProcessRunner.run("/usr/bin/env", ["ssh-keygen", "-l", "-f", pub])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.contains(key.fingerprint), "\(printed.stdout) vs \(key.fingerprint)")
    }
}

final class TermTests: XCTestCase {
    func testTermsThisMachineKnowsPassOthersBecomeXterm() {
        XCTAssertEqual(SessionHandler.safeTerm("xterm-256color"), "xterm-256color")
        XCTAssertEqual(SessionHandler.safeTerm("screen"), "screen")
        XCTAssertEqual(SessionHandler.safeTerm("no-such-terminal-here"), "xterm-256color")
        XCTAssertEqual(SessionHandler.safeTerm("xterm; rm -rf /"), "xterm-256color")
        XCTAssertEqual(SessionHandler.safeTerm("../../etc/passwd"), "xterm-256color")
        XCTAssertEqual(SessionHandler.safeTerm(""), "xterm-256color")
        XCTAssertEqual(SessionHandler.safeTerm("dumb"), "xterm-256color")
    }
}

final class VersionCommandTests: XCTestCase {
    func testVersion() throws {
        let result = try ProcessRunner.datajam("--version")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("datajam "), result.stdout)
        XCTAssertNotNil(result.stdout.range(of: #"^datajam [0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression), result.stdout)
    }
}
