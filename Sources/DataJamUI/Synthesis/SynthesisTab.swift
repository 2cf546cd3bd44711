/// The sub-views of session 3, switched with Tab and Shift-Tab.
public enum SynthesisTab: Int, CaseIterable, Sendable {
    /// Constraint categories × teams, with totals and bars.
    case matrix
    /// Every finding grouped by kind and category, with team tags and same-point links.
    case consolidated
    /// Data needs ranked by relevance × impact.
    case needs
    /// The five lists the facilitator writes with the room.
    case conclusions

    var title: Localized {
        switch self {
        case .matrix: Localized(fr: "Matrice", en: "Matrix")
        case .consolidated: Localized(fr: "Consolidé", en: "Consolidated")
        case .needs: Localized(fr: "Besoins", en: "Data needs")
        case .conclusions: Localized(fr: "Conclusions", en: "Conclusions")
        }
    }

    var next: SynthesisTab { Self.allCases[(rawValue + 1) % Self.allCases.count] }
    var previous: SynthesisTab { Self.allCases[(rawValue + Self.allCases.count - 1) % Self.allCases.count] }
}
