import DataJamCore

extension Anonymizer {
    /// The programme with the names recorded in `workshops` removed from its texts, as each of the
    /// workshops is (`Workshop.anonymized(names:)`): its results, difficulties, ideas,
    /// recommendations and their owners, and its links' labels. E-mail addresses, @handles and
    /// phone numbers go too. An owner left empty is dropped (nobody named).
    public static func anonymize(_ programme: Programme, among workshops: [Workshop]) -> Programme {
        let matcher = NameMatcher(names: workshops.flatMap(personNames))
        var p = programme
        for section in Programme.Section.allCases {
            section.set(section[p].map { item in
                var item = item
                item.text = matcher.redact(item.text)
                return item
            }, in: &p)
        }
        for i in p.recommendations.indices {
            p.recommendations[i].text = matcher.redact(p.recommendations[i].text)
            p.recommendations[i].owner = p.recommendations[i].owner.map(matcher.redact)
        }
        for i in p.links.indices { p.links[i].label = matcher.redact(p.links[i].label) }
        p.details.name = matcher.redact(p.details.name)
        return p
    }
}
