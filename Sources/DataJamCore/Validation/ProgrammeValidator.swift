/// The rules a programme file keeps beyond its JSON types, as `SemanticValidator` does for session
/// files: valid and unique ids, bounded texts, and links that name at least two different findings.
///
/// Links are checked against the programme file alone: a finding they name lives in a session
/// file that may be elsewhere, renamed or not yet merged, and the report leaves out what it cannot
/// find rather than refusing the programme.
public enum ProgrammeValidator {
    public static func problems(in programme: Programme) -> [SemanticValidator.Problem] {
        var problems: [SemanticValidator.Problem] = []
        func report(_ path: DocumentPath, _ message: String) {
            problems.append(SemanticValidator.Problem(path: path, message: message))
        }
        let root = DocumentPath()
        if programme.format != ProgrammeFormat.name {
            report(root.key("format"), "must be \"\(ProgrammeFormat.name)\"")
        }
        checkID(programme.id, root.key("id"), report)
        checkLength(programme.details.name, Limits.shortText, root.key("details").key("name"), report)
        checkLength(programme.details.issuer, Limits.shortText, root.key("details").key("issuer"), report)

        for section in [("results", programme.results), ("difficulties", programme.difficulties),
                        ("improvements", programme.improvements)] {
            let path = root.key(section.0)
            checkUniqueIDs(section.1.map(\.id), path, report)
            for (i, item) in section.1.enumerated() { checkLength(item.text, Limits.longText, path.index(i).key("text"), report) }
        }

        let recommendations = root.key("recommendations")
        checkUniqueIDs(programme.recommendations.map(\.id), recommendations, report)
        for (i, item) in programme.recommendations.enumerated() {
            checkLength(item.text, Limits.longText, recommendations.index(i).key("text"), report)
            if let owner = item.owner { checkLength(owner, Limits.shortText, recommendations.index(i).key("owner"), report) }
        }

        let links = root.key("links")
        checkUniqueIDs(programme.links.map(\.id), links, report)
        for (i, link) in programme.links.enumerated() {
            let path = links.index(i)
            checkLength(link.label, Limits.shortText, path.key("label"), report)
            var seen: [FindingReference: Int] = [:]
            for (j, reference) in link.findings.enumerated() {
                checkID(reference.workshop, path.key("findings").index(j).key("workshop"), report)
                checkID(reference.finding, path.key("findings").index(j).key("finding"), report)
                if let first = seen[reference] {
                    report(path.key("findings").index(j), "names \(reference) again (also at findings[\(first)]); keep one")
                } else {
                    seen[reference] = j
                }
            }
            if link.findings.count < 2 {
                report(path.key("findings"), "has \(link.findings.count); a link joins at least two findings (delete the link instead)")
            }
        }
        return problems
    }

    private static func checkUniqueIDs(_ ids: [String], _ path: DocumentPath, _ report: (DocumentPath, String) -> Void) {
        var seen: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
            checkID(id, path.index(i).key("id"), report)
            if let first = seen[id] {
                report(path.index(i).key("id"), "duplicate id \"\(id)\" (also at \(path.index(first)))")
            } else {
                seen[id] = i
            }
        }
    }

    static func checkID(_ id: String, _ path: DocumentPath, _ report: (DocumentPath, String) -> Void) {
        if !isValidID(id) {
            report(path, "\"\(id.prefix(40))\" is not a valid id (letters, digits, . _ -, at most 64)")
        }
    }

    /// Letters, digits, `.` `_` `-`, starting with a letter or digit, at most 64 bytes: the ids
    /// session files use (`Limits.idPattern`).
    public static func isValidID(_ id: String) -> Bool {
        func isAlphanumeric(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        let utf8 = id.utf8
        return utf8.allSatisfy { isAlphanumeric($0) || $0 == 46 || $0 == 95 || $0 == 45 }
            && (utf8.first.map(isAlphanumeric) ?? false) && utf8.count <= 64
    }

    private static func checkLength(_ text: String, _ limit: Int, _ path: DocumentPath, _ report: (DocumentPath, String) -> Void) {
        guard text.utf8.count > limit else { return }
        let count = text.unicodeScalars.count
        if count > limit { report(path, "is \(count) characters long; at most \(limit)") }
    }
}
