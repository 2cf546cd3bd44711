import DataJamCore
import Foundation

/// Writes one line to standard error (FileHandle, because C's `stderr` global is not
/// concurrency-safe in Swift 6), with its control characters escaped: the line may name a file or
/// quote its content.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line.escapedForTerminal() + "\n").utf8))
}

/// Prints one line to standard output with its control characters escaped (tabs kept for
/// `.tabSeparated`): every line the commands print quotes file content or arguments.
func printLine(_ line: String, layout: TerminalEscaping.Layout = .singleLine) {
    print(line.escapedForTerminal(layout))
}
