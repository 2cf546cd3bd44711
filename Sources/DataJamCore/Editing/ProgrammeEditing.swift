import Foundation

/// The changes a facilitator makes to a programme (`datajam programme …`): each stamps the
/// records it touches with `now`, later than their previous version, so that merging copies keeps
/// it (`LastWriterWins`). Each throws an `InputError` that says what to do instead.
extension Programme {
    /// Sets the name and the issuer given (nil: left as it is; empty: cleared).
    public mutating func setDetails(name: String?, issuer: String?, at now: Timestamp = .now()) throws(InputError) {
        guard name != nil || issuer != nil else { throw InputError("nothing to set: give --name NAME, --issuer NAME or both") }
        if let name { details.name = try Self.checkedShort(name, "the name") }
        if let issuer { details.issuer = try Self.checkedShort(issuer, "the issuer") }
        details.updatedAt = now.later(than: details.updatedAt)
    }

    /// Adds a result, a difficulty or an idea; returns its id.
    @discardableResult
    public mutating func add(_ section: Section, _ text: String, at now: Timestamp = .now()) throws(InputError) -> String {
        let item = SynthesisItem(text: try Self.checkedText(text), createdAt: now)
        section.set(section[self] + [item], in: &self)
        return item.id
    }

    /// Adds a recommendation, with its owner and deadline when known; returns its id.
    @discardableResult
    public mutating func addRecommendation(_ text: String, owner: String? = nil, deadline: WorkshopDate? = nil,
                                           at now: Timestamp = .now()) throws(InputError) -> String {
        let owner = try owner.map { text throws(InputError) in try Self.checkedShort(text, "the owner") }
        let item = Recommendation(text: try Self.checkedText(text), owner: owner.flatMap { $0.isEmpty ? nil : $0 },
                                  deadline: deadline, createdAt: now)
        recommendations.append(item)
        return item.id
    }

    /// What `edit` changes on a recommendation: nil leaves a field as it is.
    public enum FieldChange<Value: Sendable>: Sendable {
        case keep, clear, set(Value)
    }

    /// Changes the text of any item, and a recommendation's owner or deadline.
    public mutating func edit(_ id: String, text: String?, owner: FieldChange<String> = .keep,
                              deadline: FieldChange<WorkshopDate> = .keep, at now: Timestamp = .now()) throws(InputError) {
        let newText = try text.map { text throws(InputError) in try Self.checkedText(text) }
        if let i = recommendations.index(ofID: id), !recommendations[i].isDeleted {
            guard newText != nil || !owner.isKeep || !deadline.isKeep else {
                throw InputError("nothing to change: give a new text, --owner or --deadline")
            }
            if let newText { recommendations[i].text = newText }
            switch owner {
            case .keep: break
            case .clear: recommendations[i].owner = nil
            case .set(let value): recommendations[i].owner = try Self.checkedShort(value, "the owner")
            }
            switch deadline {
            case .keep: break
            case .clear: recommendations[i].deadline = nil
            case .set(let value): recommendations[i].deadline = value
            }
            recommendations[i].updatedAt = now.later(than: recommendations[i].updatedAt)
            return
        }
        guard owner.isKeep, deadline.isKeep else {
            throw InputError("only a recommendation has an owner and a deadline; \(id) is not one (see `datajam programme show`)")
        }
        for section in Section.allCases {
            var items = section[self]
            guard let i = items.index(ofID: id), !items[i].isDeleted else { continue }
            guard let newText else { throw InputError("nothing to change: give the new text") }
            items[i].text = newText
            items[i].updatedAt = now.later(than: items[i].updatedAt)
            section.set(items, in: &self)
            return
        }
        if let i = links.index(ofID: id), !links[i].isDeleted {
            guard let text else { throw InputError("nothing to change: give the link's new label") }
            links[i].label = try Self.checkedShort(text, "the label")
            links[i].updatedAt = now.later(than: links[i].updatedAt)
            return
        }
        throw InputError("no item or link \(id) in the programme; `datajam programme show` lists them with their ids")
    }

