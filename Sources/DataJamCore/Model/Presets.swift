/// Ready-made workshop set-ups taken from the seed's three workshops: constraint categories,
/// teams and the programme outline, so a facilitator starts from a proven frame.
public struct WorkshopPreset: Sendable {
    public let name: String
    public let summary: String
    public let categories: [(id: String, fr: String, en: String)]
    public let teams: [(name: String, scope: String)]
    public let plenaryScope: String

    /// Categories used in workshop 1 (Économie numérique).
    static let economyCategories: [(id: String, fr: String, en: String)] = [
        ("legal", "Cadre juridique", "Legal framework"),
        ("data-quality", "Qualité des données", "Data quality"),
        ("governance", "Gouvernance", "Governance"),
        ("technical", "Technique", "Technical"),
        ("human-resources", "Moyens humains", "Human resources"),
        ("financial", "Moyens financiers", "Financial resources"),
    ]

    /// Categories used in workshops 2 and 3: the default for a new workshop.
    static let barrierCategories: [(id: String, fr: String, en: String)] = [
        ("technical", "Barrières techniques", "Technical"),
        ("organisational", "Barrières organisationnelles", "Organisational"),
        ("cultural", "Barrières culturelles", "Cultural"),
        ("legal", "Cadre juridique", "Legal"),
        ("privacy", "Vie privée", "Privacy"),
        ("gender", "Genre", "Gender"),
    ]

    public static let all: [WorkshopPreset] = [
        WorkshopPreset(
            name: "blank",
            summary: "default categories (technical, organisational, cultural, legal, privacy, gender), no teams",
            categories: barrierCategories, teams: [], plenaryScope: ""),
        WorkshopPreset(
            name: "economie-numerique",
            summary: "workshop 1: legal / data quality / governance / technical / human / financial; 3 teams",
            categories: economyCategories,
            teams: [
                ("Ressources naturelles", "énergie, mines, ressources hydrauliques, terres agricoles, biens immobiliers de l’Etat, conservation foncière"),
                ("Transport et Infrastructure", "transport intelligent, infrastructure routière…"),
                ("Investissement", "investissement et transformation digitale, accès des femmes aux investissements et à l’emploi…"),
            ],
            plenaryScope: ""),
        WorkshopPreset(
            name: "inclusion-sociale",
            summary: "workshop 2: technical / organisational / cultural / legal / privacy / gender; 3 teams; channels in plenary",
            categories: barrierCategories,
            teams: [
                ("Santé et affaires sociales", "données du secteur de la santé et des affaires sociales, accès aux soins pour les catégories vulnérables"),
                ("Education", "accès équitable à l’éducation, formation professionnelle, enseignement supérieur"),
                ("Empower Data", "inclusion des femmes, protection contre la violence, accès des femmes et des catégories vulnérables à la justice"),
            ],
            plenaryScope: "Identification des canaux actuels pour recevoir les données"),
        WorkshopPreset(
            name: "data-journalisme",
            summary: "workshop 3: technical / organisational / cultural / legal / privacy / gender; 3 teams",
            categories: barrierCategories,
            teams: [
                ("Environnement", ""),
                ("Finance et Subventions", ""),
                ("Droit de l’Homme", ""),
            ],
            plenaryScope: ""),
    ]

    public static func named(_ name: String) -> WorkshopPreset? {
        all.first { $0.name == name.lowercased() }
    }

    public static var allowedList: String { all.map(\.name).joined(separator: ", ") }

    /// A new workshop with this preset's frame. `teamNames`, when given, replace the preset's teams.
    public func makeWorkshop(theme: String, date: WorkshopDate?, city: String, teamNames: [String]?,
                             french: Bool = true, timeZone: String? = nil, now: Timestamp = .now()) -> Workshop {
        // Consecutive creation times keep the preset's order after merges, which sort by creation time.
        func at(_ i: Int) -> Timestamp { Timestamp(milliseconds: now.milliseconds + Int64(i)) }
        // A team kept from the preset keeps its scope; a new name starts without one.
        let teamList: [(name: String, scope: String)] = teamNames.map { names in
            names.map { name in (name, teams.first { $0.name == name }?.scope ?? "") }
        } ?? teams
        var workshop = Workshop(
            details: WorkshopDetails(theme: theme, date: date, city: city, timeZone: timeZone, updatedAt: now),
            sessions: DaySession.defaultDay(domain: theme, french: french, now: now),
            plenary: Plenary(scope: plenaryScope, updatedAt: now),
            teams: teamList.enumerated().map { i, t in Team(name: t.name, scope: t.scope, createdAt: at(i)) },
            categories: categories.enumerated().map { i, c in
                ConstraintCategory(id: c.id, label: french ? c.fr : c.en, createdAt: at(i))
            })
        workshop.details.objectives = []
        return workshop
    }
}

extension DaySession {
    /// The day as the seed's workshops ran it: presentation, data jam, synthesis.
    public static func defaultDay(domain: String = "", french: Bool = true, now: Timestamp = .now()) -> [DaySession] {
        let domainText = domain.isEmpty ? "" : (french ? " : \(domain)" : ": \(domain)")
        if french {
            return [
                DaySession(id: .presentation, title: "Présentation du programme national d’open data",
                           outline: [
                               OutlineItem(title: "Stratégie"),
                               OutlineItem(title: "Cadre juridique"),
                               OutlineItem(title: "Cadre technique"),
                               OutlineItem(title: "Potentiel de réutilisation" + domainText),
                           ],
                           plannedMinutes: 60, updatedAt: now),
                DaySession(id: .breakouts, title: "Potentiel des données ouvertes / Data Jam",
                           outline: [
                               OutlineItem(title: "Objectifs et méthodologie du Data Jam"),
                               OutlineItem(title: "Travaux en équipes : contraintes, opportunités, besoins en données"),
                           ],
                           plannedMinutes: 120, updatedAt: now),
                DaySession(id: .synthesis, title: "Synthèse, perspectives et collaboration",
                           outline: [
                               OutlineItem(title: "Restitution des équipes"),
                               OutlineItem(title: "Recommandations et partenariats"),
                           ],
                           plannedMinutes: 60, updatedAt: now),
            ]
        }
        return [
            DaySession(id: .presentation, title: "The national open data programme",
                       outline: [
                           OutlineItem(title: "Strategy"),
                           OutlineItem(title: "Legal framework"),
                           OutlineItem(title: "Technical framework"),
                           OutlineItem(title: "Reuse potential" + domainText),
                       ],
                       plannedMinutes: 60, updatedAt: now),
            DaySession(id: .breakouts, title: "Open data potential / Data Jam",
                       outline: [
                           OutlineItem(title: "Data Jam goals and method"),
                           OutlineItem(title: "Team work: constraints, opportunities, data needs"),
                       ],
                       plannedMinutes: 120, updatedAt: now),
            DaySession(id: .synthesis, title: "Synthesis, outlook and collaboration",
                       outline: [
                           OutlineItem(title: "Team reports"),
                           OutlineItem(title: "Recommendations and partnerships"),
                       ],
                       plannedMinutes: 60, updatedAt: now),
        ]
    }
}
