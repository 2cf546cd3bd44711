extension SessionStore {
    /// What opening a session file found in the journals of crashed instances.
    public struct JournalReport: Sendable, Equatable {
        /// Records replayed from journals into the file.
        public var recordCount = 0
        /// One line per journal that could not be replayed (kept beside the file).
        public var problems: [String] = []

        public init(recordCount: Int = 0, problems: [String] = []) {
            self.recordCount = recordCount
            self.problems = problems
        }
    }

    /// Loads `path` for the interface, after saving into it whatever the journals of crashed
    /// instances hold. A journal that cannot be replayed never stops the file from opening: it is
    /// kept and named in the report.
    public func loadRecoveringJournals(_ path: String) throws(SessionFileError) -> (workshop: Workshop, report: JournalReport) {
        guard !JournalRecovery.deadJournals(of: path).isEmpty else { return (try load(path), JournalReport()) }
        var report = JournalReport()
        let workshop = try update(path, journals: { recovery in
            report = JournalReport(recordCount: recovery.recordCount, problems: recovery.problems)
        }) { _ in }
        return (workshop, report)
    }
}
