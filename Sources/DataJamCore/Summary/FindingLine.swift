/// One finding as one line of text, tab-separated so scripts can cut it:
/// `id  team  kind[/category]  gender  author  text`.
public enum FindingLine {
    public static let plenaryName = "plenary"

    public static func format(_ finding: Finding, in workshop: Workshop) -> String {
        let team = finding.teamId.flatMap { workshop.teams.record(withID: $0)?.name } ?? plenaryName
        var kind = finding.kind.rawValue
        if let category = finding.category { kind += "/\(category)" }
        if let role = finding.actorRole { kind += "/\(role.rawValue)" }
        let text = finding.text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return [finding.id, team, kind, finding.gender ? "gender" : "-", finding.author ?? "-", text]
            .map { $0.replacingOccurrences(of: "\t", with: " ") }
            .joined(separator: "\t")
    }
}
