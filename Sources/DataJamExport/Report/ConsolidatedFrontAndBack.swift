import DataJamCore
import Foundation

// What a published consolidated report carries around its chapters: the cover, the page of key
// figures, each workshop's own conclusion, the numbered recommendations, the annexes and the
// licence notice.

extension ConsolidatedReportBuilder.Layout {
    /// Issuer, programme, publication date, version and licence, those that are known.
    func cover(_ publication: Publication, _ workshops: [Workshop]) -> MarkdownBlocks {
        var fields: [String] = []
        if let issuer = publication.issuer, !WorkshopReportBuilder.isBlank(issuer) {
            fields.append(WorkshopReportBuilder.field(words.issuer, MarkdownText.inline(issuer), words))
        }
        if let programme = publication.programme, !WorkshopReportBuilder.isBlank(programme) {
            fields.append(WorkshopReportBuilder.field(words.programme, MarkdownText.inline(programme), words))
        }
        let day = WorkshopDate.day(of: Timestamp(publication.moment(workshops)))
        fields.append(WorkshopReportBuilder.field(words.publishedOn, ReportDate.written(day, words.language), words))
        fields.append(WorkshopReportBuilder.field(words.version, MarkdownText.inline(publication.version), words))
        fields.append(WorkshopReportBuilder.field(words.licence, MarkdownText.inline(publication.license.id), words))
        var blocks = MarkdownBlocks()
        blocks.list(fields)
        return blocks
    }

    /// One page: the workshops, who came, what was recorded, the gender figures that are missing,
    /// the barriers that recur most and the data needs asked most.
    func keyFigures() -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let entries = report.workshops
        let dates = entries.compactMap(\.date).sorted()
        var when = ""
        if let first = dates.first, let last = dates.last {
            when = first == last ? ReportDate.written(first, words.language)
                : words.dateRange(ReportDate.written(first, words.language), ReportDate.written(last, words.language))
        }
        let cities = entries.map(\.city).filter { !WorkshopReportBuilder.isBlank($0) }
        var uniqueCities: [String] = []
        for city in cities where !uniqueCities.contains(where: { TextKey.of($0) == TextKey.of(city) }) { uniqueCities.append(city) }
        var lines = [words.workshopsFigure(entries.count, when: when, places: uniqueCities.map(MarkdownText.inline))]
        let total = report.participants.total.headcount
        let groups = report.participants.groups.map { group in
            words.colon(MarkdownText.inline(group.name)) + ParticipantFigures.display(group.counts.headcount, words)
        }
        lines.append(words.participantsFigure(ParticipantFigures.display(total, words), groups: groups))
        let teams = entries.map(\.teams).reduce(0, +), findings = entries.map(\.findings).reduce(0, +)
        let constraints = entries.map(\.constraints).reduce(0, +)
        let requests = report.dataNeeds.map(\.askedBy.count).reduce(0, +)
        lines.append(words.recordedFigure(teams: teams, findings: findings, constraints: constraints,
                                          needs: report.dataNeeds.count, requests: requests))
        blocks.list(lines)
        if let gap = genderGap() { blocks.paragraph(gap) }

