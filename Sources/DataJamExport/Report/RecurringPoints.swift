import DataJamCore

/// The points the facilitator confirmed as made in several workshops (the programme file's
/// links), resolved against the workshops of the report: how a consolidated report counts
/// recurrence by meaning. A linked finding that is not in these workshops (another folder, a
/// deleted finding) is left out; a link left with findings of fewer than two workshops is not a
/// recurrence and is left out too.
enum RecurringPoints {
    static func build(_ numbered: [(number: Int, index: WorkshopIndex)], programme: Programme?) -> [ConsolidatedReport.RecurringPoint] {
        guard let programme else { return [] }
        let byWorkshopID = Dictionary(numbered.map { ($0.index.workshop.id, $0) }, uniquingKeysWith: { first, _ in first })
        var points: [ConsolidatedReport.RecurringPoint] = []
        for link in programme.links.live {
            var members: [ConsolidatedReport.PointFinding] = []
            for reference in link.findings {
                guard let entry = byWorkshopID[reference.workshop], let finding = entry.index.finding(reference.finding),
                      !members.contains(where: { $0.workshop == entry.number && $0.findingId == finding.id }) else { continue }
                members.append(ConsolidatedReport.PointFinding(
                    workshop: entry.number, findingId: finding.id, kind: finding.kind, text: finding.text,
                    category: finding.kind == .constraint ? entry.index.categoryLabel(finding.category) : nil))
            }
            // Report order: by workshop, then as the link lists them.
            members = members.enumerated().sorted { ($0.element.workshop, $0.offset) < ($1.element.workshop, $1.offset) }.map(\.element)
            var workshops: [Int] = []
            for member in members where !workshops.contains(member.workshop) { workshops.append(member.workshop) }
            guard workshops.count > 1 else { continue }
            let label = link.label.trimmingCharacters(in: .whitespacesAndNewlines)
            points.append(ConsolidatedReport.RecurringPoint(
                linkId: link.id, label: label.isEmpty ? members[0].text : label, workshops: workshops,
                isBarrier: members.contains { $0.kind == .constraint }, findings: members))
        }
        // Points raised in the most workshops first, then those with the most findings; equal
        // ones in the programme file's order.
        return points.enumerated().sorted { a, b in
            if a.element.workshops.count != b.element.workshops.count { return a.element.workshops.count > b.element.workshops.count }
            if a.element.findings.count != b.element.findings.count { return a.element.findings.count > b.element.findings.count }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The workshops without the constraints that recurring points cover: recurrence by category
    /// name is counted on what is left, the fallback where the facilitator confirmed no link.
    static func withoutLinkedConstraints(_ numbered: [(number: Int, index: WorkshopIndex)],
                                         _ points: [ConsolidatedReport.RecurringPoint]) -> [(number: Int, index: WorkshopIndex)] {
        var linked: [Int: Set<String>] = [:]
        for point in points { for member in point.findings { linked[member.workshop, default: []].insert(member.findingId) } }
        return numbered.map { number, index in
            guard let ids = linked[number] else { return (number, index) }
            var workshop = index.workshop
            workshop.findings.removeAll { $0.kind == .constraint && ids.contains($0.id) }
            return (number, WorkshopIndex(workshop))
        }
    }
}
