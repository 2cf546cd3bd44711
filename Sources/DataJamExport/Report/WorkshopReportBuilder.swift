import DataJamCore

/// Lays out the report of one workshop, following the seed's structure: the frame, the
/// participants, the course of the day, the teams' and the plenary's findings, the cross-team
/// views (constraints by category, ranked data needs, channels, actors, use cases, shared points)
/// and the synthesis. Sections with nothing in them are left out.
enum WorkshopReportBuilder {
    static func document(_ workshop: Workshop, _ settings: ExportSettings) -> ReportDocument {
        let words = ReportWords(settings.language)
        var document = ReportDocument(language: settings.language, title: words.workshopTitle(workshop.details.theme))
        for part in parts(workshop, words, includeNotes: settings.includeNotes) {
            document.add(part.heading, part.body, charts: part.charts)
        }
        return document
    }

    /// The report's sections, unnumbered and only those with something in them. As a chapter of
    /// the consolidated report (`chapter`), the frame leaves out the focus, context and objectives
    /// (the consolidated report gives them for all workshops at once) and the synthesis is the
    /// `conclusion` given: what this workshop alone says.
    static func parts(_ workshop: Workshop, _ words: ReportWords, includeNotes: Bool,
                      chapter: Bool = false, conclusion: Synthesis? = nil) -> [ReportSection] {
        let index = WorkshopIndex(workshop)
        let lists = FindingLists(index: index, words: words)
        var parts: [ReportSection] = []
        func add(_ heading: String, _ body: MarkdownBlocks, charts: [BarChart] = []) {
            guard !body.isEmpty else { return }
            parts.append(ReportSection(heading: heading, body: body, charts: charts))
        }

        add(words.frame, frame(index, words, withBackground: !chapter))

        let groups = workshop.participantGroups.live
        let rows = groups.map { (name: $0.name, counts: ConsolidatedReport.GenderCounts($0)) }
        add(words.participants, participants(groups, rows, words),
            charts: ParticipantFigures.chart(rows, words).map { [$0] } ?? [])

        add(words.courseOfTheDay, courseOfTheDay(workshop, words, includeNotes: includeNotes))
        add(words.teamWork, teamWork(index, lists, words))
        add(words.plenaryWork, plenary(index, lists, words))

        let matrix = ConstraintMatrix(index, words)
        add(words.constraintsByCategory, matrix.table(lists, words),
            charts: matrix.chart(lists, words).map { [$0] } ?? [])

        let needs = DataNeedRanking.rank([(1, index)])
        add(words.rankedDataNeeds, DataNeedTable.blocks(needs, words, showsWorkshop: false),
            charts: DataNeedTable.chart(needs, words, showsWorkshop: false).map { [$0] } ?? [])

        add(words.channels, crossTeam(.channel, index, words))
        add(words.actorsNamed, actors(index, words))
        add(words.useCases, crossTeam(.useCase, index, words))
        add(words.sharedPoints, sharedPoints(index, lists, words))
        if chapter {
            add(words.conclusion, synthesis(conclusion ?? Synthesis(), words))
        } else {
            add(words.synthesis, synthesis(workshop.synthesis, words))
        }
        return parts
    }

    /// "**Label :** value"
    static func field(_ label: String, _ value: String, _ words: ReportWords) -> String {
        "**\(words.colon(MarkdownText.inline(label)).trimmingCharacters(in: .whitespaces))** \(value)"
    }

    private static func frame(_ index: WorkshopIndex, _ words: ReportWords, withBackground: Bool) -> MarkdownBlocks {
        let details = index.workshop.details
        var fields: [String] = []
        if !details.theme.isEmpty { fields.append(field(words.theme, MarkdownText.inline(details.theme), words)) }
        if let date = details.date { fields.append(field(words.date, ReportDate.written(date, words.language), words)) }
        if !details.city.isEmpty { fields.append(field(words.place, MarkdownText.inline(details.city), words)) }
        let groups = index.workshop.participantGroups.live
        if !groups.isEmpty {
            let total = ConsolidatedReport.Count.sum(groups.map(\.headcount))
            fields.append(field(words.participants, ParticipantFigures.display(total, words), words))
        }
        let teams = index.workshop.teams.live
        if !teams.isEmpty {
            let names = teams.map { MarkdownText.inline($0.name) }.joined(separator: words.semicolon)
            fields.append(field(words.teams, "\(teams.count) (\(names))", words))
        }
        if !index.findings.isEmpty {
            let parts = FindingLists.kindOrder.compactMap { kind -> String? in
                let n = index.findings.filter { $0.kind == kind }.count
                return n == 0 ? nil : words.kindCount(kind, n)
            }
            fields.append(field(words.findingsRecorded, "\(index.findings.count) (\(parts.joined(separator: ", ")))", words))
        }
        var blocks = MarkdownBlocks()
        blocks.list(fields)
        guard withBackground else { return blocks }
        if !isBlank(details.focus) {
            blocks.heading(3, plain: words.focus)
            blocks.text(plain: details.focus)
        }
        if !isBlank(details.context) {
            blocks.heading(3, plain: words.context)
            blocks.text(plain: details.context)
        }
        let objectives = details.objectives.filter { !isBlank($0) }
        if !objectives.isEmpty {
            blocks.heading(3, plain: words.objectives)
            blocks.list(objectives.map(MarkdownText.inline))
        }
        return blocks
    }

