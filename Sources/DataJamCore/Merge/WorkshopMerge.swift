extension Workshop {
    /// This workshop combined with another copy of it: every record of both, each resolved to its
    /// latest change (deletions included). Used by every save (to keep what other processes wrote
    /// meanwhile) and by `datajam merge`.
    public func merged(with other: Workshop) -> Workshop {
        var result = self
        result.id = min(id, other.id)
        result.format = SessionFormat.name
        result.version = SessionFormat.currentVersion
        result.details = LastWriterWins.pick(details, other.details, updatedAt: \.updatedAt)
        result.plenary = LastWriterWins.pick(plenary, other.plenary, updatedAt: \.updatedAt)
        var sessionsByPhase: [DaySession.Phase: DaySession] = [:]
        for session in sessions + other.sessions {
            sessionsByPhase[session.id] = sessionsByPhase[session.id].map {
                LastWriterWins.pick($0, session, updatedAt: \.updatedAt)
            } ?? session
        }
        result.sessions = sessionsByPhase.values.sorted { $0.id < $1.id }
        result.participantGroups = LastWriterWins.merge(participantGroups, other.participantGroups)
        result.teams = LastWriterWins.merge(teams, other.teams)
        result.categories = LastWriterWins.merge(categories, other.categories)
        result.findings = LastWriterWins.merge(findings, other.findings)
        result.synthesis.partnerships = LastWriterWins.merge(synthesis.partnerships, other.synthesis.partnerships)
        for section in Synthesis.Section.allCases {
            result.synthesis[section] = LastWriterWins.merge(synthesis[section], other.synthesis[section])
        }
        // A copy saved before a merge folded a team may still file findings under it.
        FoldedRecords.followFolds(in: &result)
        return result
    }
}
