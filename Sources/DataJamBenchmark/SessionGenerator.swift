import DataJamCore

/// A large synthetic workshop: `findings` findings spread over `teams` teams and the plenary,
/// every kind, French and Arabic text, scored data needs. Deterministic for a given seed.
enum SessionGenerator {
    /// `arabicShare`: the fraction of findings written wholly in Arabic (with numbers and acronyms inside), which
    /// the screen lays out right to left.
    static func workshop(findings count: Int, teams teamCount: Int, seed: UInt64 = 42, arabicShare: Double = 0) -> Workshop {
        var random = SplitMix64(seed: seed)
        let start = Timestamp(milliseconds: 1_701_072_000_000)
        var workshop = WorkshopPreset.named("blank")!.makeWorkshop(
            theme: "Banc d’essai", date: WorkshopDate("2023-11-27"), city: "Tunis",
            teamNames: (1...teamCount).map { "Équipe \($0)" }, now: start)
        let words = ["données", "ouvertes", "accès", "qualité", "ministère", "publication", "format", "ventilées",
                     "sexe", "portail", "transport", "santé", "éducation", "budget", "النفاذ", "المعلومة", "réutilisation",
                     "décret", "coordination", "métadonnées", "API", "PDF", "collecte", "régions"]
        let arabicWords = ["البيانات", "المفتوحة", "غير", "متوفرة", "بصيغة", "قابلة", "للاستعمال", "وزارة", "النفاذ",
                           "إلى", "المعلومة", "2024", "INS", "(الصحة)", "الجهات"]
        let arabicEvery = arabicShare > 0 ? max(1, Int((1 / arabicShare).rounded())) : Int.max
        let teamIDs = workshop.teams.map { Optional($0.id) } + [nil]
        let categories = workshop.categories.map(\.id)
        workshop.findings.reserveCapacity(count)
        for i in 0..<count {
            let kind = FindingKind.allCases[Int(random.next() % UInt64(FindingKind.allCases.count))]
            let length = 6 + Int(random.next() % 18)
            let vocabulary = i % arabicEvery == 0 ? arabicWords : words
            let text = (0..<length).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
            var finding = Finding(id: "f-\(i)", teamId: teamIDs[Int(random.next() % UInt64(teamIDs.count))], kind: kind, text: text,
                                  category: kind == .constraint ? categories[Int(random.next() % UInt64(categories.count))] : nil,
                                  gender: random.next() % 7 == 0, author: "Rapporteur",
                                  createdAt: Timestamp(milliseconds: start.milliseconds + Int64(i) * 1000))
            if kind == .dataNeed {
                finding.dataNeed = DataNeedDetails(producer: "INS", availability: .missing, sexDisaggregation: random.next() % 2 == 0,
                                                   relevance: 1 + Int(random.next() % 5), impact: 1 + Int(random.next() % 5))
            }
            if kind == .actor { finding.actorRole = random.next() % 2 == 0 ? .producer : .reuser }
            workshop.findings.append(finding)
        }
        return workshop
    }
}

/// A small, fast, seedable generator (the benchmark must be repeatable).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
