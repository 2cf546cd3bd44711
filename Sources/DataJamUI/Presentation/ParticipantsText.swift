import DataJamCore

/// How participant groups read on screen: the headcount, the women / men / not-stated balance as
/// bars, the organisations, and the totals. A count nobody took is said to be unknown, never
/// shown as a number.
enum ParticipantsText {
    /// Columns a bar takes for the whole headcount.
    static let barWidth = 10

    static func letters(_ lang: Lang) -> (women: String, men: String, notStated: String) {
        lang == .fr ? ("F", "H", "?") : ("W", "M", "?")
    }

    static func legend(_ lang: Lang) -> String {
        lang.pick(fr: "F femmes, H hommes, ? non précisé", en: "W women, M men, ? not stated")
    }

    /// "Administration · 24 participants", "Médias · effectif non renseigné".
    static func title(_ group: ParticipantGroup, lang: Lang) -> String {
        let name = group.name.isEmpty ? lang.pick(fr: "(sans nom)", en: "(no name)") : group.name
        guard let headcount = group.headcount else { return name + lang.pick(fr: " · effectif non renseigné", en: " · headcount not recorded") }
        return "\(name) · \(headcount) participant" + (headcount > 1 ? "s" : "")
    }

    /// "F ████▌ 11 · H █████ 12 · ? ▍ 1": bars are shares of the headcount, so they only appear
    /// when it is known; people the counts leave out are "non renseigné".
    static func balance(_ group: ParticipantGroup, lang: Lang) -> [String] {
        balance(women: group.women, men: group.men, notStated: group.notStated,
                unrecorded: group.headcount.map { max(0, $0 - known(group)) }, scale: group.headcount, lang: lang)
    }

    /// The counts shown, then how many nobody counted.
    static func balance(women: Int?, men: Int?, notStated: Int?, unrecorded: Int?, scale: Int?, lang: Lang) -> [String] {
        let letter = letters(lang)
        let notRecorded = lang.pick(fr: "non renseigné", en: "not recorded")
        if women == nil, men == nil, notStated == nil {
            return [lang.pick(fr: "répartition F/H non renseignée", en: "women/men split not recorded")]
        }
        var parts: [String] = []
        for (name, count) in [(letter.women, women), (letter.men, men), (letter.notStated, notStated)] {
            guard let count else { continue }
            let bar = scale.map { Draw.bar(count, of: $0, width: barWidth) } ?? ""
            parts.append(bar.isEmpty ? "\(name) \(count)" : "\(name) \(bar) \(count)")
        }
        if let unrecorded, unrecorded > 0 { parts.append("\(notRecorded) \(unrecorded)") }
        return parts
    }

    /// "20 organisations : EGOV Unit, INS, … +17", as many names as fit in `maxLines` of `width`.
    static func organisations(_ names: [String], width: Int, maxLines: Int, lang: Lang) -> [String] {
        guard !names.isEmpty, width > 0, maxLines > 0 else { return [] }
        let head = lang.pick(fr: "\(names.count) organisation\(names.count > 1 ? "s" : "") : ",
                             en: "\(names.count) organisation\(names.count > 1 ? "s" : ""): ")
        let separator = names.contains { $0.contains(",") } ? " ; " : ", "
        var best = TextWrap.wrap(head + "… +\(names.count)", width: width)
        // When not even the first name fits whole, as much of it as fits: a name cut short says
        // more than "… +11".
        let first = names[0]
        let tail = names.count > 1 ? separator + "+\(names.count - 1)" : ""
        for room in stride(from: DisplayWidth.of(first) - 1, through: 4, by: -1) {
            let lines = TextWrap.wrap(head + TextWrap.truncate(first, width: room) + tail, width: width)
            if lines.count <= maxLines {
                best = lines
                break
            }
        }
        for shown in 1...names.count {
            let rest = names.count - shown
            let text = head + names.prefix(shown).joined(separator: separator) + (rest > 0 ? separator + "… +\(rest)" : "")
            let lines = TextWrap.wrap(text, width: width)
            guard lines.count <= maxLines else { break }
            best = lines
        }
        return Array(best.prefix(maxLines))
    }

    static func known(_ group: ParticipantGroup) -> Int {
        [group.women, group.men, group.notStated].compactMap { $0 }.reduce(0, +)
    }

    /// The day's totals over the live groups.
    struct Tally: Equatable {
        /// Sum of the known headcounts.
        var headcount = 0
        var groupsWithoutHeadcount = 0
        /// Sums of the counts recorded; nil when no group recorded that count.
        var women: Int?
        var men: Int?
        var notStated: Int?
        /// People in a counted group whose gender nobody recorded.
        var unrecorded = 0

        init(_ groups: [ParticipantGroup]) {
            for group in groups {
                if let h = group.headcount {
                    headcount += h
                    unrecorded += max(0, h - ParticipantsText.known(group))
                } else {
                    groupsWithoutHeadcount += 1
                }
                if let w = group.women { women = (women ?? 0) + w }
                if let m = group.men { men = (men ?? 0) + m }
                if let n = group.notStated { notStated = (notStated ?? 0) + n }
            }
        }
    }

    /// "Total : 42 participants", "F ██▋ 11", "H ██▉ 12", "? ▎ 1", "non renseigné 18". `bars:
    /// false` and `short: true` leave out the bars and the word "participants", for narrow panels.
    static func total(_ groups: [ParticipantGroup], bars: Bool = true, short: Bool = false, lang: Lang) -> [String] {
        let tally = Tally(groups)
        var text = lang.pick(fr: "Total : ", en: "Total: ") + "\(tally.headcount)"
        if !short { text += " participant" + (tally.headcount > 1 ? "s" : "") }
        if tally.groupsWithoutHeadcount > 0 {
            let n = tally.groupsWithoutHeadcount
            text += lang.pick(fr: " (+ \(n) groupe\(n > 1 ? "s" : "") sans effectif)", en: " (+ \(n) group\(n > 1 ? "s" : "") without headcount)")
        }
        return [text] + balance(women: tally.women, men: tally.men, notStated: tally.notStated, unrecorded: tally.unrecorded,
                                scale: bars && tally.headcount > 0 ? tally.headcount : nil, lang: lang)
    }

    /// `parts` joined by " · " in lines of `width`, breaking between parts rather than inside
    /// them (a bar stays with its number); a part wider than a line is wrapped on its own.
    static func pack(_ parts: [String], width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for part in parts {
            if line.isEmpty {
                line = part
            } else if DisplayWidth.of(line) + 3 + DisplayWidth.of(part) <= width {
                line += " · " + part
            } else {
                lines.append(line)
                line = part
            }
            if DisplayWidth.of(line) > width {
                let pieces = TextWrap.wrap(line, width: width)
                lines += pieces.dropLast()
                line = pieces.last ?? ""
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
