import DataJamCore

/// Gathers the same text from several workshops once. The sample files repeat the shared results,
/// difficulties and ideas for next time in each file; a consolidated report prints each once,
/// with the workshops it applies to. Texts are the same when their `TextKey` is.
enum SharedTexts {
    static func gather(_ lists: [(number: Int, texts: [String])]) -> [ConsolidatedReport.SharedText] {
        var order: [String] = []
        var entries: [String: ConsolidatedReport.SharedText] = [:]
        for (number, texts) in lists {
            for text in texts {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { continue }
                let key = TextKey.of(trimmed)
                if var entry = entries[key] {
                    if !entry.workshops.contains(number) { entry.workshops.append(number) }
                    entries[key] = entry
                } else {
                    order.append(key)
                    entries[key] = ConsolidatedReport.SharedText(text: trimmed, workshops: [number])
                }
            }
        }
        return order.compactMap { entries[$0] }
    }

    static func gather(_ lists: [(number: Int, partnerships: [Partnership])]) -> [ConsolidatedReport.SharedPartnership] {
        var order: [String] = []
        var entries: [String: ConsolidatedReport.SharedPartnership] = [:]
        for (number, partnerships) in lists {
            for p in partnerships {
                let key = [p.producer, p.reuser, p.subject].map(TextKey.of).joined(separator: "\u{1F}")
                if var entry = entries[key] {
                    if !entry.workshops.contains(number) { entry.workshops.append(number) }
                    entries[key] = entry
                } else {
                    order.append(key)
                    entries[key] = ConsolidatedReport.SharedPartnership(
                        producer: p.producer.trimmingCharacters(in: .whitespacesAndNewlines),
                        reuser: p.reuser.trimmingCharacters(in: .whitespacesAndNewlines),
                        subject: p.subject.trimmingCharacters(in: .whitespacesAndNewlines), workshops: [number])
                }
            }
        }
        return order.compactMap { entries[$0] }
    }

    /// Groups items by the set of workshops they apply to, in the order each set first appears:
    /// the consolidated report lists the items common to several workshops under one heading.
    static func byWorkshops<T>(_ items: [T], _ workshops: (T) -> [Int]) -> [(workshops: [Int], items: [T])] {
        var groups: [(workshops: [Int], items: [T])] = []
        for item in items {
            let set = workshops(item).sorted()
            if let i = groups.firstIndex(where: { $0.workshops == set }) {
                groups[i].items.append(item)
            } else {
                groups.append((set, [item]))
            }
        }
        return groups
    }
}
