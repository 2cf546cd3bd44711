import DataJamCore
import Foundation

/// Lays out the consolidated report of several workshops, complete on its own as a ministry
/// publishes it: a cover (issuer, programme, date, version, licence), a table of contents, a page
/// of key figures (top recurring barriers and needs, the gender figures missing), the general
/// frame, themes and objectives, a chapter per workshop as the seed's section 4 (date and place,
/// participants and organisations by group, the three sessions, teams and their scopes, every
/// finding by kind with constraints by category, data needs, channels, actors, use cases, what the
/// workshop alone concluded), then the synthesis across workshops (participants, constraints by
/// category, merged data needs, numbered recommendations, partnerships, results, difficulties,
/// ideas for next time), annexes and the licence notice. Texts several workshops share are printed once.
/// With the programme file (`ExportSettings.programme`), the synthesis takes the programme's own texts
/// and numbered recommendations from it, and barriers recur by its confirmed links first.
enum ConsolidatedReportBuilder {
    static func document(_ workshops: [Workshop], _ settings: ExportSettings) -> ReportDocument {
        document(ConsolidatedReport.build(workshops, programme: settings.programme), workshops: ConsolidatedReport.ordered(workshops), settings)
    }

    /// `workshops` in the report's order (`ConsolidatedReport.ordered`), for their chapters.
    static func document(_ report: ConsolidatedReport, workshops: [Workshop], _ settings: ExportSettings) -> ReportDocument {
        let words = ReportWords(settings.language)
        var document = ReportDocument(language: settings.language, title: words.consolidatedTitle)
        guard !report.workshops.isEmpty else {
            document.lead.paragraph(MarkdownText.inline(words.noWorkshop))
            return document
        }
        let layout = Layout(report: report, words: words)
        document.lead = layout.cover(settings.completedPublication, workshops)
        document.hasContents = true

        document.addUnnumbered(words.keyFigures, layout.keyFigures(), role: .summary)

        document.add(words.generalFrame, layout.shared(report.context) { blocks, items in
            for item in items { blocks.text(plain: item.text) }
        })
        document.add(words.themes, layout.themes())
        document.add(words.objectives, layout.shared(report.objectives) { blocks, items in
            blocks.list(items.map { MarkdownText.inline($0.text) })
        })

        document.addChapter(words.workshopsCourse, layout.workshopsTable())
        for (entry, workshop) in zip(report.workshops, workshops) {
            var body = MarkdownBlocks()
            var charts: [BarChart] = []
            let parts = WorkshopReportBuilder.parts(workshop, words, includeNotes: settings.includeNotes, chapter: true,
                                                    conclusion: layout.conclusion(of: entry.number, workshop))
            for part in parts {
                body.heading(4, plain: part.heading)
                body.append(part.body.shiftingHeadings(by: 2))
                charts += part.charts
            }
            document.addSub(words.workshopLabel(entry.number, entry.theme), body, charts: charts)
        }

        let groupRows = report.participants.groups.map { (name: $0.name, counts: $0.counts) }
        document.add(words.participants, layout.participants(),
                     charts: ParticipantFigures.chart(groupRows, words).map { [$0] } ?? [])

        document.add(words.recurringConstraints, layout.constraints(), charts: layout.constraintsChart().map { [$0] } ?? [])

        document.add(words.consolidatedDataNeeds, DataNeedTable.blocks(report.dataNeeds, words, showsWorkshop: true),
                     charts: DataNeedTable.chart(report.dataNeeds, words, showsWorkshop: true).map { [$0] } ?? [])

        document.add(words.recommendations, layout.recommendations())
        document.add(words.partnerships, layout.sharedPartnerships())
        for (title, items) in [(words.results, report.results), (words.difficulties, report.difficulties),
                               (words.improvements, report.improvements)] {
            document.add(title, layout.shared(items) { blocks, items in
                blocks.list(items.map { MarkdownText.inline($0.text) })
            })
        }

        document.addUnnumbered(words.annexOrganisations, layout.organisations(), role: .annex)
        document.addUnnumbered(words.annexMethod, layout.method(), role: .annex)
        document.addUnnumbered(words.annexSources, layout.sources(workshops), role: .annex)
        document.addUnnumbered(words.licenceHeading, layout.licence(settings.completedPublication, workshops), role: .annex)
        return document
    }

    struct Layout {
        let report: ConsolidatedReport
        let words: ReportWords

        var count: Int { report.workshops.count }

        func theme(_ number: Int) -> String { report.workshops.first { $0.number == number }?.theme ?? "" }

        /// "Atelier 3 – Data journalisme", "Commun aux 3 ateliers (1, 2 et 3)", "Commun aux ateliers 1 et 2";
        /// no workshop: the programme's own.
        func label(_ workshops: [Int]) -> String {
            if workshops.isEmpty { return words.wholeProgramme }
            return workshops.count == 1 ? words.workshopLabel(workshops[0], theme(workshops[0])) : words.workshopsList(workshops, of: count)
        }

        /// Items grouped by the workshops they come from, each group under a label; one workshop
        /// needs no label.
        func shared<T>(_ items: [T], _ workshops: (T) -> [Int],
                       _ write: (inout MarkdownBlocks, [T]) -> Void) -> MarkdownBlocks {
            var blocks = MarkdownBlocks()
            let groups = SharedTexts.byWorkshops(items, workshops)
            // A label says where items come from when there is more than one source: several
            // workshops, or the programme beside one workshop.
            let labelled = count > 1 || groups.count > 1
            for group in groups {
                if labelled { blocks.paragraph("**\(MarkdownText.inline(label(group.workshops)))**") }
                write(&blocks, group.items)
            }
            return blocks
        }

