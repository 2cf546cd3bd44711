import Foundation

/// A list edited as one line of text: a slide's points, a group's organisations.
enum ListField {
    /// Points of a slide, one line: "Loi 2016 ; Décret 2018". A ";" typed inside a point splits it
    /// in two (`SlideForm` keeps untouched points as they were).
    static func joinPoints(_ points: [String]) -> String { points.joined(separator: " ; ") }

    static func splitPoints(_ text: String) -> [String] { split(text, on: ";") }

    /// Organisations, one line, separated by commas; by semicolons when a name holds a comma
    /// ("Ministère du Développement, de l’Investissement et …"), so the list comes back whole.
    static func joinOrganisations(_ names: [String]) -> String {
        names.contains { $0.contains(",") } ? names.joined(separator: " ; ") : names.joined(separator: ", ")
    }

    /// Splits on ";" when the text has one, else on ",".
    static func splitOrganisations(_ text: String) -> [String] {
        split(text, on: text.contains(";") ? ";" : ",")
    }

    private static func split(_ text: String, on separator: Character) -> [String] {
        text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
