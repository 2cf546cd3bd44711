import DataJamCore

/// The data needs of several workshops gathered into the needs they are: two needs are one when
/// they are linked as the same point (`samePointAs` within a workshop, a programme file's link
/// across workshops), or when their titles are the same once
/// normalised (case, accents, apostrophes, spaces, a trailing "(genre)" or full stop) and they name
/// the same producer (or neither names one). The seed's synthesis lists "sex-disaggregated data"
/// once, asked by several workshops; the report, the CSV of needs and the CKAN requests do the same.
///
/// Groups keep the order in which their first need was recorded (workshop order, then file order),
/// and so do the members of a group.
enum DataNeedMerge {
    struct Member {
        /// The workshop's position among those given (its number in a consolidated report).
        var number: Int
        var workshop: Workshop
        var finding: Finding
    }

    struct Group {
        var members: [Member]

        var first: Member { members[0] }

        /// The details the group is ranked and published with: those of its highest-priority member
        /// (first recorded among equals), with any sex-disaggregation, availability or wanted
        /// format another member gave.
        var details: DataNeedDetails {
            // `max(by:)` keeps the first of equal elements.
            let best = members.max { ($0.finding.dataNeed?.priority ?? 0) < ($1.finding.dataNeed?.priority ?? 0) } ?? first
            var details = best.finding.dataNeed ?? DataNeedDetails()
            for member in members {
                guard let d = member.finding.dataNeed else { continue }
                details.sexDisaggregation = details.sexDisaggregation || d.sexDisaggregation
                details.availability = details.availability ?? d.availability
                details.wantedFormat = nonEmpty(details.wantedFormat) ?? nonEmpty(d.wantedFormat)
                details.producer = nonEmpty(details.producer) ?? nonEmpty(d.producer)
            }
            return details
        }

        var gender: Bool { members.contains { $0.finding.gender } }

        /// The workshops that asked, each once, in order.
        var workshopNumbers: [Int] {
            var numbers: [Int] = []
            for member in members where !numbers.contains(member.number) { numbers.append(member.number) }
            return numbers
        }
    }

    /// `workshops` must hold only live findings (see `Workshop.publishable` or `WorkshopIndex`).
    static func groups(_ workshops: [(number: Int, workshop: Workshop)], links: [FindingLink] = []) -> [Group] {
        var members: [Member] = []
        for (number, workshop) in workshops {
            for finding in workshop.findings where finding.kind == .dataNeed && finding.deletedAt == nil {
                members.append(Member(number: number, workshop: workshop, finding: finding))
            }
        }
        // Union-find over the members' positions.
        var parent = Array(members.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var byKey: [String: Int] = [:]
        var byFinding: [String: Int] = [:]
        for (i, member) in members.enumerated() {
            byFinding["\(member.number)\u{1F}\(member.finding.id)"] = i
            let key = titleKey(member.finding.text) + "\u{1F}" + TextKey.of(member.finding.dataNeed?.producer ?? "")
            if let other = byKey[key] { union(i, other) } else { byKey[key] = i }
        }
        for (i, member) in members.enumerated() {
            guard let link = member.finding.samePointAs,
                  let other = byFinding["\(member.number)\u{1F}\(link)"] else { continue }
            union(i, other)
        }
        // The programme's links name findings by workshop id; those that are data needs here join.
        var numberOfWorkshop: [String: Int] = [:]
        for (number, workshop) in workshops where numberOfWorkshop[workshop.id] == nil { numberOfWorkshop[workshop.id] = number }
        for link in links.live {
            let linked = link.findings.compactMap { reference in
                numberOfWorkshop[reference.workshop].flatMap { byFinding["\($0)\u{1F}\(reference.finding)"] }
            }
            for other in linked.dropFirst() { union(linked[0], other) }
        }
        var order: [Int] = []
        var grouped: [Int: [Member]] = [:]
        for (i, member) in members.enumerated() {
            let root = find(i)
            if grouped[root] == nil { order.append(root) }
            grouped[root, default: []].append(member)
        }
        return order.compactMap { grouped[$0].map(Group.init) }
    }

    /// The title's comparison key: `TextKey`, without a trailing "(genre)" / "(gender)" flag or
    /// final punctuation that a rapporteur may or may not have typed.
    static func titleKey(_ text: String) -> String {
        var key = TextKey.of(text)
        var changed = true
        while changed {
            changed = false
            while let last = key.last, ".;:!…".contains(last) || last.isWhitespace {
                key.removeLast()
                changed = true
            }
            for suffix in ["(genre)", "(gender)"] where key.hasSuffix(suffix) {
                key.removeLast(suffix.count)
                changed = true
            }
        }
        return key
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }
}
