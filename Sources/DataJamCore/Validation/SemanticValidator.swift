/// The rules a session file must keep beyond its JSON types: references that resolve, unique ids,
/// scores in range, fields that belong to the finding's kind, bounded texts.
///
/// Returns every problem found, in document order, so `validate` can show the first one and tests
/// can check them all.
public enum SemanticValidator {
    public struct Problem: Equatable, CustomStringConvertible {
        public var path: DocumentPath
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public static func problems(in workshop: Workshop) -> [Problem] {
        var problems: [Problem] = []
        func report(_ path: DocumentPath, _ message: String) { problems.append(Problem(path: path, message: message)) }
        let root = DocumentPath()

        if workshop.format != SessionFormat.name {
            report(root.key("format"), "must be \"\(SessionFormat.name)\"")
        }
        checkID(workshop.id, root.key("id"), report)

        let details = root.key("details")
        if workshop.details.theme.trimmingCharacters(in: .whitespaces).isEmpty {
            report(details.key("theme"), "must not be empty: every workshop has a theme")
        }
        checkShort(workshop.details.theme, details.key("theme"), report)
        checkShort(workshop.details.city, details.key("city"), report)
        // Only the form: a zone unknown to this machine's database (newer, written elsewhere) is
        // still a readable file, shown in UTC. Commands that set the zone check that it is known.
        if let zone = workshop.details.timeZone, !WorkshopTimeZone.isWellFormed(zone) {
            report(details.key("timeZone"), "\"\(zone.prefix(64))\" is not an IANA time zone name such as Africa/Tunis")
        }
        checkLong(workshop.details.focus, details.key("focus"), report)
        checkLong(workshop.details.context, details.key("context"), report)
        checkLong(workshop.details.facilitatorNotes, details.key("facilitatorNotes"), report)
        for (i, objective) in workshop.details.objectives.enumerated() {
            checkLong(objective, details.key("objectives").index(i), report)
        }

        checkUniqueIDs(workshop.participantGroups, root.key("participantGroups"), report)
        for (i, group) in workshop.participantGroups.enumerated() {
            func path() -> DocumentPath { root.key("participantGroups").index(i) }
            checkShort(group.name, path().key("name"), report)
            var countsInRange = true
            for (key, value) in [("headcount", group.headcount), ("women", group.women), ("men", group.men), ("notStated", group.notStated)] {
                if let value, !(0...Limits.headcount).contains(value) {
                    report(path().key(key), "must be 0 to \(Limits.headcount), found \(value)")
                    countsInRange = false
                }
            }
            // Added up only once each is known to be in range: the file's numbers could overflow the sum.
            let known = countsInRange ? [group.women, group.men, group.notStated].compactMap { $0 }.reduce(0, +) : 0
            if countsInRange, let headcount = group.headcount, known > headcount {
                report(path(), "women + men + not stated (\(known)) exceed the headcount (\(headcount))")
            }
            checkList(group.organisations, path().key("organisations"), report)
            checkList(group.people, path().key("people"), report)
        }

        var seenPhases = Set<DaySession.Phase>()
        for (i, session) in workshop.sessions.enumerated() {
            func path() -> DocumentPath { root.key("sessions").index(i) }
            if !seenPhases.insert(session.id).inserted {
                report(path().key("id"), "session \"\(session.id.rawValue)\" appears twice")
            }
            checkShort(session.title, path().key("title"), report)
            if let minutes = session.plannedMinutes, !(0...Limits.plannedMinutes).contains(minutes) {
                report(path().key("plannedMinutes"), "must be 0 to \(Limits.plannedMinutes), found \(minutes)")
            }
            if let start = session.startedAt, let end = session.endedAt, end < start {
                report(path().key("endedAt"), "is before startedAt")
            }
            for (j, item) in session.outline.enumerated() {
                checkLong(item.title, path().key("outline").index(j).key("title"), report)
                for (k, point) in item.points.enumerated() {
                    checkLong(point, path().key("outline").index(j).key("points").index(k), report)
                }
            }
        }
        checkLong(workshop.plenary.scope, root.key("plenary").key("scope"), report)

        checkUniqueIDs(workshop.teams, root.key("teams"), report)
        for (i, team) in workshop.teams.enumerated() {
            func path() -> DocumentPath { root.key("teams").index(i) }
            if team.name.trimmingCharacters(in: .whitespaces).isEmpty { report(path().key("name"), "must not be empty") }
            checkShort(team.name, path().key("name"), report)
            checkLong(team.scope, path().key("scope"), report)
            if let rapporteur = team.rapporteur { checkShort(rapporteur, path().key("rapporteur"), report) }
            checkList(team.organisations, path().key("organisations"), report)
        }

        checkUniqueIDs(workshop.categories, root.key("categories"), report)
        for (i, category) in workshop.categories.enumerated() {
            func path() -> DocumentPath { root.key("categories").index(i) }
            if category.label.trimmingCharacters(in: .whitespaces).isEmpty { report(path().key("label"), "must not be empty") }
            checkShort(category.label, path().key("label"), report)
        }

        let teamIDs = Set(workshop.teams.map(\.id))
        let categoryIDs = Set(workshop.categories.map(\.id))
        checkFolds(workshop.teams, \.mergedInto, ids: teamIDs, root.key("teams"), what: "team", report)
        checkFolds(workshop.categories, \.mergedInto, ids: categoryIDs, root.key("categories"), what: "category", report)
        problems += findingProblems(workshop, teamIDs: teamIDs, categoryIDs: categoryIDs)

        let synthesis = root.key("synthesis")
        for section in Synthesis.Section.allCases {
            let items = workshop.synthesis[section]
            checkUniqueIDs(items, synthesis.key(section.rawValue), report)
            for (i, item) in items.enumerated() {
                func path() -> DocumentPath { synthesis.key(section.rawValue).index(i) }
                if item.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { report(path().key("text"), "must not be empty") }
                checkLong(item.text, path().key("text"), report)
            }
        }
        checkUniqueIDs(workshop.synthesis.partnerships, synthesis.key("partnerships"), report)
        for (i, partnership) in workshop.synthesis.partnerships.enumerated() {
            func path() -> DocumentPath { synthesis.key("partnerships").index(i) }
            checkShort(partnership.producer, path().key("producer"), report)
            checkShort(partnership.reuser, path().key("reuser"), report)
            checkLong(partnership.subject, path().key("subject"), report)
        }
        return problems
    }

