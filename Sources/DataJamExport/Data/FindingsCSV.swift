import DataJamCore

/// The findings of one or more workshops as one CSV table: one row per live finding, workshops
/// in the order given, findings in file order (see `CSVTable` for the encoding: UTF-8 with a BOM,
/// CRLF, RFC 4180 quoting).
///
/// Column names are stable English snake_case whatever the language, for scripts, and so are the
/// values: the session file's vocabulary (`constraint`, `data-need`, `unusable-format`, `re-user`,
/// `true`), and `plenary` for the team of a plenary finding in every language (`--lang` changes
/// the reports, never the data). Ids sit beside names so that rows join and filter reliably:
/// `workshop_id` beside the theme, `team_id` (empty in plenary) beside the team's name,
/// `category_id` (the stable slug) beside the category's label as typed.
public enum FindingsCSV {
    public static let columns = [
        "workshop_id", "workshop", "date", "team_id", "team", "kind", "category_id", "category", "text", "gender",
        "producer", "availability", "wanted_format", "sex_disaggregation", "relevance", "impact", "priority",
        "actor_role", "same_point_as", "author", "created_at", "updated_at", "id",
    ]

    public static func render(_ workshops: [Workshop], language: ReportLanguage) -> String {
        var rows: [[String]] = []
        for workshop in workshops.map({ $0.publishable() }) {
            for finding in workshop.findings {
                let need = finding.dataNeed
                rows.append([
                    workshop.id,
                    workshop.details.theme,
                    CSVCell.date(workshop.details.date),
                    CSVCell.text(finding.teamId),
                    workshop.exportTeamName(of: finding, language: .en),
                    finding.kind.rawValue,
                    CSVCell.text(finding.category),
                    workshop.exportCategoryLabel(of: finding),
                    finding.text,
                    CSVCell.bool(finding.gender),
                    CSVCell.text(need?.producer),
                    CSVCell.text(need?.availability?.rawValue),
                    CSVCell.text(need?.wantedFormat),
                    CSVCell.bool(need?.sexDisaggregation),
                    CSVCell.int(need?.relevance),
                    CSVCell.int(need?.impact),
                    CSVCell.int(need?.priority),
                    CSVCell.text(finding.actorRole?.rawValue),
                    CSVCell.text(finding.samePointAs),
                    CSVCell.text(finding.author),
                    CSVCell.time(finding.createdAt),
                    CSVCell.time(finding.updatedAt),
                    finding.id,
                ])
            }
        }
        return CSVTable(header: columns, rows: rows).render()
    }
}
