/// One line of a write-ahead journal: the records of a workshop that changed since the previous
/// line, whole (a record is small; its latest version is all a replay needs).
///
/// Replaying is merging: every record goes through the same last-writer-wins rule as a save
/// (`Workshop.merged(with:)`), so replaying a line twice, out of order, or over a file that
/// already holds a newer version of a record changes nothing it should not.
public struct JournalEntry: Codable, Hashable, Sendable {
    /// The workshop the records belong to; a line of another workshop is not replayed.
    public var workshopId: String
    public var details: WorkshopDetails?
    public var plenary: Plenary?
    public var sessions: [DaySession]?
    public var participantGroups: [ParticipantGroup]?
    public var teams: [Team]?
    public var categories: [ConstraintCategory]?
    public var findings: [Finding]?
    public var recommendations: [SynthesisItem]?
    public var partnerships: [Partnership]?
    public var results: [SynthesisItem]?
    public var difficulties: [SynthesisItem]?
    public var improvements: [SynthesisItem]?

    public init(workshopId: String) { self.workshopId = workshopId }

    /// What changed from `old` to `new`, or nil when nothing did. Compares by position first
    /// (the order rarely changes), then by id, and only the stamps: cheap at 10,000 findings.
    public init?(from old: Workshop, to new: Workshop) {
        self.init(workshopId: new.id)
        if old.details != new.details { details = new.details }
        if old.plenary != new.plenary { plenary = new.plenary }
        if old.sessions != new.sessions { sessions = new.sessions }
        participantGroups = Self.changed(old.participantGroups, new.participantGroups)
        teams = Self.changed(old.teams, new.teams)
        categories = Self.changed(old.categories, new.categories)
        findings = Self.changed(old.findings, new.findings)
        recommendations = Self.changed(old.synthesis.recommendations, new.synthesis.recommendations)
        partnerships = Self.changed(old.synthesis.partnerships, new.synthesis.partnerships)
        results = Self.changed(old.synthesis.results, new.synthesis.results)
        difficulties = Self.changed(old.synthesis.difficulties, new.synthesis.difficulties)
        improvements = Self.changed(old.synthesis.improvements, new.synthesis.improvements)
        if isEmpty { return nil }
    }

    /// Every record of `workshop`: the first line of a journal that has no earlier state to
    /// compare with.
    public init(everythingIn workshop: Workshop) {
        self.init(workshopId: workshop.id)
        details = workshop.details
        plenary = workshop.plenary
        sessions = workshop.sessions
        participantGroups = workshop.participantGroups
        teams = workshop.teams
        categories = workshop.categories
        findings = workshop.findings
        recommendations = workshop.synthesis.recommendations
        partnerships = workshop.synthesis.partnerships
        results = workshop.synthesis.results
        difficulties = workshop.synthesis.difficulties
        improvements = workshop.synthesis.improvements
    }

    public var isEmpty: Bool {
        details == nil && plenary == nil && sessions == nil && participantGroups == nil && teams == nil
            && categories == nil && findings == nil && recommendations == nil && partnerships == nil
            && results == nil && difficulties == nil && improvements == nil
    }

    /// How many records the line holds (for "recovered N changes").
    public var recordCount: Int {
        (details == nil ? 0 : 1) + (plenary == nil ? 0 : 1) + (sessions?.count ?? 0) + (participantGroups?.count ?? 0)
            + (teams?.count ?? 0) + (categories?.count ?? 0) + (findings?.count ?? 0) + (recommendations?.count ?? 0)
            + (partnerships?.count ?? 0) + (results?.count ?? 0) + (difficulties?.count ?? 0) + (improvements?.count ?? 0)
    }

    /// Every change stamps the record it changes with a later `updatedAt` (`WorkshopChange`), so
    /// comparing ids and stamps finds every change without comparing texts. Records are read in
    /// place through the arrays' buffers: copying one retains every string of it, which would be
    /// most of the cost at 10,000.
    private static func changed<R: Record>(_ old: [R], _ new: [R]) -> [R]? {
        var changedIndices: [Int] = []
        old.withUnsafeBufferPointer { before in
            new.withUnsafeBufferPointer { after in
                var oldByID: [String: Int]?
                for i in after.indices {
                    if i < before.count, before[i].id == after[i].id {
                        if before[i].updatedAt != after[i].updatedAt || before[i].deletedAt != after[i].deletedAt {
                            changedIndices.append(i)
                        }
                        continue
                    }
                    if oldByID == nil {
                        var index: [String: Int] = [:]
                        index.reserveCapacity(before.count)
                        for j in before.indices { index[before[j].id] = j }
                        oldByID = index
                    }
                    if let j = oldByID?[after[i].id], before[j].updatedAt == after[i].updatedAt,
                       before[j].deletedAt == after[i].deletedAt { continue }
                    changedIndices.append(i)
                }
            }
        }
        return changedIndices.isEmpty ? nil : changedIndices.map { new[$0] }
    }
}

extension Workshop {
    /// This workshop with the records of `entries` merged in, each by last-writer-wins. Lines of
    /// another workshop (another `workshopId`) are skipped.
    public func replaying(_ entries: [JournalEntry]) -> Workshop {
        let mine = entries.filter { $0.workshopId == id }
        guard !mine.isEmpty else { return self }
        // One partial workshop holding every journaled record, merged once: a journal of many
        // lines costs one pass over the 10,000 findings, not one per line.
        var partial = self
        partial.participantGroups = []
        partial.teams = []
        partial.categories = []
        partial.findings = []
        partial.synthesis = Synthesis()
        for entry in mine {
            var line = partial
            if let details = entry.details { line.details = details }
            if let plenary = entry.plenary { line.plenary = plenary }
            if let sessions = entry.sessions { line.sessions = sessions }
            line.participantGroups = entry.participantGroups ?? []
            line.teams = entry.teams ?? []
            line.categories = entry.categories ?? []
            line.findings = entry.findings ?? []
            line.synthesis = Synthesis(recommendations: entry.recommendations ?? [], partnerships: entry.partnerships ?? [],
                                       results: entry.results ?? [], difficulties: entry.difficulties ?? [],
                                       improvements: entry.improvements ?? [])
            partial = partial.merged(with: line)
        }
        return merged(with: partial)
    }
}