        func shared(_ items: [ConsolidatedReport.SharedText],
                    _ write: (inout MarkdownBlocks, [ConsolidatedReport.SharedText]) -> Void) -> MarkdownBlocks {
            shared(items, \.workshops, write)
        }

        func sharedPartnerships() -> MarkdownBlocks {
            shared(report.partnerships, \.workshops) { blocks, items in
                blocks.list(items.map {
                    WorkshopReportBuilder.partnership(producer: $0.producer, reuser: $0.reuser, subject: $0.subject, words)
                })
            }
        }

        func themes() -> MarkdownBlocks {
            var blocks = MarkdownBlocks()
            for entry in report.workshops where !WorkshopReportBuilder.isBlank(entry.focus) {
                blocks.heading(3, plain: words.workshopLabel(entry.number, entry.theme))
                blocks.text(plain: entry.focus)
            }
            return blocks
        }

        func workshopsTable() -> MarkdownBlocks {
            var blocks = MarkdownBlocks()
            var rows = report.workshops.map { entry in
                [String(entry.number), MarkdownText.cell(entry.theme),
                 entry.date.map { ReportDate.written($0, words.language) } ?? "—", MarkdownText.cell(entry.city),
                 ParticipantFigures.display(entry.participants.headcount, words), String(entry.teams), String(entry.findings)]
            }
            if count > 1 {
                let participants = report.workshops.map(\.participants.headcount).reduce(.empty, +)
                rows.append(["**\(words.total)**", "", "", "", "**\(ParticipantFigures.display(participants, words))**",
                             "**\(report.workshops.map(\.teams).reduce(0, +))**",
                             "**\(report.workshops.map(\.findings).reduce(0, +))**"])
            }
            blocks.table(header: ["#", words.theme, words.date, words.city, words.participants, words.teams, words.findings],
                         rows: rows)
            return blocks
        }

        func participants() -> MarkdownBlocks {
            var blocks = MarkdownBlocks()
            let groups = report.participants.groups
            guard !groups.isEmpty else { return blocks }
            let rows = groups.map { (name: $0.name, counts: $0.counts) }
            var extra: (header: [String], cells: [[String]])?
            if count > 1 {
                extra = (report.workshops.map { words.workshopNumber($0.number) },
                         groups.map { group in
                             report.workshops.map { entry in
                                 group.byWorkshop.first { $0.workshop == entry.number }
                                     .map { ParticipantFigures.display($0.counts.headcount, words) } ?? "—"
                             }
                         })
            }
            blocks.append(ParticipantFigures.table(rows, total: report.participants.total, words, extraColumns: extra))
            blocks.paragraph(MarkdownText.inline(ParticipantFigures.balance(report.participants.total, words)))
            return blocks
        }

        func categoryLabel(_ row: ConsolidatedReport.CategoryRow) -> String { row.label ?? words.uncategorised }

        func constraints() -> MarkdownBlocks {
            var blocks = MarkdownBlocks()
            let rows = report.constraintCategories
            guard !rows.isEmpty else { return blocks }
            var header = [words.constraintCategory] + report.workshops.map { words.workshopNumber($0.number) }
            if count > 1 { header.append(words.total) }
            var cells = rows.map { row in
                [MarkdownText.cell(categoryLabel(row))]
                    + row.counts.map { $0.constraints == 0 && !$0.isConfigured ? words.notConfigured : String($0.constraints) }
                    + (count > 1 ? [String(row.total)] : [])
            }
            if rows.count > 1 {
                let totals = report.workshops.map(\.constraints)
                cells.append(["**\(words.total)**"] + totals.map { "**\($0)**" }
                    + (count > 1 ? ["**\(totals.reduce(0, +))**"] : []))
            }
            blocks.table(header: header, rows: cells)
            blocks.paragraph(MarkdownText.inline(words.configuredNote))
            guard count > 1 else { return blocks }
            blocks.append(recurrence())
            // Without a confirmed link, recurrence rests on category names alone: said of every category.
            if report.recurringPoints.isEmpty {
                if report.categoriesInAllWorkshops.isEmpty {
                    blocks.paragraph(MarkdownText.inline(words.noneInAllWorkshops(count)))
                } else {
                    blocks.paragraph(MarkdownText.inline(words.inAllWorkshops(report.categoriesInAllWorkshops, count)))
                }
                let several = rows.filter { $0.label != nil && $0.workshopsRaising.count > 1 && $0.workshopsRaising.count < count }
                if !several.isEmpty {
                    blocks.paragraph(MarkdownText.inline(words.inSeveralWorkshops(several.map { (categoryLabel($0), $0.workshopsRaising) })))
                }
            }
            let gender = report.workshops.map(\.genderConstraints)
            if gender.allSatisfy({ $0 > 0 }) {
                blocks.paragraph(MarkdownText.inline(words.genderInAllWorkshops(gender)))
            }
            return blocks
        }

        func constraintsChart() -> BarChart? {
            let rows = report.constraintCategories
            guard !rows.isEmpty else { return nil }
            let series = report.workshops.enumerated().map { i, entry in
                BarChart.Series(name: words.workshopLabel(entry.number, entry.theme), color: BarChart.color(i))
            }
            let bars = rows.map { BarChart.Bar(label: categoryLabel($0), values: $0.counts.map(\.constraints)) }
            return BarChart(title: words.constraintsAcrossChartTitle, caption: words.constraintsAcrossChartCaption,
                            series: series, bars: bars, scaleMax: nil)
        }
    }
}
