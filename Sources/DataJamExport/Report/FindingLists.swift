import DataJamCore

/// Writes the findings of one team (or of the plenary) grouped by kind, constraints grouped by
/// category in the workshop's category order; gender-flagged findings are marked and same-point
/// links are shown.
struct FindingLists {
    let index: WorkshopIndex
    let words: ReportWords

    static let kindOrder: [FindingKind] = [.constraint, .opportunity, .dataNeed, .channel, .actor, .useCase, .note]

    func title(_ kind: FindingKind) -> String {
        switch kind {
        case .constraint: words.constraints
        case .opportunity: words.opportunities
        case .dataNeed: words.dataNeeds
        case .channel: words.channels
        case .actor: words.actors
        case .useCase: words.useCases
        case .note: words.notes
        }
    }

    /// The findings under one heading per kind, at heading `level`.
    func byKind(_ findings: [Finding], level: Int) -> MarkdownBlocks {
        var blocks = MarkdownBlocks()
        for kind in Self.kindOrder {
            let ofKind = findings.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            blocks.heading(level, plain: title(kind))
            switch kind {
            case .constraint:
                for category in index.categoryOrder(of: ofKind) {
                    let inCategory = ofKind.filter { $0.category == category }
                    blocks.paragraph("**\(MarkdownText.inline(categoryTitle(category)))** (\(inCategory.count))")
                    blocks.list(inCategory.map(item))
                }
            case .actor:
                let roles: [(ActorRole?, String)] = [(.producer, words.producers), (.reuser, words.reusers),
                                                     (nil, words.roleNotStated)]
                for (role, label) in roles {
                    let withRole = ofKind.filter { $0.actorRole == role }
                    guard !withRole.isEmpty else { continue }
                    blocks.paragraph("**\(MarkdownText.inline(label))**")
                    blocks.list(withRole.map(item))
                }
            default:
                blocks.list(ofKind.map(item))
            }
        }
        return blocks
    }

    func categoryTitle(_ id: String?) -> String {
        guard let id else { return words.uncategorised }
        if let label = index.categoryLabel(id), index.workshop.categories.record(withID: id) != nil { return label }
        return words.unknownCategory(id)
    }

    /// One finding as a list item: its text, "(genre)" when flagged, the details of a data need,
    /// and the finding it makes the same point as.
    func item(_ finding: Finding) -> String {
        var line = MarkdownText.inline(finding.text)
        if finding.gender { line += words.genderMark(finding.text) }
        if finding.kind == .dataNeed, let details = dataNeedDetails(finding) { line += " — " + details }
        if let link = samePoint(finding) { line += " — " + link }
        return line
    }

    /// What is known of a data need, in a few words: producer, availability, wanted format,
    /// sex-disaggregation, priority. Nil when nothing is.
    func dataNeedDetails(_ finding: Finding) -> String? {
        guard let details = finding.dataNeed else { return nil }
        var parts: [String] = []
        if let producer = details.producer, !producer.trimmingCharacters(in: .whitespaces).isEmpty {
            parts.append(words.colon(words.producer.lowercased()) + MarkdownText.inline(producer))
        }
        if details.availability != nil { parts.append(words.availability(details.availability)) }
        if let format = details.wantedFormat, !format.trimmingCharacters(in: .whitespaces).isEmpty {
            parts.append(words.colon(words.wantedFormat) + MarkdownText.inline(format))
        }
        if details.sexDisaggregation { parts.append(words.sexDisaggregationWanted) }
        if let priority = details.priority { parts.append(words.priorityShort(priority)) }
        return parts.isEmpty ? nil : parts.joined(separator: words.semicolon)
    }

    /// "même point que « … » (Équipe X)" when the finding is linked to another live finding.
    func samePoint(_ finding: Finding) -> String? {
        guard let id = finding.samePointAs, id != finding.id, let other = index.finding(id) else { return nil }
        var text = "\(words.samePointAs) " + words.quoted(MarkdownText.inline(SVGBarChart.shortened(other.text, to: 80)))
        if other.teamId != finding.teamId {
            text += " (" + MarkdownText.inline(sourceName(other.teamId)) + ")"
        }
        return text
    }

    /// "Équipe X" or "Plénière".
    func sourceName(_ teamId: String?) -> String {
        guard let name = index.teamName(teamId) else { return words.plenary }
        return words.team(name)
    }
}
