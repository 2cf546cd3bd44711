import DataJamCore
import DataJamUI
import Foundation

// datajam-bench: speed of DataJam on a large workshop. Run a release build:
//   swift build -c release && .build/release/datajam-bench [--findings 10000] [--teams 12] [--json]
//   .build/release/datajam-bench --findings 10000 --write-session PATH   (only writes the workshop)
//   .build/release/datajam-bench --sizes 100,1000,10000,50000 [--opening-only]
//     opening at each size: load, save, first frame of `datajam open` in tmux next to vim on the
//     same notes in Markdown, peak RSS, another process's save → redraw, longest run-loop turn
//     (--opening-only: that table alone)
//   .build/release/datajam-bench --sizes 1000,10000 --save-parts
//     the parts of a save one by one: merge (copies from one load, copies decoded apart), the
//     semantic rules, encoding
//   .build/release/datajam-bench --sizes 1000,10000 --load-parts
//     the parts of a load one by one: from the file, from bytes in memory, the semantic rules
// Targets: every keystroke (update + render of the frame) under 1 ms at p99 with 10,000 findings;
// render cost that grows with the screen, not with the session; saves that never block input.

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]) else { return fallback }
    return v
}
let findingCount = option("--findings", 10_000)
let teamCount = option("--teams", 12)
let json = arguments.contains("--json")

let sizes: [Int] = {
    guard let i = arguments.firstIndex(of: "--sizes"), i + 1 < arguments.count else { return [100, 1_000, 10_000, 50_000] }
    return arguments[i + 1].split(separator: ",").compactMap { Int($0) }
}()

// `--write-session PATH`: only write the generated workshop to PATH (for trials with the real binary).
if let i = arguments.firstIndex(of: "--write-session"), i + 1 < arguments.count {
    try SessionStore().create(SessionGenerator.workshop(findings: findingCount, teams: teamCount), at: arguments[i + 1])
    exit(0)
}

let benchBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("datajam").path

@MainActor func runOpening() -> [OpeningRow] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("datajam-bench-open-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return measureOpening(sizes: sizes, teams: teamCount, folder: folder, binary: benchBinary)
}

@MainActor func printOpening(_ opening: [OpeningRow]) {
    print("Opening a workshop (release build; tmux 120×40, median of 7; vim -u DEFAULTS on the same findings in Markdown):")
    print(openingTable(opening))
}

