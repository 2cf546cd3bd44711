import DataJamCore

/// The tables of the DataJam Data Package, built from published workshops (see
/// `Workshop.publishable`): workshops, participant_groups, teams, findings, data_needs, synthesis,
/// partnerships.
///
/// Keys: workshops, teams and findings are keyed by their own ids, so that a finding's `team_id`
/// and `same_point_as` can be empty (plenary, no link) and still be checked as foreign keys
/// (Frictionless checks a composite key even when only part of it is empty). Their ids must
/// therefore be unique across the exported workshops; generated ids always are. Participant
/// groups, synthesis items and partnerships, which nothing refers to, are keyed within their
/// workshop (the samples reuse `g-administration` in every workshop).
struct PackageTables {
    let workshops: [Workshop]
    let language: ReportLanguage

    private func t(_ fr: String, _ en: String) -> String { language.pick(fr: fr, en: en) }

    typealias Owned<Item> = (workshop: Workshop, item: Item)

    private func owned<Item>(_ items: (Workshop) -> [Item]) -> [Owned<Item>] {
        workshops.flatMap { w in items(w).map { (w, $0) } }
    }

    /// Why the ids that must be unique across the package are not (the first clash), or nil.
    /// In English, like the command line's other messages.
    func duplicateID() -> String? {
        var workshopIDs: Set<String> = []
        for w in workshops where !workshopIDs.insert(w.id).inserted {
            return "workshop \(w.id) appears twice (is one file a copy of another?)"
        }
        for (kind, ids) in [("team", owned(\.teams).map(\.item.id)), ("finding", owned(\.findings).map(\.item.id))] {
            var seen: Set<String> = []
            for id in ids where !seen.insert(id).inserted {
                return "\(kind) id \(id) is used in two workshops; a Data Package needs \(kind) ids unique across the workshops it holds"
            }
        }
        return nil
    }

    var all: [PackageTable] {
        [workshopTable, groupTable, teamTable, findingTable, dataNeedTable, synthesisTable, partnershipTable]
    }

    private var workshopKey: SchemaForeignKey { SchemaForeignKey(fields: ["workshop_id"], resource: "workshops", referencedFields: ["id"]) }

    private func workshopID<Item>() -> TableColumn<Owned<Item>> {
        TableColumn("workshop_id", .string, title: t("Atelier", "Workshop"),
                    description: t("Identifiant de l’atelier (workshops.id).", "The workshop’s id (workshops.id)."),
                    required: true) { $0.workshop.id }
    }

