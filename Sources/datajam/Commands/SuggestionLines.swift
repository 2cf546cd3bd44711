import DataJamCore
import DataJamExport
import Foundation

/// The lines `datajam report --suggest-links` and `datajam programme suggest` print: one
/// suggested pair each, tab-separated: reference (to confirm it with `datajam programme link
/// REF`), score, kind, then workshop, finding id and text of each finding. Pairs the programme
/// already links are left out.
enum SuggestionLines {
    static func lines(_ workshops: [Workshop], programme: Programme?) -> [String] {
        SimilarFindings.suggest(workshops, programme: programme).map { suggestion in
            ProgrammeCommand.cells([
                suggestion.reference, String(format: "%.2f", suggestion.score), suggestion.kind.rawValue,
                suggestion.first.workshopTheme, suggestion.first.findingID, suggestion.first.text,
                suggestion.second.workshopTheme, suggestion.second.findingID, suggestion.second.text,
            ])
        }
    }
}
