import Foundation

/// DOCX and ODT, the formats a ministry edits before publishing, made by pandoc from the Markdown
/// report (headings, lists and tables become the word processor's own styles) rather than by hand.
/// pandoc is looked up on `PATH`; without it the export fails with one line saying what to install.
enum PandocConversion {
    static func convert(markdown: String, to format: ExportFormat, language: ReportLanguage) throws(ExportError) -> Data {
        guard let pandoc = executable() else {
            throw ExportError("--format \(format.rawValue) needs pandoc, which is not installed: install it (apt-get install pandoc) or use --format html")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("datajam-pandoc-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExportError("cannot create a temporary folder for pandoc: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.md")
        let output = folder.appendingPathComponent("report.\(format.fileExtension)")
        do {
            try Data(markdown.utf8).write(to: input)
        } catch {
            throw ExportError("cannot write pandoc's input: \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        // commonmark_x reads the pipe tables and escapes the reports use; raw HTML in typed text
        // stays text (the report escapes it); no file is fetched (no images, no includes).
        process.arguments = ["--from", "commonmark_x", "--to", format.rawValue, "--metadata", "lang=\(language.rawValue)",
                             "--output", output.path, input.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ExportError("cannot run pandoc (\(pandoc)): \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let line = String(decoding: message, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw ExportError("pandoc could not write the \(format.rawValue.uppercased()) file (exit \(process.terminationStatus)): \(line)")
        }
        do {
            return try Data(contentsOf: output)
        } catch {
            throw ExportError("cannot read pandoc's output: \(error.localizedDescription)")
        }
    }

    /// The first executable `pandoc` on `PATH`.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/pandoc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
