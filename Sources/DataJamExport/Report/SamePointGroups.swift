import DataJamCore

/// The findings linked by "same point as" (set during the synthesis), gathered into groups: a
/// link from A to B and from C to B puts A, B and C together. Links to deleted or missing
/// findings are ignored. Groups and their members keep file order.
enum SamePointGroups {
    static func groups(_ index: WorkshopIndex) -> [[Finding]] {
        var parent: [String: String] = [:]
        func root(_ id: String) -> String {
            var id = id
            while let p = parent[id], p != id { id = p }
            return id
        }
        for finding in index.findings {
            guard let other = finding.samePointAs, other != finding.id, index.finding(other) != nil else { continue }
            let a = root(finding.id), b = root(other)
            if a != b { parent[a] = b }
            if parent[b] == nil { parent[b] = b }
            if parent[finding.id] == nil { parent[finding.id] = b }
        }
        var order: [String] = []
        var members: [String: [Finding]] = [:]
        for finding in index.findings where parent[finding.id] != nil {
            let r = root(finding.id)
            if members[r] == nil { order.append(r) }
            members[r, default: []].append(finding)
        }
        return order.compactMap { members[$0] }.filter { $0.count > 1 }
    }
}
