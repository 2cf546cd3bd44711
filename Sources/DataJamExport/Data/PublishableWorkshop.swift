import DataJamCore

extension Workshop {
    /// What the exports publish of this workshop: the records that are not deleted, so that
    /// nothing a user deleted comes back in an export, and no link points to nothing.
    ///
    /// - A deleted team or category that a live finding still belongs to is kept (as it is,
    ///   `deletedAt` included): the finding is real content and its team is a fact about it.
    ///   Clearing the link instead would move a team's finding to the plenary.
    /// - `samePointAs` pointing to a finding that is not published (deleted, missing, itself) is
    ///   cleared: keeping the deleted finding would publish deleted text.
    func publishable() -> Workshop {
        var w = self
        let liveFindings = findings.live
        let published = Set(liveFindings.map(\.id))
        w.findings = liveFindings.map { finding in
            var finding = finding
            if let other = finding.samePointAs, other == finding.id || !published.contains(other) {
                finding.samePointAs = nil
            }
            return finding
        }
        let usedTeams = Set(w.findings.compactMap(\.teamId))
        w.teams = teams.filter { !$0.isDeleted || usedTeams.contains($0.id) }
        let usedCategories = Set(w.findings.compactMap(\.category))
        w.categories = categories.filter { !$0.isDeleted || usedCategories.contains($0.id) }
        w.participantGroups = participantGroups.live
        for section in Synthesis.Section.allCases {
            w.synthesis[section] = synthesis[section].live
        }
        w.synthesis.partnerships = synthesis.partnerships.live
        return w
    }

    /// The name of the team a finding belongs to, or `plenary` in `language`.
    func exportTeamName(of finding: Finding, language: ReportLanguage) -> String {
        guard let id = finding.teamId else { return language.pick(fr: "plénière", en: "plenary") }
        return teams.record(withID: id)?.name ?? id
    }

    /// A constraint's category label (its id when the category is unknown); empty for other kinds.
    func exportCategoryLabel(of finding: Finding) -> String {
        guard let id = finding.category else { return "" }
        return categories.record(withID: id)?.label ?? id
    }
}
