import DataJamCore
import Foundation

/// What a consolidated report says about several workshops, as the seed's synthesis of three
/// workshops does: the workshops at a glance, participants by group and gender, constraint
/// categories and the barriers found in every workshop, all data needs ranked, and the synthesis
/// lists with the texts the workshops share printed once.
///
/// `MarkdownReport.consolidated` and `HTMLReport.consolidated` write it out; `report --format json`
/// encodes it. Only live records count (never those with `deletedAt`). Workshops are numbered by
/// date (undated ones last, in the order given).
public struct ConsolidatedReport: Codable, Sendable {
    public var workshops: [WorkshopEntry]
    public var participants: Participants
    /// Constraint categories that have at least one constraint, in the order they first appear.
    public var constraintCategories: [CategoryRow]
    /// Labels of the categories under which every workshop raised at least one constraint;
    /// empty when there are fewer than two workshops.
    public var categoriesInAllWorkshops: [String]
    public var dataNeeds: [RankedDataNeed]
    /// The programme file's name and issuer; nil when the report has no programme file.
    public var programme: ProgrammeEntry?
    /// Points confirmed as made in several of these workshops (the programme file's links), raised
    /// in the most workshops first: recurrence by meaning.
    public var recurringPoints: [RecurringPoint]
    /// Categories raised in several workshops by constraints that no recurring point covers:
    /// recurrence by category name, where no link was confirmed.
    public var recurringCategoriesWithoutLinks: [CategoryRecurrence]
    /// The background texts, each once.
    public var context: [SharedText]
    public var objectives: [SharedText]
    /// The programme's recommendations, then the workshops' (each once), numbered from 1.
    public var recommendations: [NumberedRecommendation]
    public var partnerships: [SharedPartnership]
    /// The programme's results (no workshops), then those of workshops not already in it.
    public var results: [SharedText]
    public var difficulties: [SharedText]
    public var improvements: [SharedText]

    /// The report of `workshops`; with their `programme`, its own results, difficulties, ideas and
    /// recommendations, and recurrence counted on its confirmed links. A workshop's copy of a
    /// programme text (files written before the programme file existed carry them) is printed
    /// once, as the programme's.
    public static func build(_ workshops: [Workshop], programme: Programme? = nil) -> ConsolidatedReport {
        let ordered = ordered(workshops)
        let numbered = ordered.enumerated().map { (number: $0.offset + 1, index: WorkshopIndex($0.element)) }

        let entries = numbered.map { number, index in
            let constraints = index.findings.filter { $0.kind == .constraint }
            return WorkshopEntry(
                number: number, id: index.workshop.id, theme: index.workshop.details.theme,
                date: index.workshop.details.date, city: index.workshop.details.city,
                focus: index.workshop.details.focus,
                participants: index.workshop.participantGroups.live.map(GenderCounts.init).reduce(.empty, +),
                teams: index.workshop.teams.live.count, findings: index.findings.count,
                constraints: constraints.count, genderConstraints: constraints.filter(\.gender).count)
        }

        let categories = categoryRows(numbered)
        let inAll = numbered.count < 2 ? [] : categories.compactMap { row -> String? in
            guard let label = row.label, row.counts.allSatisfy({ $0.constraints > 0 }) else { return nil }
            return label
        }

        func texts(_ pick: (Workshop) -> [String]) -> [SharedText] {
            SharedTexts.gather(numbered.map { ($0.number, pick($0.index.workshop)) })
        }
        /// The programme's own texts first (no workshops), then the workshops' that it does not hold.
        func withProgramme(_ own: [String], _ pick: (Workshop) -> [String]) -> [SharedText] {
            let programmeTexts = SharedTexts.gather([(0, own)]).map { SharedText(text: $0.text, workshops: []) }
            let held = Set(programmeTexts.map { TextKey.of($0.text) })
            return programmeTexts + texts(pick).filter { !held.contains(TextKey.of($0.text)) }
        }
        let live = programme.map { p in (results: p.results.live.map(\.text), difficulties: p.difficulties.live.map(\.text),
                                         improvements: p.improvements.live.map(\.text)) }
        let points = RecurringPoints.build(numbered, programme: programme)
        let unlinked = categoryRows(RecurringPoints.withoutLinkedConstraints(numbered, points.filter(\.isBarrier)))
        return ConsolidatedReport(
            workshops: entries,
            participants: participants(numbered),
            constraintCategories: categories,
            categoriesInAllWorkshops: inAll,
            dataNeeds: DataNeedRanking.rank(numbered, links: programme?.links ?? []),
            programme: programme.map { ProgrammeEntry(id: $0.id, name: $0.details.name, issuer: $0.details.issuer) },
            recurringPoints: points,
            recurringCategoriesWithoutLinks: unlinked.compactMap { row in
                guard let label = row.label, row.workshopsRaising.count > 1 else { return nil }
                return CategoryRecurrence(label: label, workshops: row.workshopsRaising, constraints: row.total)
            },
            context: texts { $0.details.context.isEmpty ? [] : [$0.details.context] },
            objectives: texts { $0.details.objectives },
            recommendations: recommendations(numbered, programme),
            partnerships: SharedTexts.gather(numbered.map { ($0.number, $0.index.workshop.synthesis.partnerships.live) }),
            results: withProgramme(live?.results ?? []) { $0.synthesis.results.live.map(\.text) },
            difficulties: withProgramme(live?.difficulties ?? []) { $0.synthesis.difficulties.live.map(\.text) },
            improvements: withProgramme(live?.improvements ?? []) { $0.synthesis.improvements.live.map(\.text) })
    }