/// `--save-parts`, `--load-parts`: one table of a save's or a load's parts, in a folder of its own, then exit.
func printParts(_ title: String, _ measure: (_ sizes: [Int], _ teams: Int, _ folder: String) -> String) -> Never {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("datajam-bench-parts-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    print(title)
    print(measure(sizes, teamCount, folder))
    try? FileManager.default.removeItem(atPath: folder)
    exit(0)
}

if arguments.contains("--save-parts") {
    printParts("The parts of a save (release build, median of 21):", measureSaveParts)
}
if arguments.contains("--load-parts") {
    printParts("The parts of a load (release build, median of 41):", measureLoadParts)
}

if arguments.contains("--opening-only") {
    let opening = runOpening()
    if json {
        let data = try JSONSerialization.data(withJSONObject: ["teams": teamCount, "opening": opening.map(\.record)], options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    } else {
        printOpening(opening)
    }
    exit(0)
}

var rows: [(String, String, String, String)] = []  // measure, p50, p99, note
var record: [String: Any] = ["findings": findingCount, "teams": teamCount]
@MainActor func report(_ s: Samples, note: String = "") {
    rows.append((s.name, String(format: "%.3f", s.p50), String(format: "%.3f", s.p99), note))
    record[s.name] = ["p50_ms": s.p50, "p99_ms": s.p99, "max_ms": s.max, "n": s.values.count]
}

// MARK: Files

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("datajam-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let path = "\(folder)/bench.json"
let generated = SessionGenerator.workshop(findings: findingCount, teams: teamCount)
let store = SessionStore()
try store.create(generated, at: path)
let fileSize = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
record["file_bytes"] = fileSize

var load = Samples("load (read + validate)")
for _ in 0..<5 { _ = try load.time { try store.load(path) } }
report(load, note: "\(fileSize / 1024) KiB file")

var save = Samples("save (merge + encode + fsync)")
for _ in 0..<5 { _ = try save.time { try store.save(merging: generated, to: path) } }
report(save, note: "in the background saver")

// MARK: Keystrokes

@MainActor func makeState(width: Int, height: Int, workshop: Workshop) -> AppState {
    var open = OpenWorkshop(path: path, workshop: workshop, hasHome: true)
    open.phase = .breakouts
    open.refresh()
    return AppState(lang: .fr, width: width, height: height, now: Timestamp(milliseconds: 1_701_072_000_000),
                    sessionsFolder: folder, route: .workshop(open))
}

/// Times `update` + `render` of each key: the time from a key to its finished frame.
@MainActor func keystrokes(_ name: String, _ keys: [Key], state: inout AppState, onSave: ((Effect) -> Void)? = nil) -> Samples {
    var samples = Samples(name)
    for key in keys {
        samples.time {
            let effects = AppUpdate.update(&state, .key(key))
            _ = AppView.render(state)
            if let onSave { effects.forEach(onSave) }
        }
    }
    return samples
}

let typing = "Données ventilées par sexe — عبد الله ".map { Key.character($0) }
for (width, height) in [(80, 24), (120, 40)] {
    let size = "\(width)×\(height)"
    var state = makeState(width: width, height: height, workshop: generated)
    _ = AppUpdate.update(&state, .key(.insert))
    report(keystrokes("typing a finding, \(size)", Array(repeating: typing, count: 6).flatMap { $0 }, state: &state))
    var enter = Samples("recording (Enter), \(size)")
    for i in 0..<200 {
        for c in "trouvaille \(i)" { _ = AppUpdate.update(&state, .key(.character(c))) }
        enter.time {
            _ = AppUpdate.update(&state, .key(.enter))
            _ = AppView.render(state)
        }
    }
    report(enter, note: "adds to the workshop, asks for a save")
    _ = AppUpdate.update(&state, .key(.escape))
    report(keystrokes("scrolling findings, \(size)", Array(repeating: Key.down, count: 400) + Array(repeating: Key.up, count: 200) + Array(repeating: Key.pageDown, count: 50), state: &state))
    report(keystrokes("switching teams, \(size)", Array(repeating: Key.tab, count: 200), state: &state))
    report(keystrokes("switching sessions, \(size)", Array(repeating: [Key.function(2), .function(3), .function(4)], count: 60).flatMap { $0 }, state: &state))
}

// Right-to-left layout: a quarter of the findings in Arabic, laid out through FriBidi on every frame, and an
// Arabic finding typed (every keystroke lays out the capture line).
do {
    let arabic = SessionGenerator.workshop(findings: findingCount, teams: teamCount, arabicShare: 0.25)
    var state = makeState(width: 120, height: 40, workshop: arabic)
    report(keystrokes("scrolling, ¼ Arabic, 120×40", Array(repeating: Key.down, count: 400) + Array(repeating: Key.pageDown, count: 50), state: &state))
    _ = AppUpdate.update(&state, .key(.character("c")))
    let typingArabic = "البيانات المفتوحة غير متوفرة بصيغة قابلة للاستعمال 2024 ".map { Key.character($0) }
    report(keystrokes("typing Arabic, ¼ Arabic, 120×40", Array(repeating: typingArabic, count: 4).flatMap { $0 }, state: &state),
           note: "right-to-left laid out per frame")
}

// Render cost against screen size and session size: it should follow the screen.
for (w, h, n) in [(80, 24, findingCount), (200, 60, findingCount), (80, 24, findingCount / 10)] {
    var s = makeState(width: w, height: h, workshop: n == findingCount ? generated : SessionGenerator.workshop(findings: n, teams: teamCount))
    var render = Samples("render \(w)×\(h), \(n) findings")
    for _ in 0..<200 { _ = render.time { AppView.render(s) } }
    _ = AppUpdate.update(&s, .key(.function(4)))
    report(render)
}

// Saves in the background while typing: does input wait?
do {
    var s = makeState(width: 120, height: 40, workshop: generated)
    _ = AppUpdate.update(&s, .key(.alt("n")))
    let inbox = MessageInbox()
    // The real effect runner: Enter's cost includes handing the change to the journal and the saver.
    let runner = EffectRunner(store: store, inbox: inbox)
    let saver = runner.saver
    if let open = s.openWorkshop { runner.journal.begin(path: open.path, workshop: open.workshop) }
    var saves = 0
    let during = keystrokes("typing while saving", Array(repeating: typing, count: 8).flatMap { $0 } + [.enter], state: &s) { effect in
        if case .save = effect { runner.perform(effect); saves += 1 }
    }
    // Keep saving and typing together for a while.
    var overlap = Samples("keystroke during a save")
    for round in 0..<10 {
        saver.save(path: path, workshop: generated, revision: round)
        for key in typing {
            overlap.time {
                _ = AppUpdate.update(&s, .key(key))
                _ = AppView.render(s)
            }
        }
    }
    saver.flush()
    runner.journal.finish(timeout: 5)
    report(during, note: "Enter hands the journal and the save to the background")
    report(overlap, note: overlap.p99 < save.p50 ? "input not blocked by saves" : "INPUT WAITED FOR A SAVE")
    record["input_blocked_by_save"] = overlap.p99 >= save.p50
}

// The journal's own work for one recorded finding: finding what changed, and appending it.
do {
    var before = try store.load(path)
    var diff = Samples("journal: what changed (10,000 compared)")
    var append = Samples("journal: append + fdatasync")
    let file = try JournalFile(beside: path)
    for i in 0..<100 {
        var after = before
        after.findings.append(Finding(teamId: nil, kind: .note, text: "journal \(i)"))
        let entry = diff.time { JournalEntry(from: before, to: after) }
        if let entry { try append.time { try file.append(entry) } }
        before = after
    }
    file.remove()
    report(diff, note: "on the journal's queue")
    report(append, note: "one line, on disk")
}

// Durability: from Enter to the finding on disk, in the journal (target: 20 ms whatever the size)
// and in the saved file, with the real effect runner (journal and saver on their own queues).
do {
    var s = makeState(width: 120, height: 40, workshop: try store.load(path))
    _ = AppUpdate.update(&s, .key(.alt("n")))
    let inbox = MessageInbox()
    let runner = EffectRunner(store: store, inbox: inbox)
    if let open = s.openWorkshop { runner.journal.begin(path: open.path, workshop: open.workshop) }
    var journaled = Samples("recording → journaled (on disk)")
    var saved = Samples("recording → saved in the file")
    var random = SplitMix64(seed: 7)
    for i in 0..<100 {
        for c in "durable \(i)" { _ = AppUpdate.update(&s, .key(.character(c))) }
        let start = DispatchTime.now().uptimeNanoseconds
        let effects = AppUpdate.update(&s, .key(.enter))
        let revision = s.openWorkshop?.revision ?? 0
        effects.forEach(runner.perform)
        var journalDone = false, saveDone = false
        while !(journalDone && saveDone) {
            for message in inbox.drain() {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                switch message {
                case .journaled(_, let r) where r == revision && !journalDone:
                    journaled.values.append(elapsed); journalDone = true
                case .saved(_, let r, _) where r >= revision && !saveDone:
                    saved.values.append(elapsed); saveDone = true
                default: break
                }
                _ = AppUpdate.update(&s, message)
            }
            usleep(100)
        }
        // A rapporteur's pace varies: the next Enter falls anywhere in the next save.
        usleep(useconds_t(random.next() % 100_000))
    }
    runner.saver.flush()
    runner.journal.finish(timeout: 5)
    report(journaled, note: journaled.p99 <= 20 ? "durable within 20 ms of Enter" : "OVER 20 ms")
    report(saved, note: "the whole file, merged and fsync'd")
}

// Live sharing: another process saves, this one redraws; an idle instance's CPU.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("datajam").path
if let live = measureSaveToRedraw(path: path, binary: binary, rounds: 10) {
    report(live.redraw, note: "target: under 150 ms")
    report(live.pauses, note: "max \(String(format: "%.1f", live.pauses.max)) ms; target: none over 16 ms")
} else {
    rows.append(("save elsewhere → redraw here", "-", "-", "build datajam next to the benchmark to measure"))
}
if let idle = idleCPUPercent(path: path, binary: binary, seconds: 5) {
    rows.append(("idle instance CPU", String(format: "%.2f%%", idle), "", "real binary in tmux, 5 s"))
    record["idle_cpu_percent"] = idle
} else {
    rows.append(("idle instance CPU", "-", "-", "needs tmux and datajam next to the benchmark"))
}

// `datajam serve`: keystroke → echo over SSH on loopback, the server's CPU and memory with 12 views.
if !arguments.contains("--no-serve"), let serve = measureServe(binary: binary, rapporteurs: 12, keystrokes: 200) {
    report(serve.latency, note: "loopback, 12 sessions, 11 typing 10 keys/s")
    rows.append(("serve: server CPU, 12 idle views", String(format: "%.2f%%", serve.idleServerCPU), "",
                 String(format: "views together: %.2f%%", serve.idleViewsCPU)))
    rows.append(("serve: server CPU, 11 typing", String(format: "%.1f%%", serve.typingServerCPU), "",
                 String(format: "views together: %.1f%%", serve.typingViewsCPU)))
    rows.append(("serve: memory", "\(serve.serverRSSKiB / 1024) MiB", "", "server RSS; each view \(serve.viewRSSKiB / 1024) MiB"))
    record["serve_idle_server_cpu_percent"] = serve.idleServerCPU
    record["serve_typing_server_cpu_percent"] = serve.typingServerCPU
    record["serve_server_rss_kib"] = serve.serverRSSKiB
    record["serve_view_rss_kib"] = serve.viewRSSKiB
} else if !arguments.contains("--no-serve") {
    rows.append(("keystroke → echo over SSH", "-", "-", "needs /usr/bin/ssh and datajam next to the benchmark"))
}

let peak = peakMemoryMiB()
record["peak_memory_mib"] = peak
let opening = runOpening()
record["opening"] = opening.map(\.record)

if json {
    let data = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} else {
    print("DataJam benchmark: \(findingCount) findings, \(teamCount) teams, \(fileSize / 1024) KiB session file")
    let nameWidth = rows.map(\.0.count).max() ?? 20
    func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    print(pad("measure", nameWidth) + "  " + pad("p50 ms", 9) + "  " + pad("p99 ms", 9) + "  note")
    for (name, p50, p99, note) in rows {
        print(pad(name, nameWidth) + "  " + pad(p50, 9) + "  " + pad(p99, 9) + "  " + note)
    }
    print(String(format: "peak memory: %.1f MiB", peak))
    print()
    printOpening(opening)
}
