import DataJamCore

extension WorkshopFixtures {
    /// A workshop of `findings` findings over `teams` teams ("Équipe 1"…) and the plenary, with
    /// texts of realistic length: for tests that need a file whose save is slow (~150 ms at 10,000).
    public static func large(findings count: Int, teams teamCount: Int = 12) -> Workshop {
        let start = time(0)
        var workshop = WorkshopPreset.named("blank")!.makeWorkshop(
            theme: "Grand atelier", date: WorkshopDate("2023-11-27"), city: "Tunis",
            teamNames: (1...teamCount).map { "Équipe \($0)" }, now: start)
        let words = ["données", "ouvertes", "accès", "qualité", "ministère", "publication", "format", "ventilées",
                     "portail", "transport", "santé", "النفاذ", "المعلومة", "réutilisation", "métadonnées", "API"]
        let teamIDs = workshop.teams.map { Optional($0.id) } + [nil]
        workshop.findings.reserveCapacity(count)
        for i in 0..<count {
            let text = (0..<(8 + i % 11)).map { words[(i * 7 + $0 * 3) % words.count] }.joined(separator: " ")
            workshop.findings.append(Finding(id: "f-large-\(i)", teamId: teamIDs[i % teamIDs.count], kind: .opportunity,
                                             text: text, author: "Rapporteur",
                                             createdAt: Timestamp(milliseconds: start.milliseconds + Int64(i) * 1000)))
        }
        return workshop
    }
}
