import DataJamCore
import Foundation

/// What a published report or data package says about itself: who issues it, for which programme,
/// when, which version, under which licence. The CLI fills it from its options and the clock; the
/// library default takes its date from the workshops' last change, so that the same files always
/// give the same output.
public struct Publication: Sendable, Hashable {
    /// The organisation that publishes (a ministry, a unit); nil when not given.
    public var issuer: String?
    /// The programme the workshops belong to; nil when not given.
    public var programme: String?
    public var version: String
    /// The moment of publication; nil: the latest change in the workshops.
    public var date: Date?
    public var license: License

    public init(issuer: String? = nil, programme: String? = nil, version: String = "1.0", date: Date? = nil,
                license: License = .ccBy4) {
        self.issuer = issuer
        self.programme = programme
        self.version = version
        self.date = date
        self.license = license
    }

    /// The date written on the cover and in the package: the one given, else the workshops' last change.
    func moment(_ workshops: [Workshop]) -> Date {
        if let date { return date }
        let latest = workshops.map(\.lastChange.milliseconds).max() ?? 0
        return Date(timeIntervalSince1970: Double(latest) / 1000)
    }
}

/// An open licence a publication can carry, with its SPDX id, title and text's address, as a Data
/// Package's `licenses` entry needs them.
public struct License: Sendable, Hashable {
    public var id: String
    public var title: String
    public var url: String

    public static let ccBy4 = License(id: "CC-BY-4.0", title: "Creative Commons Attribution 4.0",
                                      url: "https://creativecommons.org/licenses/by/4.0/")
    public static let known: [License] = [
        ccBy4,
        License(id: "CC-BY-SA-4.0", title: "Creative Commons Attribution Share-Alike 4.0",
                url: "https://creativecommons.org/licenses/by-sa/4.0/"),
        License(id: "CC0-1.0", title: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/"),
        License(id: "ODbL-1.0", title: "Open Data Commons Open Database License 1.0",
                url: "https://opendatacommons.org/licenses/odbl/1-0/"),
        License(id: "ODC-By-1.0", title: "Open Data Commons Attribution License 1.0",
                url: "https://opendatacommons.org/licenses/by/1-0/"),
        License(id: "etalab-2.0", title: "Licence Ouverte / Open Licence 2.0",
                url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
    ]

    /// The licence of that SPDX id (ignoring case); nil when it is not one of `known`.
    public static func named(_ id: String) -> License? {
        known.first { $0.id.lowercased() == id.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    public static var knownList: String { known.map(\.id).joined(separator: ", ") }
}

/// How an export is written: the language of its labels, whether names are removed, whether the
/// facilitator's private notes are kept, and what it says about itself.
public struct ExportSettings: Sendable, Hashable {
    public var language: ReportLanguage
    public var anonymize: Bool
    /// The facilitator's own notes are private: public outputs leave them out unless asked.
    public var includeNotes: Bool
    public var publication: Publication
    /// The programme the workshops belong to (its file beside the session files): a consolidated
    /// report takes its results, difficulties, ideas, recommendations and confirmed links from
    /// it, and its name and issuer for the cover when `publication` names none.
    public var programme: Programme?

    public init(language: ReportLanguage, anonymize: Bool = false, includeNotes: Bool = false,
                publication: Publication = Publication(), programme: Programme? = nil) {
        self.language = language
        self.anonymize = anonymize
        self.includeNotes = includeNotes
        self.publication = publication
        self.programme = programme
    }

    /// The publication with the programme file's name and issuer where the command gave none:
    /// an option given on the command line wins over the file.
    var completedPublication: Publication {
        var publication = self.publication
        func given(_ text: String?) -> String? {
            guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return text
        }
        if let programme {
            publication.issuer = given(publication.issuer) ?? given(programme.details.issuer)
            publication.programme = given(publication.programme) ?? given(programme.details.name)
        }
        return publication
    }
}
