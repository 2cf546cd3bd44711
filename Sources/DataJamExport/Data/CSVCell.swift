import DataJamCore

/// How values are spelled in the CSV exports: the file's own vocabulary, stable across report
/// languages, so machines can rely on it.
///
/// Missing values are empty cells (Frictionless' default missing value); booleans are `true` /
/// `false`; times are ISO 8601 UTC with milliseconds (`2023-11-27T09:30:00.000Z`); dates are
/// `YYYY-MM-DD`; lists (organisations, people, objectives) are joined with `"; "`.
enum CSVCell {
    static func text(_ value: String?) -> String { value ?? "" }

    static func bool(_ value: Bool) -> String { value ? "true" : "false" }

    static func bool(_ value: Bool?) -> String { value.map(bool) ?? "" }

    static func int(_ value: Int?) -> String { value.map(String.init) ?? "" }

    static func time(_ value: Timestamp) -> String { value.iso8601 }

    static func date(_ value: WorkshopDate?) -> String { value?.description ?? "" }

    static func list(_ values: [String]) -> String { values.joined(separator: listSeparator) }

    static let listSeparator = "; "
}
