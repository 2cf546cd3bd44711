/// A category of constraints (legal framework, data quality, …): configurable per workshop.
public struct ConstraintCategory: Record, Codable {
    /// A short stable slug used by findings (`legal`, `data-quality`).
    public var id: String
    public var label: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?
    /// Set when a merge folded this category into a live one of the same label (see
    /// `Team.mergedInto`): its constraints belong to the category with this id.
    public var mergedInto: String?

    public init(id: String, label: String, createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil,
                deletedAt: Timestamp? = nil, mergedInto: String? = nil) {
        self.id = id
        self.label = label
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
        self.mergedInto = mergedInto
    }

    /// A slug for a new category typed during the day: lower-case ASCII letters, digits and dashes.
    public static func slug(for label: String) -> String {
        let folded = label.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "category" : slug
    }
}
