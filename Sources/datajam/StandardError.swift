import Foundation

/// Writes one line to standard error (FileHandle, because C's `stderr` global is not
/// concurrency-safe in Swift 6).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
