import DataJamServe
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `datajam serve` on loopback with `rapporteurs` real `ssh` clients, each in a pseudo-terminal:
/// keystroke → echo latency seen by one client, and the server's CPU and memory with every view
/// idle, then with every other client typing.
struct ServeMeasurements {
    var latency: Samples
    var idleServerCPU: Double
    var idleViewsCPU: Double
    var typingServerCPU: Double
    var typingViewsCPU: Double
    var serverRSSKiB: Int
    var viewRSSKiB: Int
}

func measureServe(binary: String, rapporteurs: Int, keystrokes: Int) -> ServeMeasurements? {
    guard FileManager.default.isExecutableFile(atPath: binary), FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh") else { return nil }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("datajam-bench-serve-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder + "/config", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/serve.json"
    let teams = (1...rapporteurs).flatMap { ["--team", "Équipe \($0)"] }
    guard spawnAndWait([binary, "new", file, "--theme", "Banc SSH"] + teams) == 0 else { return nil }

    let environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color", "XDG_CONFIG_HOME": folder + "/config",
                       "HOME": folder]
    guard let server = try? PseudoTerminal(executable: binary, arguments: ["serve", file, "--no-view", "--port", "0", "--code", "246810", "--lang", "en"],
                                           environment: environment, columns: 200, rows: 50) else { return nil }
    defer {
        server.signal(SIGTERM)
        _ = drain(server, until: "\u{0}", seconds: 5)
        server.reap()
    }
    guard let banner = drain(server, until: "Connections are logged", seconds: 30),
          let match = banner.range(of: #"ssh -p [0-9]+"#, options: .regularExpression),
          let port = Int(banner[match].dropFirst(7)) else { return nil }

    var clients: [PseudoTerminal] = []
    defer { for client in clients { client.signal(SIGKILL); client.reap() } }
    for index in 1...rapporteurs {
        guard let client = try? PseudoTerminal(
            executable: "/usr/bin/ssh",
            arguments: ["-p", "\(port)", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                        "-o", "PubkeyAuthentication=no", "-o", "LogLevel=ERROR", "equipe-\(index)@127.0.0.1"],
            environment: environment, columns: 100, rows: 30) else { return nil }
        clients.append(client)
        guard drain(client, until: "password:", seconds: 30) != nil else { return nil }
        client.write(Array("246810\r".utf8))
        guard drain(client, until: "(0)", seconds: 30) != nil else { return nil }
        client.write(Array("c".utf8))
        guard drain(client, until: "New finding", seconds: 10) != nil else { return nil }
    }
    let serverPID = server.pid
    let views = viewPIDs(log: file + ".serve.log")

    // Idle: every view open, nobody typing.
    let idle = cpuPercent(serverPID: serverPID, views: views, seconds: 5)

    // Typing: every client but the first types ten keys a second; the first measures echo.
    let typing = TypingLoad(clients: Array(clients.dropFirst()))
    typing.start()
    var latency = Samples("keystroke → echo over SSH")
    let probe = clients[0]
    let probes: [UInt8] = Array("QWZQWZ".utf8)
    let before = cpuTimes(serverPID: serverPID, views: views)
    let started = Date()
    for index in 0..<keystrokes {
        let key = probes[index % probes.count]
        let sent = DispatchTime.now().uptimeNanoseconds
        probe.write([key])
        guard drain(probe, untilByte: key, seconds: 5) else { break }
        latency.values.append(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1_000_000)
        if index % 40 == 39 { probe.write([0x0d]) }  // record the line now and then: a save per 40 keys
        usleep(20_000)
    }
    let after = cpuTimes(serverPID: serverPID, views: views)
    let elapsed = Date().timeIntervalSince(started)
    typing.stop()
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    let typingServer = Double(after.server - before.server) / ticks / elapsed * 100
    let typingViews = Double(after.views - before.views) / ticks / elapsed * 100
    let viewRSS = views.isEmpty ? 0 : views.map(rssKiB).reduce(0, +) / views.count
    return ServeMeasurements(latency: latency, idleServerCPU: idle.server, idleViewsCPU: idle.views, typingServerCPU: typingServer,
                             typingViewsCPU: typingViews, serverRSSKiB: rssKiB(serverPID), viewRSSKiB: viewRSS)
}

/// Reads what the program writes until `text` shows (nil after `seconds`).
private func drain(_ terminal: PseudoTerminal, until text: String, seconds: Double) -> String? {
    var collected = [UInt8]()
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        var entry = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 100) >= 0 else { return nil }
        if entry.revents & Int16(POLLIN) != 0, let bytes = terminal.read() { collected += bytes }
        else if entry.revents & Int16(POLLHUP | POLLERR) != 0 { return nil }
        let string = String(decoding: collected, as: UTF8.self)
        if string.contains(text) { return string }
    }
    return nil
}

private func drain(_ terminal: PseudoTerminal, untilByte byte: UInt8, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        var entry = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 100) >= 0 else { return false }
        if entry.revents & Int16(POLLIN) != 0, let bytes = terminal.read(), bytes.contains(byte) { return true }
    }
    return false
}

private func viewPIDs(log: String) -> [pid_t] {
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").filter { $0.contains(" view ") }.compactMap { line in
        line.range(of: #"pid=[0-9]+"#, options: .regularExpression).flatMap { pid_t(line[$0].dropFirst(4)) }
    }
}

/// utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
private func cpuTicks(_ pid: pid_t) -> Int {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
    return user + system
}

private func cpuTimes(serverPID: pid_t, views: [pid_t]) -> (server: Int, views: Int) {
    (cpuTicks(serverPID), views.map(cpuTicks).reduce(0, +))
}

private func cpuPercent(serverPID: pid_t, views: [pid_t], seconds: Double) -> (server: Double, views: Double) {
    let before = cpuTimes(serverPID: serverPID, views: views)
    usleep(UInt32(seconds * 1_000_000))
    let after = cpuTimes(serverPID: serverPID, views: views)
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    return (Double(after.server - before.server) / ticks / seconds * 100, Double(after.views - before.views) / ticks / seconds * 100)
}

private func rssKiB(_ pid: pid_t) -> Int {
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

/// Clients typing ten keys a second each (a finding recorded every 30 keys), their output read and dropped.
private final class TypingLoad: @unchecked Sendable {
    let clients: [PseudoTerminal]
    private let lock = NSLock()
    private var running = true

    init(clients: [PseudoTerminal]) { self.clients = clients }

    func start() {
        for client in clients {
            Thread.detachNewThread { [self] in
                var count = 0
                while lock.withLock({ running }) {
                    client.write(count % 30 == 29 ? [0x0d] : Array("abcdefghij".utf8)[count % 10...count % 10].map { $0 })
                    count += 1
                    var entry = pollfd(fd: client.master, events: Int16(POLLIN), revents: 0)
                    let deadline = Date().addingTimeInterval(0.1)
                    while Date() < deadline {
                        if poll(&entry, 1, 20) > 0, entry.revents & Int16(POLLIN) != 0 { _ = client.read() }
                    }
                }
            }
        }
    }

    func stop() { lock.withLock { running = false } }
}
