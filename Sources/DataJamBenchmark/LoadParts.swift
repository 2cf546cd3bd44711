import DataJamCore
import Foundation

/// `--load-parts`: the parts of a load timed one by one (median and fastest of 41, after one
/// untimed load that pays the first use of the code), at each size: the whole load from the file,
/// the decoding of bytes already in memory (syntax, UTF-8, the model, the semantic rules), and
/// the semantic rules alone.
func measureLoadParts(sizes: [Int], teams: Int, folder: String) -> String {
    var lines = ["| findings | load from the file | decode from memory | semantic rules |",
                 "|---:|---:|---:|---:|"]
    for size in sizes {
        let path = "\(folder)/load-\(size).json"
        let store = SessionStore()
        guard (try? store.create(SessionGenerator.workshop(findings: size, teams: teams), at: path)) != nil,
              let bytes = FileManager.default.contents(atPath: path), let loaded = try? store.load(path) else { continue }
        var whole = Samples("load"), decode = Samples("decode"), rules = Samples("rules")
        for _ in 0..<41 {
            _ = whole.time { try? store.load(path, remembering: false) }
            _ = decode.time { try? SessionCodec().decode(bytes, file: path) }
            _ = rules.time { SemanticValidator.problems(in: loaded) }
        }
        func ms(_ s: Samples) -> String { String(format: "%.2f ms (fastest %.2f)", s.p50, s.values.min() ?? 0) }
        lines.append("| \(size) | \(ms(whole)) | \(ms(decode)) | \(ms(rules)) |")
        try? FileManager.default.removeItem(atPath: path)
    }
    return lines.joined(separator: "\n")
}