    /// The programme's recommendations with their owners and deadlines, then every workshop
    /// recommendation once (a copy of a programme recommendation is the programme's), numbered.
    private static func recommendations(_ numbered: [(number: Int, index: WorkshopIndex)],
                                        _ programme: Programme?) -> [NumberedRecommendation] {
        var list: [NumberedRecommendation] = []
        var held = Set<String>()
        for item in programme?.recommendations.live ?? [] {
            let text = item.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, held.insert(TextKey.of(text)).inserted else { continue }
            let owner = item.owner?.trimmingCharacters(in: .whitespacesAndNewlines)
            list.append(NumberedRecommendation(number: list.count + 1, text: text, workshops: [],
                                               owner: owner?.isEmpty == false ? owner : nil, deadline: item.deadline))
        }
        let fromWorkshops = SharedTexts.gather(numbered.map { ($0.number, $0.index.workshop.synthesis.recommendations.live.map(\.text)) })
        for shared in fromWorkshops where !held.contains(TextKey.of(shared.text)) {
            list.append(NumberedRecommendation(number: list.count + 1, text: shared.text, workshops: shared.workshops,
                                               owner: nil, deadline: nil))
        }
        return list
    }

    /// By date, undated workshops last; otherwise in the order given.
    static func ordered(_ workshops: [Workshop]) -> [Workshop] {
        workshops.enumerated().sorted { a, b in
            switch (a.element.details.date, b.element.details.date) {
            case let (da?, db?) where da != db: return da < db
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    private static func participants(_ numbered: [(number: Int, index: WorkshopIndex)]) -> Participants {
        var order: [String] = []
        var groups: [String: GroupTotal] = [:]
        for (number, index) in numbered {
            for group in index.workshop.participantGroups.live {
                let key = TextKey.of(group.name)
                let counts = GenderCounts(group)
                let entry = GroupInWorkshop(workshop: number, counts: counts, organisations: group.organisations)
                if var total = groups[key] {
                    total.byWorkshop.append(entry)
                    total.counts = total.counts + counts
                    groups[key] = total
                } else {
                    order.append(key)
                    groups[key] = GroupTotal(name: group.name, byWorkshop: [entry], counts: counts)
                }
            }
        }
        let list = order.compactMap { groups[$0] }
        return Participants(groups: list, total: list.map(\.counts).reduce(.empty, +))
    }

    /// Categories matched across workshops by their id (a stable slug: `technical` is the same
    /// barrier whether a workshop labels it "Technique" or "Barrières techniques") or by their label
    /// (ignoring case and accents: two workshops that typed the same category); the row's label
    /// lists the distinct labels used.
    private static func categoryRows(_ numbered: [(number: Int, index: WorkshopIndex)]) -> [CategoryRow] {
        let noCategory = "\u{0}"
        var order: [String] = []
        var labels: [String: [String]] = [:]
        var counts: [String: [Int: Int]] = [:]
        var configured: [Int: Set<String>] = [:]
        var keyOfID: [String: String] = [:]
        var keyOfLabel: [String: String] = [:]
        /// One key per category, whichever workshop it comes from.
        func key(id: String, label: String?) -> String {
            let labelKey = label.map(TextKey.of)
            let key = keyOfID[id] ?? labelKey.flatMap { keyOfLabel[$0] } ?? id
            keyOfID[id] = keyOfID[id] ?? key
            if let labelKey, keyOfLabel[labelKey] == nil { keyOfLabel[labelKey] = key }
            return key
        }
        func see(_ key: String, _ label: String?) {
            if labels[key] == nil { order.append(key) }
            var known = labels[key] ?? []
            if let label, !known.contains(where: { TextKey.of($0) == TextKey.of(label) }) { known.append(label) }
            labels[key] = known
        }
        for (number, index) in numbered {
            var here = Set<String>()
            for category in index.categories {
                let k = key(id: category.id, label: category.label)
                here.insert(k)
                see(k, category.label)
            }
            configured[number] = here
            for finding in index.findings where finding.kind == .constraint {
                let label = index.categoryLabel(finding.category)
                let k = finding.category.map { key(id: $0, label: label) } ?? noCategory
                see(k, label)
                counts[k, default: [:]][number, default: 0] += 1
            }
        }
        return order.compactMap { key -> CategoryRow? in
            let perWorkshop = numbered.map { number, _ in
                CategoryCount(workshop: number, isConfigured: key == noCategory || configured[number]?.contains(key) == true,
                              constraints: counts[key]?[number] ?? 0)
            }
            let total = perWorkshop.map(\.constraints).reduce(0, +)
            guard total > 0 else { return nil }
            let label = key == noCategory ? nil : (labels[key] ?? []).joined(separator: " / ")
            return CategoryRow(label: label, counts: perWorkshop, total: total)
        }
    }
}