        let barriers = topBarriers()
        if !barriers.isEmpty {
            blocks.heading(3, plain: words.topBarriers)
            blocks.numberedList(barriers)
        }
        let needs = topNeeds()
        if !needs.isEmpty {
            blocks.heading(3, plain: words.topNeeds)
            blocks.numberedList(needs)
        }
        return blocks
    }

    /// Gender balance is one of the programme's objectives: a missing count is a gap to state.
    func genderGap() -> String? {
        let groups = report.participants.groups.flatMap(\.byWorkshop)
        let missing = groups.filter { !$0.counts.women.isComplete || !$0.counts.men.isComplete }.count
        guard missing > 0 else { return nil }
        return "**" + MarkdownText.inline(words.colon(words.gap).trimmingCharacters(in: .whitespaces)) + "** "
            + MarkdownText.inline(words.genderGap(missing: missing, of: groups.count))
    }

    /// The barriers that recur most: first the points confirmed as the same across workshops (the
    /// programme file's links), then, for constraints no link covers, the categories raised in
    /// the most workshops. Each line says which count it rests on.
    func topBarriers(limit: Int = 5) -> [String] {
        var lines = report.recurringPoints.filter(\.isBarrier).prefix(limit).map { point in
            "**\(MarkdownText.inline(point.label))** — "
                + MarkdownText.inline(words.linkedRecurrence(workshops: point.workshops, of: count, findings: point.findings.count))
        }
        let rows = report.recurringCategoriesWithoutLinks
        let sorted = rows.enumerated().sorted { a, b in
            let wa = a.element.workshops.count, wb = b.element.workshops.count
            if wa != wb { return wa > wb }
            if a.element.constraints != b.element.constraints { return a.element.constraints > b.element.constraints }
            return a.offset < b.offset
        }.map(\.element).prefix(max(0, limit - lines.count))
        lines += sorted.map { row in
            "**\(MarkdownText.inline(row.label))** — "
                + MarkdownText.inline(words.categoryRecurrence(workshops: row.workshops, of: count, constraints: row.constraints))
        }
        return lines
    }

    /// The points linked across workshops, each with the findings that make it and where they
    /// were filed; then the categories that recur among constraints without a link. Says first
    /// which count the report uses.
    func recurrence() -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        guard count > 1 else { return blocks }
        blocks.paragraph(MarkdownText.inline(words.recurrenceBasis(links: report.recurringPoints.count,
                                                                   hasProgramme: report.programme != nil)))
        for (barriers, heading) in [(true, words.linkedBarriersHeading), (false, words.linkedPointsHeading)] {
            let points = report.recurringPoints.filter { $0.isBarrier == barriers }
            guard !points.isEmpty else { continue }
            blocks.heading(3, plain: heading)
            blocks.nestedList(points.map { point in
                (item: "**\(MarkdownText.inline(point.label))** — "
                    + MarkdownText.inline(words.linkedRecurrence(workshops: point.workshops, of: count, findings: point.findings.count)),
                 subItems: point.findings.map { finding in
                     MarkdownText.inline(words.colon(words.linkedFindingSource(finding.workshop, category: finding.category)) + finding.text)
                 })
            })
        }
        // With links, the categories that still recur among the constraints no link covers;
        // without any, the category sentences after this say it for every constraint.
        let rows = report.recurringCategoriesWithoutLinks
        if !report.recurringPoints.isEmpty, !rows.isEmpty {
            blocks.heading(3, plain: words.unlinkedCategoriesHeading)
            blocks.list(rows.map { row in
                "**\(MarkdownText.inline(row.label))** — "
                    + MarkdownText.inline(words.categoryRecurrence(workshops: row.workshops, of: count, constraints: row.constraints))
            })
        }
        return blocks
    }

    /// The data needs asked by the most workshops, then by the most teams, then by priority.
    func topNeeds(limit: Int = 5) -> [String] {
        let sorted = report.dataNeeds.enumerated().sorted { a, b in
            let wa = Set(a.element.askedBy.map(\.workshop)).count, wb = Set(b.element.askedBy.map(\.workshop)).count
            if wa != wb { return wa > wb }
            if a.element.askedBy.count != b.element.askedBy.count { return a.element.askedBy.count > b.element.askedBy.count }
            if a.element.priority != b.element.priority { return (a.element.priority ?? 0) > (b.element.priority ?? 0) }
            return a.offset < b.offset
        }.map(\.element).prefix(limit)
        return sorted.map { need in
            var workshops: [Int] = []
            for asker in need.askedBy where !workshops.contains(asker.workshop) { workshops.append(asker.workshop) }
            return MarkdownText.inline(need.text) + " — "
                + MarkdownText.inline(words.needRecurrence(workshops: workshops, requests: need.askedBy.count))
        }
    }

    /// What this workshop alone concluded: its synthesis items that no other workshop shares
    /// (those shared are in the synthesis chapters, once).
    func conclusion(of number: Int, _ workshop: Workshop) -> Synthesis {
        func only(_ shared: [ConsolidatedReport.SharedText], _ items: [SynthesisItem]) -> [SynthesisItem] {
            let own = Set(shared.filter { $0.workshops == [number] }.map { TextKey.of($0.text) })
            return items.live.filter { own.contains(TextKey.of($0.text.trimmingCharacters(in: .whitespacesAndNewlines))) }
        }
        var synthesis = Synthesis()
        synthesis.results = only(report.results, workshop.synthesis.results)
        synthesis.difficulties = only(report.difficulties, workshop.synthesis.difficulties)
        synthesis.improvements = only(report.improvements, workshop.synthesis.improvements)
        synthesis.recommendations = only(report.recommendations.map { ConsolidatedReport.SharedText(text: $0.text, workshops: $0.workshops) },
                                         workshop.synthesis.recommendations)
        return synthesis
    }

    /// Every recommendation once, numbered: the programme's with their owner and deadline when
    /// known, then the workshops', each with the workshops it comes from.
    func recommendations() -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let labelled = count > 1 || report.recommendations.contains { $0.workshops.isEmpty }
        blocks.numberedList(report.recommendations.map { item in
            var line = MarkdownText.inline(item.text)
            let who = words.ownerAndDeadline(owner: item.owner, deadline: item.deadline.map { ReportDate.written($0, words.language) })
            if !who.isEmpty { line += " — *" + MarkdownText.inline(who) + "*" }
            if labelled, !item.workshops.isEmpty { line += " *(" + MarkdownText.inline(label(item.workshops)) + ")*" }
            return line
        })
        return blocks
    }

    /// Annex: every organisation represented, by participant group, with the workshops it came to.
    func organisations() -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        for group in report.participants.groups {
            var order: [String] = []
            var names: [String: String] = [:]
            var workshops: [String: [Int]] = [:]
            for entry in group.byWorkshop {
                for organisation in entry.organisations where !WorkshopReportBuilder.isBlank(organisation) {
                    let key = TextKey.of(organisation)
                    if names[key] == nil {
                        order.append(key)
                        names[key] = organisation.trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                    if workshops[key]?.contains(entry.workshop) != true { workshops[key, default: []].append(entry.workshop) }
                }
            }
            guard !order.isEmpty else { continue }
            blocks.heading(3, plain: "\(group.name) (\(order.count))")
            blocks.list(order.map { key in
                MarkdownText.inline(names[key] ?? key) + (count > 1 ? " (" + MarkdownText.inline(words.workshopsShort(workshops[key] ?? [])) + ")" : "")
            })
        }
        return blocks
    }

    /// Annex: how the figures were made, so that a reader can check them.
    func method() -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        blocks.list(words.methodNotes.map(MarkdownText.inline))
        return blocks
    }

    /// Annex: the session files the report was built from.
    func sources(_ workshops: [Workshop]) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let rows = zip(report.workshops, workshops).map { entry, workshop in
            [String(entry.number), MarkdownText.cell(entry.theme), "`\(entry.id.replacingOccurrences(of: "`", with: ""))`",
             ReportDate.written(WorkshopDate.day(of: workshop.lastChange), words.language)]
        }
        blocks.table(header: ["#", words.theme, words.workshopID, words.lastChange], rows: rows)
        return blocks
    }

    func licence(_ publication: Publication, _ workshops: [Workshop]) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        let day = ReportDate.written(WorkshopDate.day(of: Timestamp(publication.moment(workshops))), words.language)
        blocks.paragraph(MarkdownText.inline(words.licenceNotice(publication.license, issuer: publication.issuer,
                                                                 title: words.consolidatedTitle,
                                                                 version: publication.version, date: day)))
        return blocks
    }
}