    /// Deletes an item or a link (a tombstone, so that merged copies agree).
    public mutating func delete(_ id: String, at now: Timestamp = .now()) throws(InputError) {
        if let i = recommendations.index(ofID: id), !recommendations[i].isDeleted {
            recommendations[i].deletedAt = now.later(than: recommendations[i].updatedAt)
            recommendations[i].updatedAt = recommendations[i].deletedAt!
            return
        }
        for section in Section.allCases {
            var items = section[self]
            guard let i = items.index(ofID: id), !items[i].isDeleted else { continue }
            items[i].deletedAt = now.later(than: items[i].updatedAt)
            items[i].updatedAt = items[i].deletedAt!
            section.set(items, in: &self)
            return
        }
        if let i = links.index(ofID: id), !links[i].isDeleted {
            links[i].deletedAt = now.later(than: links[i].updatedAt)
            links[i].updatedAt = links[i].deletedAt!
            return
        }
        throw InputError("no item or link \(id) in the programme; `datajam programme show` lists them with their ids")
    }

    /// Where `link` puts the findings it is given.
    public enum LinkTarget: Sendable, Equatable {
        /// The one live link that already names some of them, else a new link.
        case automatic
        /// Always a new link (a finding may belong to several points).
        case new
        /// That link (its id).
        case into(String)
    }

    /// Confirms that `findings` make the same point: they join one link. Returns the link.
    @discardableResult
    public mutating func link(_ findings: [FindingReference], label: String? = nil, target: LinkTarget = .automatic,
                              at now: Timestamp = .now()) throws(InputError) -> FindingLink {
        var unique: [FindingReference] = []
        for reference in findings where !unique.contains(reference) { unique.append(reference) }
        let label = try label.map { text throws(InputError) in try Self.checkedShort(text, "the label") }
        var index: Int?
        switch target {
        case .new: index = nil
        case .into(let id):
            guard let i = links.index(ofID: id), !links[i].isDeleted else {
                throw InputError("no link \(id) in the programme; `datajam programme links` lists them")
            }
            index = i
        case .automatic:
            let holding = links.indices.filter { !links[$0].isDeleted && links[$0].findings.contains(where: unique.contains) }
            if holding.count > 1 {
                let ids = holding.map { links[$0].id }.joined(separator: " and ")
                throw InputError("these findings are already in links \(ids); say which with --into ID, or make another with --new")
            }
            index = holding.first
        }
        if let i = index {
            let added = unique.filter { !links[i].findings.contains($0) }
            guard !added.isEmpty || label != nil else {
                throw InputError("already linked in \(links[i].id); nothing changed")
            }
            links[i].findings += added
            if let label { links[i].label = label }
            links[i].updatedAt = now.later(than: links[i].updatedAt)
            return links[i]
        }
        guard unique.count >= 2 else {
            throw InputError("a link joins at least two findings; give two (or a suggestion's reference), or --into ID to add one to a link")
        }
        let link = FindingLink(label: label ?? "", findings: unique, createdAt: now)
        links.append(link)
        return link
    }

    /// Takes findings out of a link; with none given, or when fewer than two would stay, the link is deleted.
    public mutating func unlink(_ id: String, findings: [FindingReference] = [], at now: Timestamp = .now()) throws(InputError) {
        guard let i = links.index(ofID: id), !links[i].isDeleted else {
            throw InputError("no link \(id) in the programme; `datajam programme links` lists them")
        }
        if let missing = findings.first(where: { !links[i].findings.contains($0) }) {
            throw InputError("link \(id) does not name \(missing); `datajam programme links` lists its findings")
        }
        let kept = links[i].findings.filter { !findings.contains($0) }
        let stamp = now.later(than: links[i].updatedAt)
        if findings.isEmpty || kept.count < 2 {
            links[i].deletedAt = stamp
        } else {
            links[i].findings = kept
        }
        links[i].updatedAt = stamp
    }

    private static func checkedText(_ text: String) throws(InputError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw InputError("the text is empty; give the text in quotes") }
        guard trimmed.unicodeScalars.count <= Limits.longText else {
            throw InputError("the text is \(trimmed.unicodeScalars.count) characters long; at most \(Limits.longText)")
        }
        return trimmed
    }

    private static func checkedShort(_ text: String, _ what: String) throws(InputError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.unicodeScalars.count <= Limits.shortText else {
            throw InputError("\(what) is \(trimmed.unicodeScalars.count) characters long; at most \(Limits.shortText)")
        }
        return trimmed
    }
}

extension Programme.FieldChange {
    var isKeep: Bool { if case .keep = self { true } else { false } }
}
