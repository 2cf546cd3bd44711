import DataJamCore
import Foundation

/// `--save-parts`: the parts of a save timed one by one (median of 21), at each size: the merge
/// of the file's copy with the local copy (both from one load, the local one a few edits ahead,
/// as in a running instance; then two copies decoded apart, as the opening table's save merges
/// them), the semantic rules, and the encoding.
func measureSaveParts(sizes: [Int], teams: Int, folder: String) -> String {
    var lines = ["| findings | merge, one load + 8 edits | merge, copies decoded apart | semantic rules | encode |",
                 "|---:|---:|---:|---:|---:|"]
    for size in sizes {
        let generated = SessionGenerator.workshop(findings: size, teams: teams)
        let path = "\(folder)/parts-\(size).json"
        let store = SessionStore()
        guard (try? store.create(generated, at: path)) != nil, let loaded = try? store.load(path) else { continue }
        var local = loaded
        let step = max(1, local.findings.count / 5)
        for i in stride(from: 0, to: local.findings.count, by: step) {
            local.findings[i].text += " (modifié)"
            local.findings[i].updatedAt = Timestamp.now(after: local.findings[i].updatedAt)
        }
        for n in 0..<3 {
            local.findings.append(Finding(teamId: local.findings.first?.teamId, kind: .note, text: "ajout \(n)"))
        }
        var edited = Samples("merge"), apart = Samples("merge apart"), rules = Samples("rules"), encode = Samples("encode")
        var merged = loaded
        for _ in 0..<21 {
            merged = edited.time { loaded.merged(with: local) }
            _ = apart.time { loaded.merged(with: generated) }
            _ = rules.time { SemanticValidator.problems(in: merged) }
            _ = encode.time { try? SessionCodec().encode(merged) }
        }
        func ms(_ s: Samples) -> String { String(format: "%.2f ms", s.p50) }
        lines.append("| \(size) | \(ms(edited)) | \(ms(apart)) | \(ms(rules)) | \(ms(encode)) |")
        try? FileManager.default.removeItem(atPath: path)
    }
    return lines.joined(separator: "\n")
}
