extension Programme {
    /// This programme combined with another copy of it, as session files merge: every record of
    /// both, each resolved to its latest change (deletions included). Commutative, associative and
    /// idempotent (`LastWriterWins`), so copies merge in any order, any number of times.
    public func merged(with other: Programme) -> Programme {
        var result = self
        result.id = min(id, other.id)
        result.format = ProgrammeFormat.name
        result.version = ProgrammeFormat.currentVersion
        result.details = LastWriterWins.pick(details, other.details, updatedAt: \.updatedAt)
        result.results = LastWriterWins.merge(results, other.results)
        result.difficulties = LastWriterWins.merge(difficulties, other.difficulties)
        result.improvements = LastWriterWins.merge(improvements, other.improvements)
        result.recommendations = LastWriterWins.merge(recommendations, other.recommendations)
        result.links = LastWriterWins.merge(links, other.links)
        return result
    }
}