    private func sum(_ groups: [ParticipantGroup], _ count: (ParticipantGroup) -> Int?) -> Int? {
        let known = groups.compactMap(count)
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    private var workshopTable: PackageTable {
        let counted = t(" Somme sur les groupes de participants qui l’indiquent.", " Sum over the participant groups that state it.")
        return PackageTable(
            name: "workshops", title: t("Ateliers", "Workshops"),
            description: t("Un atelier data jam par ligne.", "One data jam workshop per row."),
            columns: [
                TableColumn<Workshop>("id", .string, title: t("Identifiant", "Id"), description: t("Identifiant de l’atelier.", "The workshop’s id."), required: true) { $0.id },
                TableColumn("theme", .string, title: t("Thème", "Theme"), description: t("Thème de l’atelier.", "The workshop’s theme."), required: true) { $0.details.theme },
                TableColumn("focus", .string, title: t("Focus", "Focus"), description: t("Ce sur quoi l’atelier se concentre.", "What the workshop focuses on.")) { $0.details.focus },
                TableColumn("date", .date, title: t("Date", "Date"), description: t("Jour de l’atelier.", "The day of the workshop.")) { CSVCell.date($0.details.date) },
                TableColumn("city", .string, title: t("Ville", "City"), description: t("Ville de l’atelier.", "Where it took place.")) { $0.details.city },
                TableColumn("time_zone", .string, title: t("Fuseau horaire", "Time zone"), description: t("Fuseau horaire IANA de l’atelier (vide : UTC) ; les horodatages sont en UTC.", "The workshop’s IANA time zone (empty: UTC); timestamps are in UTC.")) { $0.details.timeZone ?? "" },
                TableColumn("context", .string, title: t("Contexte", "Context"), description: t("Contexte de l’atelier.", "The workshop’s background.")) { $0.details.context },
                TableColumn("objectives", .string, title: t("Objectifs", "Objectives"), description: t("Objectifs, séparés par « ; ».", "Objectives, separated by \"; \".")) { CSVCell.list($0.details.objectives) },
                TableColumn("participants", .integer, title: t("Participants", "Participants"), description: t("Nombre de participants.", "Number of participants.") + counted, minimum: 0) {
                    CSVCell.int(sum($0.participantGroups, \.headcount))
                },
                TableColumn("women", .integer, title: t("Femmes", "Women"), description: t("Nombre de femmes.", "Number of women.") + counted, minimum: 0) {
                    CSVCell.int(sum($0.participantGroups, \.women))
                },
                TableColumn("men", .integer, title: t("Hommes", "Men"), description: t("Nombre d’hommes.", "Number of men.") + counted, minimum: 0) {
                    CSVCell.int(sum($0.participantGroups, \.men))
                },
                TableColumn("not_stated", .integer, title: t("Genre non indiqué", "Gender not stated"), description: t("Participants dont le genre n’est pas indiqué.", "Participants whose gender is not stated.") + counted, minimum: 0) {
                    CSVCell.int(sum($0.participantGroups, \.notStated))
                },
            ],
            primaryKey: ["id"], rows: workshops)
    }

    private var groupTable: PackageTable {
        PackageTable(
            name: "participant_groups", title: t("Groupes de participants", "Participant groups"),
            description: t("Les participants par groupe, comme la feuille d’émargement les compte.", "Participants by group, as the sign-in sheet counts them."),
            columns: [
                workshopID(),
                TableColumn("id", .string, title: t("Identifiant", "Id"), description: t("Identifiant du groupe dans son atelier.", "The group’s id within its workshop."), required: true) { $0.item.id },
                TableColumn("name", .string, title: t("Groupe", "Group"), description: t("Nom du groupe (Administration, Société civile…).", "The group’s name (Administration, civil society…)."), required: true) { $0.item.name },
                TableColumn("headcount", .integer, title: t("Effectif", "Headcount"), description: t("Nombre de participants du groupe.", "Number of participants in the group."), minimum: 0, maximum: Limits.headcount) { CSVCell.int($0.item.headcount) },
                TableColumn("women", .integer, title: t("Femmes", "Women"), description: t("Nombre de femmes.", "Number of women."), minimum: 0, maximum: Limits.headcount) { CSVCell.int($0.item.women) },
                TableColumn("men", .integer, title: t("Hommes", "Men"), description: t("Nombre d’hommes.", "Number of men."), minimum: 0, maximum: Limits.headcount) { CSVCell.int($0.item.men) },
                TableColumn("not_stated", .integer, title: t("Genre non indiqué", "Gender not stated"), description: t("Participants dont le genre n’est pas indiqué.", "Participants whose gender is not stated."), minimum: 0, maximum: Limits.headcount) { CSVCell.int($0.item.notStated) },
                TableColumn("organisations", .string, title: t("Organisations", "Organisations"), description: t("Organisations représentées, séparées par « ; ».", "Organisations represented, separated by \"; \".")) { CSVCell.list($0.item.organisations) },
                TableColumn("people", .string, title: t("Personnes", "People"), description: t("Participants nommés, séparés par « ; » (vide dans un export anonymisé).", "Named participants, separated by \"; \" (empty in an anonymised export).")) { CSVCell.list($0.item.people) },
            ],
            primaryKey: ["workshop_id", "id"], foreignKeys: [workshopKey], rows: owned(\.participantGroups))
    }

    private var teamTable: PackageTable {
        PackageTable(
            name: "teams", title: t("Équipes", "Teams"),
            description: t("Les équipes des travaux en groupes.", "The breakout teams."),
            columns: [
                TableColumn<Owned<Team>>("id", .string, title: t("Identifiant", "Id"), description: t("Identifiant de l’équipe.", "The team’s id."), required: true) { $0.item.id },
                workshopID(),
                TableColumn("name", .string, title: t("Équipe", "Team"), description: t("Nom de l’équipe.", "The team’s name."), required: true) { $0.item.name },
                TableColumn("scope", .string, title: t("Périmètre", "Scope"), description: t("Ce sur quoi l’équipe travaille.", "What the team works on.")) { $0.item.scope },
                TableColumn("rapporteur", .string, title: t("Rapporteur", "Rapporteur"), description: t("Qui a saisi pour l’équipe (vide dans un export anonymisé).", "Who typed for the team (empty in an anonymised export).")) { CSVCell.text($0.item.rapporteur) },
                TableColumn("organisations", .string, title: t("Organisations", "Organisations"), description: t("Organisations représentées, séparées par « ; ».", "Organisations represented, separated by \"; \".")) { CSVCell.list($0.item.organisations) },
            ],
            primaryKey: ["id"], foreignKeys: [workshopKey], rows: owned(\.teams))
    }

    private var findingTable: PackageTable {
        PackageTable(
            name: "findings", title: t("Constats", "Findings"),
            description: t("Ce que chaque équipe (ou la plénière) a relevé : contraintes, opportunités, besoins en données, canaux, acteurs, cas d’usage, notes.",
                           "What each team (or the plenary) said: constraints, opportunities, data needs, channels, actors, use cases, notes."),
            columns: [
                TableColumn<Owned<Finding>>("id", .string, title: t("Identifiant", "Id"), description: t("Identifiant du constat.", "The finding’s id."), required: true) { $0.item.id },
                workshopID(),
                TableColumn("team_id", .string, title: t("Équipe", "Team"), description: t("Équipe (teams.id) ; vide pour la plénière.", "The team (teams.id); empty for the plenary.")) { CSVCell.text($0.item.teamId) },
                TableColumn("kind", .string, title: t("Type", "Kind"), description: t("Type de constat.", "The kind of finding."), required: true, allowed: FindingKind.allCases.map(\.rawValue)) { $0.item.kind.rawValue },
                TableColumn("category_id", .string, title: t("Catégorie (identifiant)", "Category id"), description: t("Catégorie d’une contrainte, propre à l’atelier ; vide pour les autres types.", "A constraint’s category, specific to the workshop; empty for other kinds.")) { CSVCell.text($0.item.category) },
                TableColumn("category", .string, title: t("Catégorie", "Category"), description: t("Libellé de la catégorie.", "The category’s label.")) { $0.workshop.exportCategoryLabel(of: $0.item) },
                TableColumn("text", .string, title: t("Texte", "Text"), description: t("Le constat, tel que saisi.", "The finding, as typed."), required: true) { $0.item.text },
                TableColumn("gender", .boolean, title: t("Genre", "Gender"), description: t("Le constat concerne le genre.", "The finding concerns gender."), required: true) { CSVCell.bool($0.item.gender) },
                TableColumn("actor_role", .string, title: t("Rôle de l’acteur", "Actor role"), description: t("Pour un acteur : producteur ou réutilisateur.", "For an actor: producer or re-user."), allowed: ActorRole.allCases.map(\.rawValue)) { CSVCell.text($0.item.actorRole?.rawValue) },
                TableColumn("same_point_as", .string, title: t("Même point que", "Same point as"), description: t("Un autre constat (findings.id) qui fait le même point.", "Another finding (findings.id) making the same point.")) { CSVCell.text($0.item.samePointAs) },
                TableColumn("author", .string, title: t("Auteur", "Author"), description: t("Qui l’a saisi (vide dans un export anonymisé).", "Who typed it (empty in an anonymised export).")) { CSVCell.text($0.item.author) },
                TableColumn("created_at", .datetime, title: t("Créé le", "Created at"), description: t("Date et heure de saisie (UTC).", "When it was typed (UTC)."), required: true) { CSVCell.time($0.item.createdAt) },
                TableColumn("updated_at", .datetime, title: t("Modifié le", "Updated at"), description: t("Dernière modification (UTC).", "Last change (UTC)."), required: true) { CSVCell.time($0.item.updatedAt) },
            ],
            primaryKey: ["id"],
            foreignKeys: [
                workshopKey,
                SchemaForeignKey(fields: ["team_id"], resource: "teams", referencedFields: ["id"]),
                SchemaForeignKey(fields: ["same_point_as"], resource: "", referencedFields: ["id"]),
            ],
            rows: owned(\.findings))
    }

    private var dataNeedTable: PackageTable {
        let needs: [Owned<(finding: Finding, need: DataNeedDetails)>] = owned { w in
            w.findings.compactMap { f in f.kind == .dataNeed ? f.dataNeed.map { (f, $0) } : nil }
        }
        let scoreRange = DataNeedDetails.scoreRange
        return PackageTable(
            name: "data_needs", title: t("Besoins en données", "Data needs"),
            description: t("Le détail des constats de type data-need : producteur, disponibilité, priorité.",
                           "The details of data-need findings: producer, availability, priority."),
            columns: [
                TableColumn<Owned<(finding: Finding, need: DataNeedDetails)>>("finding_id", .string, title: t("Constat", "Finding"), description: t("Le constat (findings.id) qui exprime le besoin.", "The finding (findings.id) stating the need."), required: true) { $0.item.finding.id },
                workshopID(),
                TableColumn("producer", .string, title: t("Producteur", "Producer"), description: t("Producteur pressenti des données.", "Who would publish the data.")) { CSVCell.text($0.item.need.producer) },
                TableColumn("availability", .string, title: t("Disponibilité", "Availability"), description: t("available : publiées ; missing : absentes ; unusable-format : publiées dans un format inexploitable (PDF scanné).", "available: published; missing: not published; unusable-format: published in a form that cannot be reused (scanned PDF)."),
                            allowed: DataNeedDetails.Availability.allCases.map(\.rawValue)) { CSVCell.text($0.item.need.availability?.rawValue) },
                TableColumn("wanted_format", .string, title: t("Format souhaité", "Wanted format"), description: t("Format souhaité.", "The format wanted.")) { CSVCell.text($0.item.need.wantedFormat) },
                TableColumn("sex_disaggregation", .boolean, title: t("Ventilation par sexe", "Sex disaggregation"), description: t("Les données doivent être ventilées par sexe.", "The data must be disaggregated by sex."), required: true) { CSVCell.bool($0.item.need.sexDisaggregation) },
                TableColumn("relevance", .integer, title: t("Pertinence", "Relevance"), description: t("Pertinence, de 1 (faible) à 5 (forte).", "Relevance, 1 (low) to 5 (high)."), minimum: scoreRange.lowerBound, maximum: scoreRange.upperBound) { CSVCell.int($0.item.need.relevance) },
                TableColumn("impact", .integer, title: t("Impact", "Impact"), description: t("Impact potentiel, de 1 (faible) à 5 (fort).", "Impact potential, 1 (low) to 5 (high)."), minimum: scoreRange.lowerBound, maximum: scoreRange.upperBound) { CSVCell.int($0.item.need.impact) },
                TableColumn("priority", .integer, title: t("Priorité", "Priority"), description: t("Pertinence × impact (1 à 25) ; vide tant que les deux ne sont pas notés.", "Relevance × impact (1 to 25); empty until both are scored."), minimum: 1, maximum: scoreRange.upperBound * scoreRange.upperBound) { CSVCell.int($0.item.need.priority) },
            ],
            primaryKey: ["finding_id"],
            foreignKeys: [SchemaForeignKey(fields: ["finding_id"], resource: "findings", referencedFields: ["id"]), workshopKey],
            rows: needs)
    }

    private var synthesisTable: PackageTable {
        let items: [Owned<(section: Synthesis.Section, position: Int, item: SynthesisItem)>] = owned { w in
            Synthesis.Section.allCases.flatMap { section in
                w.synthesis[section].enumerated().map { (section, $0.offset + 1, $0.element) }
            }
        }
        return PackageTable(
            name: "synthesis", title: t("Synthèse", "Synthesis"),
            description: t("Recommandations, résultats, difficultés rencontrées et pistes pour le prochain atelier.",
                           "Recommendations, results, difficulties met and ideas for the next workshop."),
            columns: [
                workshopID(),
                TableColumn("section", .string, title: t("Section", "Section"), description: t("recommendations, results, difficulties ou improvements.", "recommendations, results, difficulties or improvements."), required: true,
                            allowed: Synthesis.Section.allCases.map(\.rawValue)) { $0.item.section.rawValue },
                TableColumn("id", .string, title: t("Identifiant", "Id"), description: t("Identifiant de l’élément dans sa section.", "The item’s id within its section."), required: true) { $0.item.item.id },
                TableColumn("position", .integer, title: t("Rang", "Position"), description: t("Rang dans la section, à partir de 1.", "Position within the section, from 1."), required: true, minimum: 1) { String($0.item.position) },
                TableColumn("text", .string, title: t("Texte", "Text"), description: t("Le texte.", "The text."), required: true) { $0.item.item.text },
            ],
            primaryKey: ["workshop_id", "section", "id"], foreignKeys: [workshopKey], rows: items)
    }

    private var partnershipTable: PackageTable {
        PackageTable(
            name: "partnerships", title: t("Partenariats", "Partnerships"),
            description: t("Partenariats identifiés entre producteurs et réutilisateurs de données.", "Partnerships identified between data producers and re-users."),
            columns: [
                workshopID(),
                TableColumn("id", .string, title: t("Identifiant", "Id"), description: t("Identifiant du partenariat dans son atelier.", "The partnership’s id within its workshop."), required: true) { $0.item.id },
                TableColumn("producer", .string, title: t("Producteur", "Producer"), description: t("Le producteur de données.", "The data producer.")) { $0.item.producer },
                TableColumn("reuser", .string, title: t("Réutilisateur", "Re-user"), description: t("Le réutilisateur.", "The re-user.")) { $0.item.reuser },
                TableColumn("subject", .string, title: t("Objet", "Subject"), description: t("Ce qu’ils feraient ensemble.", "What they would do together.")) { $0.item.subject },
            ],
            primaryKey: ["workshop_id", "id"], foreignKeys: [workshopKey], rows: owned(\.synthesis.partnerships))
    }
}
