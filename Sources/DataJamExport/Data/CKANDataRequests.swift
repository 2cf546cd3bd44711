import DataJamCore
import Foundation

/// The data needs as requests for CKAN's ckanext-datarequests extension: a JSON array of the
/// objects its `datarequest_create` action takes, ready to POST one by one.
///
/// That action accepts `title` (required, at most 100 characters, unique in the portal ignoring
/// case), `description` (at most 1,000 characters) and `organization_id` (an existing
/// organisation's id or name, or empty); the extension reads no other field. So:
/// - `title`: the need on one line, cut after a whole word with "…" when too long; a title
///   already used in the array gets " (2)", " (3)"….
/// - `description`: the need as typed, then producer, availability, wanted format,
///   sex-disaggregation, relevance / impact / priority, team and workshop (theme, date, city),
///   labelled in `language`; the need's text is shortened first when everything does not fit.
/// - `organization_id`: the producer as a CKAN name (lower-case ASCII letters, digits, `-`), or
///   empty when there is none. CKAN refuses a name no organisation has: map or clear it before
///   posting if the portal names its organisations differently.
///
/// Lengths are counted in Unicode scalars, as Python does. A need marked as making the same
/// point as another data need of its workshop is folded into that one ("also raised by").
/// Requests are ordered by priority (highest first; unscored last), then workshop and file order.
public enum CKANDataRequests {
    public static let titleLimit = 100
    public static let descriptionLimit = 1000

    struct Request: Encodable, Equatable {
        var title: String
        var description: String
        var organization_id: String
    }

    public static func render(_ workshops: [Workshop], language: ReportLanguage) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings cannot fail.
        let data = (try? encoder.encode(requests(workshops, language: language))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Need {
        var workshop: Workshop
        var finding: Finding
        var details: DataNeedDetails
        var alsoBy: [String]
    }

    static func requests(_ workshops: [Workshop], language: ReportLanguage) -> [Request] {
        var needs: [Need] = []
        for workshop in workshops.map({ $0.publishable() }) {
            let all = workshop.findings.filter { $0.kind == .dataNeed && $0.dataNeed != nil }
            let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var groups: [String: [Finding]] = [:]
            for finding in all { groups[root(of: finding, in: byID), default: []].append(finding) }
            for finding in all {
                guard let members = groups[finding.id], let details = finding.dataNeed else { continue }
                var others: [String] = []
                for member in members where member.id != finding.id && member.teamId != finding.teamId {
                    let name = member.teamId == nil
                        ? language.pick(fr: "la plénière", en: "the plenary")
                        : workshop.exportTeamName(of: member, language: language)
                    if !others.contains(name) { others.append(name) }
                }
                needs.append(Need(workshop: workshop, finding: finding, details: details, alsoBy: others))
            }
        }
        // Stable: equal priorities keep workshop and file order.
        let ranked = needs.enumerated().sorted { a, b in
            let pa = a.element.details.priority ?? 0, pb = b.element.details.priority ?? 0
            return pa != pb ? pa > pb : a.offset < b.offset
        }.map(\.element)

        var usedTitles: Set<String> = []
        return ranked.map { need in
            let title = uniqueTitle(TextCut.oneLine(need.finding.text), used: &usedTitles)
            return Request(title: title, description: description(of: need, language: language),
                           organization_id: organizationName(need.details.producer ?? ""))
        }
    }

    /// The data need a chain of `samePointAs` links ends at (the smallest id of a cycle).
    private static func root(of finding: Finding, in needs: [String: Finding]) -> String {
        var path = [finding.id]
        var current = finding
        while let next = current.samePointAs, let target = needs[next] {
            if let start = path.firstIndex(of: next) { return path[start...].min()! }
            path.append(next)
            current = target
        }
        return current.id
    }

    private static func uniqueTitle(_ text: String, used: inout Set<String>) -> String {
        var title = TextCut.cut(text, to: titleLimit)
        var number = 2
        while used.contains(title.lowercased()) {
            let suffix = " (\(number))"
            title = TextCut.cut(text, to: titleLimit - TextCut.length(suffix)) + suffix
            number += 1
        }
        used.insert(title.lowercased())
        return title
    }

    private static func description(of need: Need, language: ReportLanguage) -> String {
        let t = language.pick
        let colon = t(" : ", ": ")
        let details = need.details
        var lines: [String] = []
        if let producer = details.producer, !producer.isEmpty {
            lines.append(t("Producteur pressenti", "Likely producer") + colon + producer)
        }
        if let availability = details.availability {
            let label = switch availability {
            case .available: t("publiées", "published")
            case .missing: t("non publiées", "not published")
            case .unusableFormat: t("publiées dans un format inexploitable (PDF scanné…)", "published in a form that cannot be reused (scanned PDF…)")
            }
            lines.append(t("Disponibilité", "Availability") + colon + label)
        }
        if let format = details.wantedFormat, !format.isEmpty {
            lines.append(t("Format souhaité", "Wanted format") + colon + format)
        }
        lines.append(t("Données ventilées par sexe", "Sex-disaggregated data") + colon
                     + (details.sexDisaggregation ? t("requises", "required") : t("non requises", "not required")))
        var scores: [String] = []
        if let relevance = details.relevance { scores.append(t("pertinence", "relevance") + colon + "\(relevance)/5") }
        if let impact = details.impact { scores.append("impact" + colon + "\(impact)/5") }
        if let priority = details.priority { scores.append(t("priorité", "priority") + colon + "\(priority)/25") }
        if !scores.isEmpty {
            var line = scores.joined(separator: t(" ; ", "; "))
            line = line.prefix(1).uppercased() + line.dropFirst()
            lines.append(line)
        }
        var team = need.finding.teamId == nil
            ? t("Exprimé en plénière", "Raised in plenary")
            : t("Exprimé par", "Raised by") + colon + need.workshop.exportTeamName(of: need.finding, language: language)
        if !need.alsoBy.isEmpty {
            team += t(" ; aussi par ", "; also by ") + need.alsoBy.joined(separator: ", ")
        }
        lines.append(team)
        let frame = need.workshop.details
        let workshop = [frame.theme, frame.date?.description ?? "", frame.city].filter { !$0.isEmpty }
        lines.append(t("Atelier data jam", "Data jam workshop") + colon + workshop.joined(separator: ", "))

        let facts = lines.joined(separator: "\n")
        let text = need.finding.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let room = descriptionLimit - TextCut.length(facts) - 2
        if room >= 100 {
            return TextCut.cut(text, to: room) + "\n\n" + facts
        }
        return TextCut.cut(text + "\n\n" + facts, to: descriptionLimit)
    }

    /// A CKAN organisation name for `producer`: lower-case ASCII letters, digits and dashes,
    /// 2 to 100 characters; empty when nothing is left.
    static func organizationName(_ producer: String) -> String {
        let folded = producer.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var name = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty, name.last != "-" {
                name.append("-")
            }
        }
        if name.count > 100 { name = String(name.prefix(100)) }
        while name.last == "-" { name.removeLast() }
        return name.count >= 2 ? name : ""
    }
}
