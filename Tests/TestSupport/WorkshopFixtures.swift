import DataJamCore

/// Workshops built in code for tests: every kind of record, fixed ids and times.
public enum WorkshopFixtures {
    public static func time(_ seconds: Int64) -> Timestamp { Timestamp(milliseconds: 1_701_072_000_000 + seconds * 1000) }

    /// A workshop with two teams, the default categories, one finding of every kind, participants
    /// and a synthesis.
    public static func complete() -> Workshop {
        var w = WorkshopPreset.named("blank")!.makeWorkshop(
            theme: "Économie numérique", date: WorkshopDate("2023-11-27"), city: "Tunis", teamNames: nil, now: time(0))
        w.id = "w-test"
        w.details.objectives = ["Identifier les besoins", "Prioriser la publication"]
        w.details.focus = "Données économiques"
        w.teams = [
            Team(id: "t-transport", name: "Transport et Infrastructure", scope: "transport intelligent", rapporteur: "Leïla Ben Salah", createdAt: time(1)),
            Team(id: "t-invest", name: "Investissement", scope: "investissement et transformation digitale", createdAt: time(2)),
        ]
        w.participantGroups = [
            ParticipantGroup(id: "g-admin", name: "Administration", headcount: 24, women: 11, men: 12, notStated: 1,
                             organisations: ["INS", "SNCFT"], people: ["Mohamed Ali"], createdAt: time(3)),
            ParticipantGroup(id: "g-civil", name: "Société civile et secteur privé", headcount: 18, organisations: ["Thnity"], createdAt: time(4)),
        ]
        w.findings = [
            Finding(id: "f-1", teamId: "t-transport", kind: .constraint, text: "Absence d’APIs", category: "technical", author: "Leïla", createdAt: time(10)),
            Finding(id: "f-2", teamId: "t-transport", kind: .opportunity, text: "Applications de mobilité", createdAt: time(11)),
            Finding(id: "f-3", teamId: "t-invest", kind: .dataNeed, text: "Données ventilées par sexe sur l’emploi", gender: true,
                    dataNeed: DataNeedDetails(producer: "INS", availability: .missing, wantedFormat: "CSV", sexDisaggregation: true, relevance: 5, impact: 4),
                    createdAt: time(12)),
            Finding(id: "f-4", teamId: nil, kind: .channel, text: "Portail national open data", createdAt: time(13)),
            Finding(id: "f-5", teamId: "t-invest", kind: .actor, text: "Tunisian Investment Authority", actorRole: .producer, createdAt: time(14)),
            Finding(id: "f-6", teamId: "t-transport", kind: .useCase, text: "Thnity : covoiturage", createdAt: time(15)),
            Finding(id: "f-7", teamId: nil, kind: .note, text: "عبد الله : ملاحظة 👍", createdAt: time(16)),
            Finding(id: "f-8", teamId: "t-invest", kind: .constraint, text: "Absence d’API", category: "technical", samePointAs: "f-1", createdAt: time(17)),
        ]
        w.synthesis = Synthesis(
            recommendations: [SynthesisItem(id: "s-r1", text: "Publier les données de transport", createdAt: time(20))],
            partnerships: [Partnership(id: "p-1", producer: "SNCFT", reuser: "Thnity", subject: "horaires ouverts", createdAt: time(21))],
            results: [SynthesisItem(id: "s-res1", text: "Besoins identifiés", createdAt: time(22))],
            difficulties: [SynthesisItem(id: "s-d1", text: "Publics hétérogènes", createdAt: time(23))],
            improvements: [SynthesisItem(id: "s-i1", text: "Supports en amont", createdAt: time(24))])
        return w
    }
}
