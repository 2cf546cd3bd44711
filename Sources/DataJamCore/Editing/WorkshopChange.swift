/// One record written into a workshop: the unit of editing, of undo and of saving.
///
/// Every user action becomes a list of changes. Applying a change upserts the record by id and
/// stamps it with a fresh `updatedAt`, so it wins when the file is merged with other copies; the
/// change that undoes it (the record as it was, or a tombstone for a new one) is returned.
public enum WorkshopChange: Sendable, Hashable {
    case finding(Finding)
    case team(Team)
    case category(ConstraintCategory)
    case participantGroup(ParticipantGroup)
    case synthesisItem(Synthesis.Section, SynthesisItem)
    case partnership(Partnership)
    case details(WorkshopDetails)
    case session(DaySession)
    case plenary(Plenary)
}

extension Workshop {
    /// Applies `change` and returns the change that reverts it.
    @discardableResult
    public mutating func apply(_ change: WorkshopChange, now: Timestamp = .now()) -> WorkshopChange {
        switch change {
        case .finding(let record): return .finding(Self.upsert(record, into: &findings, now: now))
        case .team(let record): return .team(Self.upsert(record, into: &teams, now: now))
        case .category(let record): return .category(Self.upsert(record, into: &categories, now: now))
        case .participantGroup(let record): return .participantGroup(Self.upsert(record, into: &participantGroups, now: now))
        case .partnership(let record): return .partnership(Self.upsert(record, into: &synthesis.partnerships, now: now))
        case .synthesisItem(let section, let record):
            return .synthesisItem(section, Self.upsert(record, into: &synthesis[section], now: now))
        case .details(var value):
            let previous = details
            value.updatedAt = now.later(than: previous.updatedAt)
            details = value
            return .details(previous)
        case .plenary(var value):
            let previous = plenary
            value.updatedAt = now.later(than: previous.updatedAt)
            plenary = value
            return .plenary(previous)
        case .session(var value):
            let index = sessions.firstIndex { $0.id == value.id }
            let previous = index.map { sessions[$0] }
            value.updatedAt = previous.map { now.later(than: $0.updatedAt) } ?? now
            if let index { sessions[index] = value } else { sessions.append(value); sessions.sort { $0.id < $1.id } }
            return .session(previous ?? DaySession(id: value.id, title: "", updatedAt: value.updatedAt))
        }
    }

    /// Writes `record` over the one with its id (or appends it) and returns what to write to undo
    /// it: the previous version, or the new record deleted.
    private static func upsert<R: StampedRecord>(_ record: R, into records: inout [R], now: Timestamp) -> R {
        var stamped = record
        if let index = records.index(ofID: record.id) {
            let previous = records[index]
            stamped.updatedAt = now.later(than: previous.updatedAt)
            if stamped.isDeleted, !previous.isDeleted { stamped.deletedAt = stamped.updatedAt }
            records[index] = stamped
            return previous
        }
        stamped.updatedAt = Swift.max(now, stamped.createdAt)
        records.append(stamped)
        var undo = stamped
        undo.deletedAt = stamped.updatedAt
        return undo
    }
}

/// A record whose change time and tombstone the editing code sets.
public protocol StampedRecord: Record {
    var updatedAt: Timestamp { get set }
    var deletedAt: Timestamp? { get set }
}

extension Finding: StampedRecord {}
extension Team: StampedRecord {}
extension ConstraintCategory: StampedRecord {}
extension ParticipantGroup: StampedRecord {}
extension SynthesisItem: StampedRecord {}
extension Partnership: StampedRecord {}
