import DataJamCore

/// A small, fast, seedable random generator: generated tests must replay exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<count (count > 0).
    public mutating func below(_ count: Int) -> Int { Int(next() % UInt64(max(count, 1))) }

    public mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Valid workshops of every shape, built in code from a seed: teams (some deleted), every finding
/// kind, data needs scored or not, same-point links, participant groups, timed sessions,
/// conclusions, texts from several scripts and the edges of the time range.
public enum GeneratedWorkshops {
    /// Texts that stress display, escaping and exports: accents, Arabic, emoji and wide
    /// characters, combining marks, bidirectional controls, quotes and markup.
    public static let texts = [
        "Absence d’APIs", "Données ventilées par sexe", "النفاذ إلى المعلومة", "👩🏽‍💻 données 📊", "数据开放 全角",
        "e\u{301}\u{301}\u{301} combinés", "\u{202E}override\u{202C}", "<script>alert(1)</script> & \"quotes\"",
        "| pipe | *star* _under_ `tick` # hash", "a;b,c\"d\ne", "ligne 1\nligne 2\n\nligne 4", "  espaces  ",
        "\u{1B}[2J\u{1B}]0;titre\u{07}", "tab\there", "\u{200B}\u{FEFF}zero width", String(repeating: "long ", count: 300),
        "x", "Ünïcödé", "\u{0}nul", "\\back\\slash/", "=SUM(A1)", "-1", "   ",
    ]

    public static let times: [Timestamp] = [
        Timestamp.earliest, Timestamp.latest, Timestamp(milliseconds: 0), Timestamp(milliseconds: -1),
        Timestamp(milliseconds: 1_701_072_000_000), Timestamp(milliseconds: 1_701_072_000_999),
        Timestamp(milliseconds: 951_782_400_000), Timestamp(milliseconds: Timestamp.latest.milliseconds - 86_400_000),
    ]

    public static func make(seed: UInt64) -> Workshop {
        var r = SeededGenerator(seed: seed)
        func time() -> Timestamp {
            r.chance(70) ? Timestamp(milliseconds: 1_701_072_000_000 + Int64(r.below(86_400_000))) : r.pick(times)
        }
        func text() -> String {
            var t = r.pick(texts)
            if t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { t = "texte \(r.below(1000))" }
            return t
        }
        /// A name, a label, an author: at most `Limits.shortText` characters.
        func short() -> String { String(String.UnicodeScalarView(text().unicodeScalars.prefix(Limits.shortText))) }
        let preset = r.pick(WorkshopPreset.all)
        let teamCount = r.below(6)
        var w = preset.makeWorkshop(theme: r.chance(80) ? short() : "Atelier",
                                    date: r.chance(70) ? r.pick([WorkshopDate("2023-11-27"), WorkshopDate("0001-01-01"), WorkshopDate("9999-12-31"), WorkshopDate("2024-02-29")]) : nil,
                                    city: r.chance(50) ? short() : "", teamNames: teamCount == 0 ? nil : (0..<teamCount).map { "Équipe \($0) \(r.pick(texts).prefix(12))" },
                                    now: Timestamp(milliseconds: min(time().milliseconds, Timestamp.latest.milliseconds - 1000)))
        w.id = "w-gen-\(seed)"
        w.details.context = r.chance(50) ? text() : ""
        w.details.objectives = (0..<r.below(3)).map { _ in text() }
        for i in w.teams.indices where r.chance(15) { w.teams[i].deletedAt = time().later(than: w.teams[i].updatedAt) }
        for i in w.teams.indices where r.chance(30) { w.teams[i].rapporteur = short() }
        for i in w.sessions.indices {
            if r.chance(50) {
                let start = time()
                w.sessions[i].startedAt = start
                if r.chance(60) { w.sessions[i].endedAt = Timestamp(milliseconds: min(start.milliseconds + Int64(r.below(20_000_000)), Timestamp.latest.milliseconds)) }
            }
            if r.chance(30) { w.sessions[i].plannedMinutes = r.pick([0, 1, 90, Limits.plannedMinutes]) }
        }
        w.participantGroups = (0..<r.below(4)).map { i in
            let women = r.below(20), men = r.below(20)
            return ParticipantGroup(id: "g-\(i)", name: short(), headcount: r.chance(70) ? women + men + r.below(5) : nil,
                                    women: r.chance(70) ? women : nil, men: r.chance(70) ? men : nil, notStated: r.chance(30) ? 0 : nil,
                                    organisations: (0..<r.below(3)).map { _ in short() }, people: (0..<r.below(3)).map { _ in short() },
                                    createdAt: time())
        }
        let teamIDs = w.teams.map { Optional($0.id) } + [nil]
        let categories = w.categories.map(\.id)
        for i in 0..<r.below(16) {
            let kind = r.pick(FindingKind.allCases)
            var f = Finding(id: "f-\(i)", teamId: r.pick(teamIDs), kind: kind, text: text(),
                            category: kind == .constraint ? (categories.isEmpty ? nil : r.pick(categories)) : nil,
                            gender: r.chance(20), author: r.chance(30) ? short() : nil, createdAt: time())
            if kind == .constraint, categories.isEmpty { f.kind = .note }
            if f.kind == .dataNeed {
                f.dataNeed = DataNeedDetails(producer: r.chance(50) ? short() : nil,
                                             availability: r.chance(60) ? r.pick(DataNeedDetails.Availability.allCases) : nil,
                                             wantedFormat: r.chance(30) ? "CSV" : nil, sexDisaggregation: r.chance(50),
                                             relevance: r.chance(70) ? 1 + r.below(5) : nil, impact: r.chance(70) ? 1 + r.below(5) : nil)
            }
            if f.kind == .actor, r.chance(70) { f.actorRole = r.pick(ActorRole.allCases) }
            if i > 0, r.chance(15) { f.samePointAs = "f-\(r.below(i))" }
            if r.chance(10) { f.deletedAt = f.createdAt }
            if r.chance(20) { f.updatedAt = time().later(than: f.createdAt) }
            w.findings.append(f)
        }
        for section in Synthesis.Section.allCases {
            w.synthesis[section] = (0..<r.below(3)).map { SynthesisItem(id: "s-\(section.rawValue)-\($0)", text: text(), createdAt: time()) }
        }
        w.synthesis.partnerships = (0..<r.below(3)).map { Partnership(id: "p-\($0)", producer: short(), reuser: short(), subject: text(), createdAt: time()) }
        // From the seed, not the generator, so that the rest of each seed's workshop stays as it was.
        w.details.timeZone = [nil, "Africa/Tunis", "Europe/Paris", "America/St_Johns", "Pacific/Kiritimati", "UTC"][Int(seed % 6)]
        return w
    }
}
