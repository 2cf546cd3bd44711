import Foundation

/// Where things are, for tests that read the shipped samples or run the built binary.
public enum RepositoryPaths {
    /// The package root, found from this file's location.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var sessionsFolder: String { "\(root)/Sessions" }

    /// The workshops' session files of `Sessions/` (not its programme file).
    public static var sampleSessionFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sessionsFolder)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "programme.json" }.sorted().map { "\(sessionsFolder)/\($0)" }
    }

    /// The programme file shipped beside the samples.
    public static var sampleProgrammeFile: String { "\(sessionsFolder)/programme.json" }

    /// The `datajam` executable `swift test` built next to the test bundle (or $DATAJAM_BIN).
    public static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["DATAJAM_BIN"] { return explicit }
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        let candidate = folder.appendingPathComponent("datajam").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        for name in ["debug", "release"] {
            let path = "\(root)/.build/\(name)/datajam"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return candidate
    }()
}
