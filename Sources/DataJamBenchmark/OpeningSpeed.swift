import DataJamCore
import DataJamUI
import Foundation

/// Opening a workshop, at several sizes so that the growth of each cost shows: load and save in
/// this process, then the real `datajam open` in tmux at 120×40 (launch → the workshop on screen,
/// median of 7) next to vim opening the same findings as Markdown notes, its peak memory, and how
/// an instance follows another process's saves (latency, and the longest turn of its run loop).
struct OpeningRow {
    var findings: Int
    var fileBytes: Int
    var markdownBytes: Int
    var load: Samples
    var save: Samples
    var firstFrame: Samples?
    var vimFirstFrame: Samples?
    var peakRSSKiB: Int?
    var redraw: Samples?
    var pauses: Samples?

    var ratio: Double? {
        guard let firstFrame, let vimFirstFrame, !firstFrame.values.isEmpty, !vimFirstFrame.values.isEmpty else { return nil }
        return firstFrame.p50 / vimFirstFrame.p50
    }

    var record: [String: Any] {
        var r: [String: Any] = ["findings": findings, "file_bytes": fileBytes, "markdown_bytes": markdownBytes,
                                "load_p50_ms": load.p50, "load_max_ms": load.max, "save_p50_ms": save.p50, "save_max_ms": save.max]
        if let firstFrame { r["first_frame_median_ms"] = firstFrame.p50; r["first_frame_runs_ms"] = firstFrame.values }
        if let vimFirstFrame { r["vim_first_frame_median_ms"] = vimFirstFrame.p50; r["vim_first_frame_runs_ms"] = vimFirstFrame.values }
        if let ratio { r["first_frame_ratio_to_vim"] = ratio }
        if let peakRSSKiB { r["peak_rss_mib"] = Double(peakRSSKiB) / 1024 }
        if let redraw { r["external_save_to_redraw_p50_ms"] = redraw.p50; r["external_save_to_redraw_max_ms"] = redraw.max }
        if let pauses { r["main_loop_longest_pause_ms"] = pauses.max; r["main_loop_pause_p99_ms"] = pauses.p99 }
        return r
    }
}

enum MarkdownNotes {
    /// The workshop's findings as the notes a facilitator would keep in a text editor: a heading
    /// per team, a bullet per finding.
    static func of(_ workshop: Workshop) -> String {
        var text = "# \(workshop.details.theme)\n\n\(workshop.details.city), \(workshop.details.date.map(\.description) ?? "")\n"
        let byTeam = Dictionary(grouping: workshop.findings, by: { $0.teamId ?? "" })
        for team in workshop.teams.map({ Optional($0) }) + [nil] {
            text += "\n## \(team?.name ?? "Plénière")\n\n"
            for finding in byTeam[team?.id ?? ""] ?? [] {
                text += "- **\(finding.kind.rawValue)**\(finding.category.map { " (\($0))" } ?? ""): \(finding.text)\n"
            }
        }
        return text
    }
}

@MainActor
func measureOpening(sizes: [Int], teams: Int, folder: String, binary: String) -> [OpeningRow] {
    let pane = FileManager.default.isExecutableFile(atPath: binary) ? TmuxPane(width: 120, height: 40) : nil
    var rows: [OpeningRow] = []
    for size in sizes {
        let workshop = SessionGenerator.workshop(findings: size, teams: teams)
        let path = "\(folder)/open-\(size).json"
        let notes = "\(folder)/open-\(size).md"
        let store = SessionStore()
        guard (try? store.create(workshop, at: path)) != nil else { continue }
        let markdown = MarkdownNotes.of(workshop)
        try? markdown.write(toFile: notes, atomically: true, encoding: .utf8)
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        // Fewer repetitions for the largest files keep the whole run within minutes.
        let repeats = size >= 50_000 ? 3 : 5
        var load = Samples("load")
        for _ in 0..<repeats { _ = load.time { try? store.load(path) } }
        var save = Samples("save")
        for _ in 0..<repeats { _ = save.time { try? store.save(merging: workshop, to: path) } }
        var row = OpeningRow(findings: size, fileBytes: fileBytes, markdownBytes: markdown.utf8.count, load: load, save: save)

        if let pane {
            // The header shows the theme once the workshop is drawn; vim shows the notes' first line.
            var frames = Samples("first frame"), vimFrames = Samples("vim first frame")
            var peak: Int?
            for trial in 0..<7 {
                let shown = pane.firstFrame("exec env LANG=C.UTF-8 TERM=xterm-256color \(binary) open \(path)", expected: "Banc d") {
                    guard trial == 6, let pid = pane.processID else { return }
                    usleep(500_000)  // what the instance keeps once it is idle, after the first frame
                    peak = peakResidentKiB(pid)
                }
                if let shown { frames.values.append(shown) }
                let vimShown = pane.firstFrame("exec env LANG=C.UTF-8 TERM=xterm-256color vim -u DEFAULTS -i NONE -n \(notes)",
                                               expected: "# Banc d")
                if let vimShown { vimFrames.values.append(vimShown) }
            }
            row.firstFrame = frames
            row.vimFirstFrame = vimFrames
            row.peakRSSKiB = peak
            if let live = measureSaveToRedraw(path: path, binary: binary, rounds: size >= 50_000 ? 3 : 5) {
                row.redraw = live.redraw
                row.pauses = live.pauses
            }
        }
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: notes)
        rows.append(row)
    }
    return rows
}

func openingTable(_ rows: [OpeningRow]) -> String {
    func ms(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }
    var lines = ["| findings | file | load | save | first frame | vim first frame | ratio | peak RSS | external save → redraw | longest main-loop turn |",
                 "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows {
        let file = String(format: "%.1f MB", Double(row.fileBytes) / 1_000_000)
        lines.append("| \(row.findings) | \(file) | \(ms(row.load.p50)) ms | \(ms(row.save.p50)) ms | \(ms(row.firstFrame?.p50)) ms "
                     + "| \(ms(row.vimFirstFrame?.p50)) ms | \(row.ratio.map { String(format: "%.2f", $0) } ?? "-") "
                     + "| \(row.peakRSSKiB.map { String(format: "%.0f MiB", Double($0) / 1024) } ?? "-") "
                     + "| \(ms(row.redraw?.p50)) ms | \(ms(row.pauses?.max)) ms |")
    }
    return lines.joined(separator: "\n")
}