    /// What the work on the findings gives: the id index and its problems (duplicates, malformed
    /// ids), or the problems of a range of findings, some of which hold only if an id is unknown.
    private enum FindingsWork {
        case index
        case rules(Range<Int>)
    }

    private enum FindingsResult {
        case index([String: Int], [Problem])
        case rules([(problem: Problem, unlessAnID: String?)])
    }

    /// The findings' problems, in file order: the ids' first (duplicates), then each finding's.
    /// The id index is built on one core while the findings' own rules run in parts on the
    /// others; a `samePointAs` that names another finding is looked up in the index afterwards
    /// (it is the last rule of a finding, so its problem keeps its place).
    private static func findingProblems(_ workshop: Workshop, teamIDs: Set<String>, categoryIDs: Set<String>) -> [Problem] {
        let path = DocumentPath().key("findings")
        let categoryList = workshop.categories.map(\.id).joined(separator: ", ")
        let ranges = ParallelParts.ranges(workshop.findings.count)
        let work: [FindingsWork] = [.index] + ranges.map { .rules($0) }
        let results: [FindingsResult] = workshop.findings.withUnsafeBufferPointer { findings in
            func run(_ work: FindingsWork) -> FindingsResult {
                switch work {
                case .index:
                    var found: [Problem] = []
                    let index = checkUniqueIDs(workshop.findings, path) { found.append(Problem(path: $0, message: $1)) }
                    return .index(index, found)
                case .rules(let range):
                    var found: [(problem: Problem, unlessAnID: String?)] = []
                    for i in range {
                        checkFinding(findings.baseAddress! + i, at: path.index(i), teamIDs: teamIDs, categoryIDs: categoryIDs, categoryList: categoryList,
                                     { found.append((Problem(path: $0, message: $1), nil)) },
                                     unlessAnID: { found.append((Problem(path: $0, message: $1), $2)) })
                    }
                    return .rules(found)
                }
            }
            // A small file: one part, not worth a thread.
            return ranges.count == 1 ? work.map(run) : ParallelParts.each(work, run)
        }
        var problems: [Problem] = []
        var index: [String: Int] = [:]
        for result in results {
            switch result {
            case .index(let ids, let found):
                index = ids
                problems += found
            case .rules(let found):
                for (problem, id) in found where id.map({ index[$0] == nil }) ?? true { problems.append(problem) }
            }
        }
        return problems
    }

