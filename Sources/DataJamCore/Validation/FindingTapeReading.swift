/// Findings (and their data-need details) read straight from the tape: they are nearly all of a
/// large file. The same fields, the same rules as their synthesized `Decodable` (required fields,
/// optional ones absent or null, enumerations by raw value); anything else is left to it (see
/// `TapeRecord`).
extension Finding: TapeRecord {
    private static let kinds = TapeCases(FindingKind.self)
    private static let roles = TapeCases(ActorRole.self)

    static func fromTape(_ object: TapeObject) -> Finding? {
        var id: String?, kind: FindingKind?, text: String?, gender: Bool?
        var createdAt: Timestamp?, updatedAt: Timestamp?
        var teamId: String??, category: String??, author: String??, samePointAs: String??
        var dataNeed: DataNeedDetails??, actorRole: ActorRole??, deletedAt: Timestamp??
        let complete = object.forEachMember { key, value in
            guard let name = object.plainKey(key) else { return false }
            switch name.count {
            case 2 where name.spells("id"): id = object.string(value); return id != nil
            case 4 where name.spells("kind"): kind = object.enumeration(value, Self.kinds); return kind != nil
            case 4 where name.spells("text"): text = object.string(value); return text != nil
            case 6 where name.spells("gender"): gender = object.bool(value); return gender != nil
            case 6 where name.spells("teamId"): teamId = object.optionalString(value); return teamId != nil
            case 6 where name.spells("author"): author = object.optionalString(value); return author != nil
            case 8 where name.spells("category"): category = object.optionalString(value); return category != nil
            case 8 where name.spells("dataNeed"):
                if object.tape.entries[value].kind == .null { dataNeed = .some(nil); return true }
                dataNeed = DataNeedDetails.fromTape(TapeObject(tape: object.tape, entry: value)).map { .some($0) }
                return dataNeed != nil
            case 9 where name.spells("actorRole"): actorRole = object.optionalEnumeration(value, Self.roles); return actorRole != nil
            case 9 where name.spells("createdAt"): createdAt = object.timestamp(value); return createdAt != nil
            case 9 where name.spells("updatedAt"): updatedAt = object.timestamp(value); return updatedAt != nil
            case 9 where name.spells("deletedAt"): deletedAt = object.optionalTimestamp(value); return deletedAt != nil
            case 11 where name.spells("samePointAs"): samePointAs = object.optionalString(value); return samePointAs != nil
            default: return false
            }
        }
        guard complete, let id, let kind, let text, let gender, let createdAt, let updatedAt else { return nil }
        return Finding(exactly: id, teamId: teamId ?? nil, kind: kind, text: text, category: category ?? nil,
                       gender: gender, author: author ?? nil, dataNeed: dataNeed ?? nil, actorRole: actorRole ?? nil,
                       samePointAs: samePointAs ?? nil, createdAt: createdAt, updatedAt: updatedAt, deletedAt: deletedAt ?? nil)
    }

}

extension DataNeedDetails: TapeRecord {
    private static let availabilities = TapeCases(Availability.self)

    static func fromTape(_ object: TapeObject) -> DataNeedDetails? {
        var sexDisaggregation: Bool?
        var producer: String??, wantedFormat: String??, availability: Availability??
        var relevance: Int??, impact: Int??
        let complete = object.forEachMember { key, value in
            guard let name = object.plainKey(key) else { return false }
            switch name.count {
            case 6 where name.spells("impact"): impact = object.optionalInt(value); return impact != nil
            case 8 where name.spells("producer"): producer = object.optionalString(value); return producer != nil
            case 9 where name.spells("relevance"): relevance = object.optionalInt(value); return relevance != nil
            case 12 where name.spells("availability"): availability = object.optionalEnumeration(value, Self.availabilities); return availability != nil
            case 12 where name.spells("wantedFormat"): wantedFormat = object.optionalString(value); return wantedFormat != nil
            case 17 where name.spells("sexDisaggregation"): sexDisaggregation = object.bool(value); return sexDisaggregation != nil
            default: return false
            }
        }
        guard complete, let sexDisaggregation else { return nil }
        return DataNeedDetails(producer: producer ?? nil, availability: availability ?? nil, wantedFormat: wantedFormat ?? nil,
                               sexDisaggregation: sexDisaggregation, relevance: relevance ?? nil, impact: impact ?? nil)
    }
}
