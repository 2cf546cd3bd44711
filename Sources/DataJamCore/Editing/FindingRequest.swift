import Foundation

/// A finding as a user describes it by names (`--team Transport --kind constraint --category
/// legal`), resolved against a workshop into a `Finding`, or an `InputError` that says what is
/// allowed.
public struct FindingRequest: Sendable {
    public var team: String?
    public var kind: String
    public var category: String?
    public var gender = false
    public var author: String?
    public var text: String
    public var producer: String?
    public var availability: String?
    public var wantedFormat: String?
    public var sexDisaggregation = false
    public var relevance: Int?
    public var impact: Int?
    public var role: String?

    public init(team: String? = nil, kind: String, category: String? = nil, text: String) {
        self.team = team
        self.kind = kind
        self.category = category
        self.text = text
    }

    public func resolve(in workshop: Workshop, now: Timestamp = .now()) throws(InputError) -> Finding {
        let text = self.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw InputError("the finding's text is empty; type what the team said") }
        guard text.unicodeScalars.count <= Limits.longText else {
            throw InputError("the text is \(text.unicodeScalars.count) characters long; at most \(Limits.longText)")
        }
        guard let kind = FindingKind(argument: kind) else {
            throw InputError("unknown kind \"\(kind)\"; use one of: \(FindingKind.allowedList)")
        }
        var teamID: String?
        if let team {
            let matches = workshop.teams(matching: team)
            guard matches.count < 2 else { throw InputError(Workshop.ambiguousTeam(team, matches)) }
            guard let found = matches.first else {
                throw InputError("unknown team \"\(team)\"; teams are: \(Self.teamList(workshop)) (leave out --team for the plenary)")
            }
            teamID = found.id
        }
        var categoryID: String?
        if kind == .constraint {
            let allowed = workshop.categories.live.map(\.id).joined(separator: ", ")
            guard let category else { throw InputError("a constraint needs --category, one of: \(allowed)") }
            let matches = workshop.categories(matching: category)
            guard matches.count < 2 else {
                let listed = matches.map { "\"\($0.label)\" (\($0.id))" }.joined(separator: ", ")
                throw InputError("\"\(category)\" matches \(matches.count) categories: \(listed); give the category's id instead")
            }
            guard let found = matches.first else {
                throw InputError("unknown category \"\(category)\"; categories are: \(allowed)")
            }
            categoryID = found.id
        } else if category != nil {
            throw InputError("--category is only for constraints (this is a \(kind.rawValue))")
        }
        var finding = Finding(teamId: teamID, kind: kind, text: text, category: categoryID, gender: gender,
                              author: author?.trimmingCharacters(in: .whitespaces).nilIfEmpty, createdAt: now)
        let needFields = producer != nil || availability != nil || wantedFormat != nil || sexDisaggregation || relevance != nil || impact != nil
        if kind == .dataNeed {
            var need = DataNeedDetails(producer: producer?.nilIfEmpty, wantedFormat: wantedFormat?.nilIfEmpty,
                                       sexDisaggregation: sexDisaggregation)
            if let availability {
                guard let value = DataNeedDetails.Availability(rawValue: availability.lowercased()) else {
                    throw InputError("unknown availability \"\(availability)\"; use one of: \(DataNeedDetails.Availability.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                need.availability = value
            }
            for (name, score) in [("relevance", relevance), ("impact", impact)] {
                if let score, !DataNeedDetails.scoreRange.contains(score) {
                    throw InputError("--\(name) must be 1 to 5, not \(score)")
                }
            }
            need.relevance = relevance
            need.impact = impact
            finding.dataNeed = need
        } else if needFields {
            throw InputError("data-need options (--producer, --availability, --format, --sex-disaggregated, --relevance, --impact) are only for --kind data-need")
        }
        if let role {
            guard kind == .actor else { throw InputError("--role is only for --kind actor") }
            guard let value = ActorRole(rawValue: role.lowercased()) else {
                throw InputError("unknown role \"\(role)\"; use producer or re-user")
            }
            finding.actorRole = value
        }
        return finding
    }

    static func teamList(_ workshop: Workshop) -> String {
        let names = workshop.teams.live.map(\.name)
        return names.isEmpty ? "(none yet)" : names.joined(separator: ", ")
    }
}

extension String {
    var nilIfEmpty: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
