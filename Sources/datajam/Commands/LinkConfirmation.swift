import DataJamCore
import DataJamExport
import Foundation

/// `datajam programme confirm`: the suggested links one at a time, each answered yes, no or quit
/// on a line, for a facilitator at a terminal (or a script that pipes its answers). Each "yes" is
/// written to the programme file at once, so quitting or a Ctrl-C keeps what was confirmed.
struct LinkConfirmation {
    let path: String
    let workshops: [Workshop]
    let french: Bool

    private func t(_ fr: String, _ en: String) -> String { french ? fr : en }

    /// Written at once, unbuffered: a question must be on the screen before the answer is read
    /// (C's `stdout` is not reachable from Swift 6 to flush it).
    private func say(_ text: String, newline: Bool = true) {
        FileHandle.standardOutput.write(Data((text.escapedForTerminal() + (newline ? "\n" : "")).utf8))
    }

    /// Asks about every suggestion not linked yet; returns how many were linked and skipped.
    func run(readAnswer: () -> String? = { readLine() }) throws -> (linked: Int, skipped: Int) {
        let store = ProgrammeStore()
        var programme: Programme?
        do { programme = try store.loadIfPresent(path) } catch { throw CommandFailure(error) }
        let suggestions = SimilarFindings.suggest(workshops, programme: programme)
        var linked = 0, skipped = 0
        for (index, suggestion) in suggestions.enumerated() {
            // A "yes" earlier may already have joined these two (a link grows).
            if let programme, programme.links.live.contains(where: {
                $0.findings.contains(suggestion.first.reference) && $0.findings.contains(suggestion.second.reference)
            }) { continue }
            say("")
            say("[\(index + 1)/\(suggestions.count)] \(suggestion.reference)  \(String(format: "%.2f", suggestion.score))  \(suggestion.kind.rawValue)")
            for side in [suggestion.first, suggestion.second] {
                say("  \(side.workshopTheme) (\(side.findingID)) : \(side.text)")
            }
            say(t("Même point ? [o]ui / [n]on / [q]uitter : ", "Same point? [y]es / [n]o / [q]uit: "), newline: false)
            guard let answer = readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased() else { break }
            if ["q", "quit", "quitter"].contains(answer) { break }
            guard ["y", "yes", "o", "oui"].contains(answer) else {
                skipped += 1
                continue
            }
            let pair = [suggestion.first.reference, suggestion.second.reference]
            let saved = Result { () throws(SessionFileError) -> Programme in
                try store.update(path) { file throws(SessionFileError) in
                    do throws(InputError) { _ = try file.link(pair) } catch {
                        throw SessionFileError(file: path, message: error.description)
                    }
                }
            }
            switch saved {
            case .success(let updated):
                programme = updated
                linked += 1
                if let made = updated.links.live.first(where: { $0.findings.contains(pair[0]) && $0.findings.contains(pair[1]) }) {
                    say(t("→ relié : \(made.id)", "→ linked: \(made.id)"))
                }
            case .failure(let error):
                // A file that cannot be read ends the session; a pair that cannot join a link (its
                // findings are in two already) does not.
                if error.message.contains("left untouched") { throw CommandFailure(error) }
                printError(error.description + t(" (utilisez datajam programme link … --into ID)", " (use datajam programme link … --into ID)"))
                skipped += 1
            }
        }
        return (linked, skipped)
    }
}
