import DataJamCore
import Foundation

/// Writes the workshops as a Frictionless Data Package (https://specs.frictionlessdata.io/): a
/// folder with `datapackage.json` and one CSV per table (workshops, participant_groups, teams,
/// findings, data_needs, synthesis, partnerships), each described by a Table Schema with types,
/// constraints, primary and foreign keys, so `frictionless validate datapackage.json` checks it.
///
/// Column names are stable English snake_case and values the session file's vocabulary;
/// `language` sets the package's and fields' titles and descriptions. CSVs are UTF-8 with a BOM
/// and CRLF (see `CSVTable`); deleted records are left out (see `Workshop.publishable`).
///
/// The folder appears whole or not at all: everything is written into a hidden sibling folder,
/// flushed to disk, then renamed into place. A folder that already exists is replaced only when
/// it is empty or holds nothing but a previous package's files; anything else is refused.
public enum DataPackageExport {
    /// Why nothing was written, in one line naming the folder.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public static let descriptorName = "datapackage.json"

    /// The names of every file a package holds.
    public static let fileNames: [String] = [descriptorName] + PackageTables(workshops: [], language: .en).all.map(\.path)

    public static func write(_ workshops: [Workshop], to folder: String, language: ReportLanguage) throws {
        try write(workshops, to: folder, settings: ExportSettings(language: language))
    }

    public static func write(_ workshops: [Workshop], to folder: String, settings: ExportSettings) throws {
        let files: [(name: String, data: Data)]
        do {
            files = try contents(workshops, settings: settings)
        } catch {
            throw Failure(description: "\(folder): \(error.description) (nothing was written)")
        }
        try PackageFolder.write(files, to: folder, replaceable: Set(fileNames))
    }

    /// Every file of the package, `datapackage.json` first.
    static func contents(_ workshops: [Workshop], settings: ExportSettings) throws(Failure) -> [(name: String, data: Data)] {
        let language = settings.language
        guard !workshops.isEmpty else {
            throw Failure(description: "no workshop to export")
        }
        let published = workshops.map { $0.publishable() }
        // A workshop that breaks the file's rules (a finding of an unknown team) would make an
        // invalid package: refuse it, as saving it would be refused.
        for workshop in published {
            if let problem = SemanticValidator.problems(in: workshop).first {
                throw Failure(description: "workshop \(workshop.id) is not valid: \(problem)")
            }
        }
        let tables = PackageTables(workshops: published, language: language)
        if let duplicate = tables.duplicateID() { throw Failure(description: duplicate) }
        let all = tables.all
        var descriptor = packageDescriptor(published, settings: settings)
        descriptor["resources"] = all.map(\.descriptor)
        let json: Data
        do {
            json = try JSONSerialization.data(withJSONObject: descriptor, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw Failure(description: "cannot encode \(descriptorName): \(error)")
        }
        let descriptorText = DirectionalNeutralising.neutralised(String(decoding: json, as: UTF8.self), json: true)
        return [(descriptorName, Data((descriptorText + "\n").utf8))]
            + all.map { ($0.path, Data(DirectionalNeutralising.neutralised($0.csv, json: false).utf8)) }
    }

    /// The package's metadata: title, description, a `name` unique to this publication (the
    /// workshops it holds and its moment, so that two packages published on one portal never
    /// collide), `created` (the moment of publication: the build time unless given), version,
    /// licence, contributors (organisations, never people) and sources (the workshops).
    static func packageDescriptor(_ workshops: [Workshop], settings: ExportSettings) -> [String: Any] {
        let language = settings.language
        let publication = settings.publication
        func label(_ w: Workshop) -> String {
            let when = [w.details.date?.description, w.details.city].compactMap { $0 }.filter { !$0.isEmpty }
            return when.isEmpty ? w.details.theme : "\(w.details.theme) (\(when.joined(separator: ", ")))"
        }
        let created = Timestamp(publication.date ?? Date())
        let subject: String
        if workshops.count == 1, let w = workshops.first {
            subject = ConstraintCategory.slug(for: [w.details.date?.description ?? "", w.details.theme].joined(separator: " "))
        } else {
            subject = "\(workshops.count)-workshops"
        }
        let moment = created.iso8601.filter { $0.isNumber }.prefix(14)
        let name = "datajam-\(subject)-\(idDigest(workshops.map(\.id)))-\(moment)"
        var contributors: [[String: Any]] = []
        if let issuer = publication.issuer, !issuer.trimmingCharacters(in: .whitespaces).isEmpty {
            contributors.append(["title": issuer, "role": "publisher"])
        }
        contributors.append(["title": language.pick(fr: "Participants des ateliers data jam", en: "Participants of the data jam workshops"),
                             "role": "author"])
        var descriptor: [String: Any] = [
            "profile": "tabular-data-package",
            "name": name,
            "id": name,
            "title": "Data jam — " + workshops.map(label).joined(separator: language.pick(fr: " ; ", en: "; ")),
            "description": language.pick(
                fr: "Constats, besoins en données et synthèse d’ateliers data jam entre producteurs et réutilisateurs de données publiques, saisis avec DataJam.",
                en: "Findings, data needs and synthesis of data jam workshops between producers and re-users of public data, captured with DataJam."),
            "keywords": ["open data", "data jam", language.pick(fr: "données ouvertes", en: "open government data")],
            "created": created.iso8601,
            "version": publication.version,
            "licenses": [["name": publication.license.id, "path": publication.license.url, "title": publication.license.title]],
            "contributors": contributors,
            "sources": workshops.map { ["title": language.pick(fr: "Atelier data jam : ", en: "Data jam workshop: ") + label($0)] },
        ]
        if let programme = publication.programme, !programme.trimmingCharacters(in: .whitespaces).isEmpty {
            descriptor["keywords"] = ["open data", "data jam", language.pick(fr: "données ouvertes", en: "open government data"), programme]
        }
        return descriptor
    }

    /// Eight hex digits naming a set of workshop ids (FNV-1a over the sorted ids): the same
    /// workshops give the same digits on any machine, unlike `Hasher`.
    static func idDigest(_ ids: [String]) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in ids.sorted().joined(separator: "\n").utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