    /// `unlessAnID`: a problem that holds only if its id is not one of the file's findings.
    /// `finding` is read in place: a copy of each finding (a retain of each of its texts) cost
    /// more than some of the rules.
    private static func checkFinding(_ finding: UnsafePointer<Finding>, at path: @autoclosure () -> DocumentPath, teamIDs: Set<String>,
                                     categoryIDs: Set<String>, categoryList: String,
                                     _ report: (DocumentPath, String) -> Void, unlessAnID: (DocumentPath, String, String) -> Void) {
        if isBlank(finding.pointee.text) { report(path().key("text"), "must not be empty") }
        checkLong(finding.pointee.text, path().key("text"), report)
        if let author = finding.pointee.author { checkShort(author, path().key("author"), report) }
        if let team = finding.pointee.teamId, !teamIDs.contains(team) {
            report(path().key("teamId"), "refers to team \"\(team)\", which is not in this file's teams")
        }
        switch (finding.pointee.kind, finding.pointee.category) {
        case (.constraint, nil):
            report(path().key("category"), "is missing: a constraint needs one of \(categoryList)")
        case (.constraint, let category?) where !categoryIDs.contains(category):
            report(path().key("category"), "refers to category \"\(category)\", which is not in this file's categories")
        case (.constraint, _): break
        case (_, .some): report(path().key("category"), "only constraints have a category, this is a \(finding.pointee.kind.rawValue)")
        case (_, nil): break
        }
        if finding.pointee.kind == .dataNeed {
            if let need = finding.pointee.dataNeed {
                for (key, score) in [("relevance", need.relevance), ("impact", need.impact)] {
                    if let score, !DataNeedDetails.scoreRange.contains(score) {
                        report(path().key("dataNeed").key(key), "must be 1 to 5, found \(score)")
                    }
                }
                if let producer = need.producer { checkShort(producer, path().key("dataNeed").key("producer"), report) }
                if let format = need.wantedFormat { checkShort(format, path().key("dataNeed").key("wantedFormat"), report) }
            } else {
                report(path().key("dataNeed"), "is missing: a data-need finding carries its details")
            }
        } else if finding.pointee.dataNeed != nil {
            report(path().key("dataNeed"), "only data-need findings have data-need details, this is a \(finding.pointee.kind.rawValue)")
        }
        if finding.pointee.kind != .actor, finding.pointee.actorRole != nil {
            report(path().key("actorRole"), "only actor findings have a role, this is a \(finding.pointee.kind.rawValue)")
        }
        if let other = finding.pointee.samePointAs {
            if other == finding.pointee.id {
                report(path().key("samePointAs"), "refers to the finding itself")
            } else {
                unlessAnID(path().key("samePointAs"), "refers to finding \"\(other)\", which is not in this file", other)
            }
        }
    }

    /// True when `text` has nothing but white space (stops at the first visible character).
    private static func isBlank(_ text: String) -> Bool {
        // Most texts start with a visible ASCII character: no Unicode property lookup for them.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return !text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }

    /// A folded record (`mergedInto`) is a tombstone pointing at another record of the same list,
    /// and following the pointers ends: the findings of a folded team are shown in the team at the
    /// end of the chain.
    private static func checkFolds<R: Record>(_ records: [R], _ mergedInto: (R) -> String?, ids: Set<String>,
                                              _ path: DocumentPath, what: String, _ report: (DocumentPath, String) -> Void) {
        for (i, record) in records.enumerated() {
            guard let target = mergedInto(record) else { continue }
            let place = path.index(i).key("mergedInto")
            if !record.isDeleted {
                report(place, "is only for a deleted \(what) (one a merge folded into another); add deletedAt or remove mergedInto")
            } else if target == record.id {
                report(place, "refers to the \(what) itself")
            } else if !ids.contains(target) {
                report(place, "refers to \(what) \"\(target)\", which is not in this file")
            }
        }
        if FoldedRecords.hasCycle(records, mergedInto) {
            report(path, "mergedInto pointers go round in a circle; remove one")
        }
    }

    /// Reports bad and duplicate ids; returns where each id first appears.
    @discardableResult
    private static func checkUniqueIDs<R: Record>(_ records: [R], _ path: DocumentPath, _ report: (DocumentPath, String) -> Void) -> [String: Int] {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(records.count)
        // By index, not by element: copying each record (a dozen texts) cost more than the check.
        for i in records.indices {
            let id = records[i].id
            checkID(id, path.index(i).key("id"), report)
            if let first = seen[id] {
                report(path.index(i).key("id"), "duplicate id \"\(id)\" (also at \(path.index(first)))")
            } else {
                seen[id] = i
            }
        }
        return seen
    }

    private static func checkID(_ id: String, _ path: @autoclosure () -> DocumentPath, _ report: (DocumentPath, String) -> Void) {
        // Bytes, not Unicode properties: this runs for every record of a 10,000-finding file.
        func isAlphanumeric(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        let utf8 = id.utf8
        let allowed = utf8.allSatisfy { isAlphanumeric($0) || $0 == 46 || $0 == 95 || $0 == 45 }
        let first = utf8.first.map(isAlphanumeric) ?? false
        if !allowed || !first || utf8.count > 64 {
            report(path(), "\"\(id.prefix(40))\" is not a valid id (letters, digits, . _ -, at most 64)")
        }
    }

    private static func checkShort(_ text: String, _ path: @autoclosure () -> DocumentPath, _ report: (DocumentPath, String) -> Void) {
        // A UTF-8 length within the limit is a scalar count within it: skip counting.
        guard text.utf8.count > Limits.shortText else { return }
        let count = text.unicodeScalars.count
        if count > Limits.shortText { report(path(), "is \(count) characters long; at most \(Limits.shortText)") }
    }

    private static func checkLong(_ text: String, _ path: @autoclosure () -> DocumentPath, _ report: (DocumentPath, String) -> Void) {
        guard text.utf8.count > Limits.longText else { return }
        let count = text.unicodeScalars.count
        if count > Limits.longText { report(path(), "is \(count) characters long; at most \(Limits.longText)") }
    }

    private static func checkList(_ list: [String], _ path: DocumentPath, _ report: (DocumentPath, String) -> Void) {
        for (i, text) in list.enumerated() { checkShort(text, path.index(i), report) }
    }
}
