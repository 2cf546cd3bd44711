import DataJamCore
import DataJamUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command to its end (posix_spawn + waitpid: Foundation's Process can wait forever on a
/// child that leaves a daemon behind, as tmux does). Output is discarded.
@discardableResult
func spawnAndWait(_ argv: [String]) -> Int32 {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let args = argv.map { strdup($0) } + [nil]
    defer { args.forEach { free($0) } }
    guard posix_spawnp(&pid, argv[0], &actions, nil, args, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
}

/// Time from another process's save to this instance showing it: `datajam add` in a child
/// process, then the run loop of an open instance until the finding is in its state and drawn.
/// `pauses`: how long each turn of the run loop took meanwhile (a turn that takes more than a
/// frame, 16 ms, is a stall the user sees).
@MainActor
func measureSaveToRedraw(path: String, binary: String, rounds: Int) -> (redraw: Samples, pauses: Samples)? {
    guard FileManager.default.isExecutableFile(atPath: binary), let workshop = try? SessionStore().load(path) else { return nil }
    var open = OpenWorkshop(path: path, workshop: workshop, hasHome: false)
    open.phase = .breakouts
    open.refresh()
    let terminal = InMemoryTerminal(width: 120, height: 40)
    let runtime = AppRuntime(state: AppState(lang: .fr, width: 120, height: 40, now: .now(), sessionsFolder: "/tmp", route: .workshop(open)),
                             backend: terminal, effects: EffectRunner(inbox: MessageInbox()))
    var samples = Samples("save elsewhere → redraw here")
    var pauses = Samples("main-loop turn while another process saves")
    for round in 0..<rounds {
        let marker = "marqueur \(round)"
        guard spawnAndWait([binary, "add", path, "--kind", "note", marker]) == 0 else { return nil }
        let saved = DispatchTime.now().uptimeNanoseconds
        let deadline = saved + 5_000_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            pauses.time { runtime.step(timeoutMilliseconds: 0) }
            if runtime.state.openWorkshop?.workshop.findings.contains(where: { $0.text == marker }) == true {
                pauses.time { runtime.step(timeoutMilliseconds: 0) }  // the frame that shows it
                break
            }
            usleep(2000)
        }
        samples.values.append(Double(DispatchTime.now().uptimeNanoseconds - saved) / 1_000_000)
    }
    return (samples, pauses)
}

/// CPU used by a real `datajam open` sitting idle in tmux for `seconds`, in percent of one core.
func idleCPUPercent(path: String, binary: String, seconds: Double) -> Double? {
    let socket = "datajam-bench-\(getpid())"
    guard FileManager.default.isExecutableFile(atPath: binary),
          spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40",
                        "env LANG=C.UTF-8 \(binary) open \(path)"]) == 0 else { return nil }
    defer { spawnAndWait(["tmux", "-L", socket, "kill-server"]) }
    usleep(1_500_000)  // let it load and draw
    guard let pid = processID(of: binary) else { return nil }
    let start = cpuTicks(pid)
    usleep(UInt32(seconds * 1_000_000))
    let end = cpuTicks(pid)
    guard let start, let end else { return nil }
    return Double(end - start) / Double(sysconf(Int32(_SC_CLK_TCK))) / seconds * 100
}

private func processID(of binary: String) -> pid_t? {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
        guard let pid = pid_t(entry),
              let command = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8),
              command.hasPrefix(binary + "\u{0}open") else { continue }
        return pid
    }
    return nil
}

/// User + system CPU ticks of a process, from /proc/PID/stat.
private func cpuTicks(_ pid: pid_t) -> Int? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
    return user + system
}