    private static func participants(_ groups: [ParticipantGroup],
                                     _ rows: [(name: String, counts: ConsolidatedReport.GenderCounts)],
                                     _ words: ReportWords) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        guard !groups.isEmpty else { return blocks }
        let total = rows.map(\.counts).reduce(.empty, +)
        blocks.append(ParticipantFigures.table(rows, total: total, words))
        blocks.paragraph(MarkdownText.inline(ParticipantFigures.balance(total, words)))
        for group in groups {
            let organisations = group.organisations.filter { !isBlank($0) }
            guard !organisations.isEmpty else { continue }
            let label = words.colon("\(words.organisationsRepresented) (\(organisations.count))")
                .trimmingCharacters(in: .whitespaces)
            blocks.paragraph("**\(MarkdownText.inline(group.name))** — \(label)")
            blocks.list(organisations.map(MarkdownText.inline))
        }
        return blocks
    }

    private static func courseOfTheDay(_ workshop: Workshop, _ words: ReportWords, includeNotes: Bool) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let day = workshop.details.date
        let zone = workshop.timeZone
        for session in workshop.sessions.sorted(by: { $0.id < $1.id }) {
            let outline = session.outline.filter { !isBlank($0.title) || !$0.points.isEmpty }
            var timing: [String] = []
            if let planned = session.plannedMinutes {
                timing.append(words.colon(words.planned) + words.minutes(planned))
            }
            if let start = session.startedAt {
                timing.append(words.colon(words.start) + ReportDate.time(start, workshopDay: day, zone: zone, words.language))
            }
            if let end = session.endedAt {
                var text = words.colon(words.end) + ReportDate.time(end, workshopDay: day, zone: zone, words.language)
                if let start = session.startedAt, let minutes = ReportDate.minutes(from: start, to: end) {
                    text += " (" + words.colon(words.actualDuration) + words.minutes(minutes) + ")"
                }
                timing.append(text)
            }
            // The facilitator's notes are private: only in a report that asks for them.
            let notes = session.id == .presentation && includeNotes ? workshop.details.facilitatorNotes : ""
            guard !isBlank(session.title) || !outline.isEmpty || !timing.isEmpty || !isBlank(notes) else { continue }
            blocks.heading(3, plain: words.session(session.id.number, session.title.trimmingCharacters(in: .whitespaces)))
            blocks.paragraph(timing.map(MarkdownText.inline).joined(separator: " · "))
            if !outline.isEmpty {
                blocks.paragraph("**\(words.colon(words.outline).trimmingCharacters(in: .whitespaces))**")
                blocks.nestedList(outline.map { item in
                    (MarkdownText.inline(item.title), item.points.filter { !isBlank($0) }.map(MarkdownText.inline))
                })
            }
            if !isBlank(notes) {
                blocks.paragraph("**\(words.colon(words.facilitatorNotes).trimmingCharacters(in: .whitespaces))**")
                blocks.text(plain: notes)
            }
        }
        return blocks
    }

    private static func teamWork(_ index: WorkshopIndex, _ lists: FindingLists, _ words: ReportWords) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        var silent: [String] = []
        for entry in index.teams {
            let team = entry.team
            let findings = index.findings(ofTeam: entry.id)
            var fields: [String] = []
            if let scope = team?.scope, !isBlank(scope) { fields.append(field(words.scope, MarkdownText.inline(scope), words)) }
            if let rapporteur = team?.rapporteur, !isBlank(rapporteur) {
                fields.append(field(words.rapporteur, MarkdownText.inline(rapporteur), words))
            }
            let organisations = (team?.organisations ?? []).filter { !isBlank($0) }
            if !organisations.isEmpty {
                fields.append(field(words.organisations, organisations.map(MarkdownText.inline).joined(separator: words.semicolon), words))
            }
            guard !fields.isEmpty || !findings.isEmpty else {
                silent.append(entry.name)
                continue
            }
            var heading = words.team(entry.name)
            if entry.isDeleted { heading += " (\(words.deletedTeam))" }
            blocks.heading(3, plain: heading)
            blocks.list(fields)
            blocks.append(lists.byKind(findings, level: 4))
        }
        guard !index.teams.isEmpty else { return blocks }
        if blocks.isEmpty {
            let names = index.teams.map { MarkdownText.inline($0.name) }.joined(separator: words.semicolon)
            blocks.paragraph(field(words.teams, names, words))
            if !index.plenaryFindings.isEmpty { blocks.paragraph(MarkdownText.inline(words.onlyPlenaryFindings)) }
        } else if !silent.isEmpty {
            blocks.paragraph(field(words.teamsWithoutFindings, silent.map(MarkdownText.inline).joined(separator: words.semicolon), words))
        }
        return blocks
    }

    private static func plenary(_ index: WorkshopIndex, _ lists: FindingLists, _ words: ReportWords) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let findings = index.plenaryFindings
        guard !findings.isEmpty else { return blocks }
        let scope = index.workshop.plenary.scope
        if !isBlank(scope) { blocks.paragraph(field(words.exercise, MarkdownText.inline(scope), words)) }
        blocks.append(lists.byKind(findings, level: 3))
        return blocks
    }

    /// Channels or use cases from several teams (or teams and plenary), each once with its sources.
    private static func crossTeam(_ kind: FindingKind, _ index: WorkshopIndex, _ words: ReportWords) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let findings = index.findings.filter { $0.kind == kind }
        guard CrossTeamList.hasSeveralSources(findings) else { return blocks }
        blocks.list(CrossTeamList.items(findings, index, words))
        return blocks
    }

    private static func actors(_ index: WorkshopIndex, _ words: ReportWords) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let findings = index.findings.filter { $0.kind == .actor }
        guard CrossTeamList.hasSeveralSources(findings) else { return blocks }
        let roles: [(ActorRole?, String)] = [(.producer, words.producers), (.reuser, words.reusers), (nil, words.roleNotStated)]
        for (role, label) in roles {
            let withRole = findings.filter { $0.actorRole == role }
            guard !withRole.isEmpty else { continue }
            blocks.heading(3, plain: label)
            blocks.list(CrossTeamList.items(withRole, index, words))
        }
        return blocks
    }

    private static func sharedPoints(_ index: WorkshopIndex, _ lists: FindingLists, _ words: ReportWords) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let groups = SamePointGroups.groups(index)
        guard !groups.isEmpty else { return blocks }
        blocks.nestedList(groups.map { group in
            let described = group.map { finding -> String in
                var line = MarkdownText.inline(finding.text)
                if finding.gender { line += words.genderMark(finding.text) }
                return line + " (" + MarkdownText.inline(lists.sourceName(finding.teamId)) + ")"
            }
            return (described[0], Array(described.dropFirst()))
        })
        return blocks
    }

    static func synthesis(_ synthesis: Synthesis, _ words: ReportWords) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let recommendations = texts(synthesis.recommendations)
        if !recommendations.isEmpty {
            blocks.heading(3, plain: words.recommendations)
            blocks.numberedList(recommendations.map(MarkdownText.inline))
        }
        let partnerships = synthesis.partnerships.live
        if !partnerships.isEmpty {
            blocks.heading(3, plain: words.partnerships)
            blocks.list(partnerships.map { partnership(producer: $0.producer, reuser: $0.reuser, subject: $0.subject, words) })
        }
        for (title, items) in [(words.results, synthesis.results), (words.difficulties, synthesis.difficulties),
                               (words.improvements, synthesis.improvements)] {
            let list = texts(items)
            guard !list.isEmpty else { continue }
            blocks.heading(3, plain: title)
            blocks.list(list.map(MarkdownText.inline))
        }
        return blocks
    }

    /// "**SNCFT** ↔ **Thnity** : horaires ouverts"
    static func partnership(producer: String, reuser: String, subject: String, _ words: ReportWords) -> String {
        let producerText = isBlank(producer) ? words.notRecorded : "**\(MarkdownText.inline(producer))**"
        let reuserText = isBlank(reuser) ? words.notRecorded : "**\(MarkdownText.inline(reuser))**"
        var line = "\(producerText) ↔ \(reuserText)"
        if !isBlank(subject) { line += words.colon("") + MarkdownText.inline(subject) }
        return line
    }

    private static func texts(_ items: [SynthesisItem]) -> [String] {
        items.live.map(\.text).filter { !isBlank($0) }
    }

    static func isBlank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
