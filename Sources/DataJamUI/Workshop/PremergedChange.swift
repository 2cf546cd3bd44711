import DataJamCore

/// Another process's save merged into the open workshop as it was at `contentVersion`, in the
/// background. The run loop adopts it only if the workshop has not changed since; otherwise it
/// merges the disk's content itself, so an edit made meanwhile is never lost.
public struct PremergedChange: Sendable {
    public var contentVersion: Int
    public var merged: Workshop
    /// Whether the merge changed anything (a save that only echoes this instance's own changes
    /// does not).
    public var changed: Bool

    public init(contentVersion: Int, merged: Workshop, changed: Bool) {
        self.contentVersion = contentVersion
        self.merged = merged
        self.changed = changed
    }

    /// Merges `disk` into `base` (the open workshop at `contentVersion`).
    public init(base: Workshop, contentVersion: Int, disk: Workshop) {
        let merged = base.merged(with: disk)
        self.init(contentVersion: contentVersion, merged: merged, changed: merged != base)
    }
}
