import DataJamCore
import Foundation

/// The data needs as requests for CKAN's ckanext-datarequests extension: a JSON array of the
/// objects its `datarequest_create` action takes, ready to POST one by one.
///
/// That action accepts `title` (required, at most 100 characters, unique in the portal ignoring
/// case), `description` (at most 1,000 characters) and `organization_id` (an existing
/// organisation's id or name, or empty); the extension reads no other field. So:
/// - `title`: the need on one line, cut after a whole word with "…" when too long. The same need
///   asked in several teams or workshops is one request (see `DataNeedMerge`), so titles repeat
///   only for needs with different producers: those get " — producer"; a title still taken (two
///   long needs cut to the same words) gets " (2)" as a last resort.
/// - `description`: the need as typed, then producer, availability, wanted format,
///   sex-disaggregation, relevance / impact / priority, and every workshop (theme, date, city) and
///   team that asked, labelled in `language`; the need's text is shortened first when everything
///   does not fit.
/// - `organization_id`: the producer as a CKAN name (lower-case ASCII letters, digits, `-`), or
///   empty when there is none. CKAN refuses a name no organisation has: map or clear it before
///   posting if the portal names its organisations differently.
///
/// Lengths are counted in Unicode scalars, as Python does. Requests are ordered by priority
/// (highest first; unscored last), then workshop and file order.
public enum CKANDataRequests {
    public static let titleLimit = 100
    public static let descriptionLimit = 1000

    struct Request: Encodable, Equatable {
        var title: String
        var description: String
        var organization_id: String
    }

    /// `links`: the programme file's, so that needs confirmed as the same across workshops are one request.
    public static func render(_ workshops: [Workshop], language: ReportLanguage, links: [FindingLink] = []) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings cannot fail.
        let data = (try? encoder.encode(requests(workshops, language: language, links: links))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func requests(_ workshops: [Workshop], language: ReportLanguage, links: [FindingLink] = []) -> [Request] {
        let published = workshops.map { $0.publishable() }.enumerated().map { (number: $0.offset + 1, workshop: $0.element) }
        let groups = DataNeedMerge.groups(published, links: links)
        // Stable: equal priorities keep workshop and file order.
        let ranked = groups.enumerated().sorted { a, b in
            let pa = a.element.details.priority ?? 0, pb = b.element.details.priority ?? 0
            return pa != pb ? pa > pb : a.offset < b.offset
        }.map(\.element)

        let titleCounts = Dictionary(ranked.map { (TextCut.cut(TextCut.oneLine($0.first.finding.text), to: titleLimit).lowercased(), 1) },
                                     uniquingKeysWith: +)
        var usedTitles: Set<String> = []
        return ranked.map { group in
            let details = group.details
            var text = TextCut.oneLine(group.first.finding.text)
            if titleCounts[TextCut.cut(text, to: titleLimit).lowercased(), default: 0] > 1,
               let producer = DataNeedMerge.nonEmpty(details.producer) {
                let suffix = " — " + TextCut.oneLine(producer)
                text = TextCut.cut(text, to: max(20, titleLimit - TextCut.length(suffix))) + suffix
            }
            let title = uniqueTitle(text, used: &usedTitles)
            return Request(title: title, description: description(of: group, language: language),
                           organization_id: organizationName(details.producer ?? ""))
        }
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

    private static func description(of group: DataNeedMerge.Group, language: ReportLanguage) -> String {
        let t = language.pick
        let colon = t(" : ", ": ")
        let details = group.details
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
        // Every workshop that asked, with its teams.
        var askers: [(workshop: Workshop, teams: [String])] = []
        for member in group.members {
            let team = member.workshop.exportTeamName(of: member.finding, language: language)
            if let i = askers.firstIndex(where: { $0.workshop.id == member.workshop.id }) {
                if !askers[i].teams.contains(team) { askers[i].teams.append(team) }
            } else {
                askers.append((member.workshop, [team]))
            }
        }
        let label = askers.count > 1 ? t("Demandé dans les ateliers data jam", "Asked in the data jam workshops")
            : t("Atelier data jam", "Data jam workshop")
        let list = askers.map { asker -> String in
            let frame = asker.workshop.details
            let place = [frame.date?.description ?? "", frame.city].filter { !$0.isEmpty }
            let workshop = frame.theme + (place.isEmpty ? "" : " (" + place.joined(separator: ", ") + ")")
            return workshop + " — " + t("demandé par", "asked by") + colon + asker.teams.joined(separator: ", ")
        }
        lines.append(label + colon + list.joined(separator: t(" ; ", "; ")))

        let facts = lines.joined(separator: "\n")
        let text = group.first.finding.text.trimmingCharacters(in: .whitespacesAndNewlines)
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
