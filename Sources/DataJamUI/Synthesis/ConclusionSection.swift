import DataJamCore

/// The five lists of the conclusions, in the order of the report.
public enum ConclusionSection: Int, CaseIterable, Sendable {
    case recommendations
    case partnerships
    case results
    case difficulties
    case improvements

    /// The model's list, for the plain-text sections (partnerships have their own records).
    var plain: Synthesis.Section? {
        switch self {
        case .recommendations: .recommendations
        case .partnerships: nil
        case .results: .results
        case .difficulties: .difficulties
        case .improvements: .improvements
        }
    }

    init(_ section: Synthesis.Section) {
        switch section {
        case .recommendations: self = .recommendations
        case .results: self = .results
        case .difficulties: self = .difficulties
        case .improvements: self = .improvements
        }
    }

    var title: Localized {
        switch self {
        case .recommendations: Localized(fr: "Recommandations", en: "Recommendations")
        case .partnerships: Localized(fr: "Partenariats", en: "Partnerships")
        case .results: Localized(fr: "Résultats", en: "Results")
        case .difficulties: Localized(fr: "Difficultés", en: "Difficulties")
        case .improvements: Localized(fr: "Pistes pour le prochain atelier", en: "Ideas for the next workshop")
        }
    }

    /// The title of the popup that adds an item.
    var newTitle: Localized {
        switch self {
        case .recommendations: Localized(fr: "Nouvelle recommandation", en: "New recommendation")
        case .partnerships: Localized(fr: "Nouveau partenariat producteur – réutilisateur", en: "New producer – re-user partnership")
        case .results: Localized(fr: "Nouveau résultat de la journée", en: "New result of the day")
        case .difficulties: Localized(fr: "Nouvelle difficulté d’animation", en: "New facilitation difficulty")
        case .improvements: Localized(fr: "Nouvelle piste pour le prochain atelier", en: "New idea for the next workshop")
        }
    }
}

/// Identifies a row of the conclusions: a section's heading, or an item (by id).
public enum ConclusionRowID: Hashable, Sendable {
    case section(ConclusionSection)
    case item(String)
}

/// One row of the conclusions: a section's heading, or one of its live items (`index` points into
/// the section's array in `workshop.synthesis`).
public enum ConclusionRow: Sendable, Equatable {
    case heading(ConclusionSection, count: Int)
    case item(ConclusionSection, id: String, index: Int)

    public var id: ConclusionRowID {
        switch self {
        case .heading(let section, _): .section(section)
        case .item(_, let id, _): .item(id)
        }
    }

    public var section: ConclusionSection {
        switch self {
        case .heading(let section, _), .item(let section, _, _): section
        }
    }

    static func rows(in synthesis: Synthesis) -> [ConclusionRow] {
        var rows: [ConclusionRow] = []
        for section in ConclusionSection.allCases {
            let items: [(id: String, index: Int)]
            if let plain = section.plain {
                items = synthesis[plain].enumerated().filter { !$0.element.isDeleted }.map { ($0.element.id, $0.offset) }
            } else {
                items = synthesis.partnerships.enumerated().filter { !$0.element.isDeleted }.map { ($0.element.id, $0.offset) }
            }
            rows.append(.heading(section, count: items.count))
            rows += items.map { .item(section, id: $0.id, index: $0.index) }
        }
        return rows
    }
}
