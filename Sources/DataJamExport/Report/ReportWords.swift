import DataJamCore

/// Every heading and label of the reports, in the report's language. The content stays as typed.
struct ReportWords {
    let language: ReportLanguage

    init(_ language: ReportLanguage) { self.language = language }

    private func t(_ fr: String, _ en: String) -> String { language.pick(fr: fr, en: en) }

    // MARK: Titles and sections

    func workshopTitle(_ theme: String) -> String { t("Rapport d’atelier : \(theme)", "Workshop report: \(theme)") }
    var consolidatedTitle: String {
        t("Rapport de synthèse des ateliers d’échange entre producteurs et utilisateurs de données",
          "Consolidated report of the workshops between data producers and data users")
    }
    var frame: String { t("Cadre de l’atelier", "Workshop frame") }
    var generalFrame: String { t("Cadre général des ateliers", "General frame of the workshops") }
    var themes: String { t("Les thématiques des ateliers", "The workshops’ themes") }
    var theme: String { t("Thématique", "Theme") }
    var date: String { "Date" }
    var place: String { t("Lieu", "Place") }
    var city: String { t("Ville", "City") }
    var focus: String { t("Objet de l’atelier", "Focus") }
    var context: String { t("Contexte", "Context") }
    var objectives: String { t("Objectifs spécifiques", "Specific objectives") }
    var participants: String { "Participants" }
    var courseOfTheDay: String { t("Déroulement de la journée", "Course of the day") }
    var teamWork: String { t("Travaux en équipes", "Team work") }
    var plenaryWork: String { t("Travaux en plénière", "Plenary work") }
    var constraintsByCategory: String { t("Contraintes par catégorie", "Constraints by category") }
    var rankedDataNeeds: String { t("Besoins en données classés par priorité", "Data needs ranked by priority") }
    var actorsNamed: String { t("Acteurs identifiés", "Actors named") }
    var sharedPoints: String { t("Points soulevés par plusieurs équipes", "Points made by several teams") }
    var synthesis: String { t("Synthèse", "Synthesis") }
    var workshopsTable: String { t("Les ateliers", "The workshops") }
    var recurringConstraints: String { t("Contraintes par catégorie dans les ateliers", "Constraints by category across the workshops") }
    var consolidatedDataNeeds: String { t("Besoins en données de tous les ateliers, classés par priorité", "Data needs of all workshops, ranked by priority") }

    // MARK: Kinds of findings

    var constraints: String { t("Contraintes", "Constraints") }
    var opportunities: String { t("Opportunités et pistes d’amélioration", "Opportunities and improvement tracks") }
    var dataNeeds: String { t("Besoins en données", "Data needs") }
    var channels: String { t("Canaux d’obtention des données", "Channels for obtaining data") }
    var actors: String { t("Acteurs", "Actors") }
    var producers: String { t("Producteurs de données", "Data producers") }
    var reusers: String { t("Réutilisateurs", "Re-users") }
    var roleNotStated: String { t("Rôle non précisé", "Role not stated") }
    var useCases: String { t("Cas d’usage", "Use cases") }
    var notes: String { "Notes" }

    func kindCount(_ kind: FindingKind, _ n: Int) -> String {
        switch kind {
        case .constraint: count(n, t("contrainte", "constraint"), t("contraintes", "constraints"))
        case .opportunity: count(n, t("opportunité", "opportunity"), t("opportunités", "opportunities"))
        case .dataNeed: count(n, t("besoin en données", "data need"), t("besoins en données", "data needs"))
        case .channel: count(n, t("canal", "channel"), t("canaux", "channels"))
        case .actor: count(n, t("acteur", "actor"), t("acteurs", "actors"))
        case .useCase: count(n, t("cas d’usage", "use case"), t("cas d’usage", "use cases"))
        case .note: count(n, "note", "notes")
        }
    }

    var genderFlag: String { t("(genre)", "(gender)") }
    /// " (genre)" after a gender-flagged text, unless the text already says it ("désagrégées par
    /// genre", "gender-based"): the flag is for the reader who would not otherwise see it.
    func genderMark(_ text: String) -> String {
        let words = TextKey.of(text).split(whereSeparator: { !$0.isLetter }).map(String.init)
        let saysIt = words.contains { $0.hasPrefix("genre") || $0.hasPrefix("gender") }
        return saysIt ? "" : " " + genderFlag
    }
    var uncategorised: String { t("Sans catégorie", "Uncategorised") }
    func unknownCategory(_ id: String) -> String { t("Catégorie « \(id) »", "Category “\(id)”") }
    var samePointAs: String { t("même point que", "same point as") }

    // MARK: Teams and plenary

    func team(_ name: String) -> String { t("Équipe \(name)", "Team \(name)") }
    var teamColumn: String { t("Équipe", "Team") }
    var plenary: String { t("Plénière", "Plenary") }
    var deletedTeam: String { t("équipe supprimée", "deleted team") }
    var scope: String { t("Périmètre", "Scope") }
    var rapporteur: String { "Rapporteur" }
    var organisations: String { "Organisations" }
    var exercise: String { t("Exercice", "Exercise") }
    var onlyPlenaryFindings: String {
        t("Aucun constat n’a été saisi au nom d’une équipe : les constats de l’atelier ont été saisis en plénière (voir ci-dessous).",
          "No finding was recorded under a team: the workshop’s findings were recorded in plenary (see below).")
    }
    var findingsRecorded: String { t("Constats saisis", "Findings recorded") }

    // MARK: Participants

    var group: String { t("Groupe", "Group") }
    var headcount: String { t("Effectif", "Headcount") }
    var women: String { t("Femmes", "Women") }
    var men: String { t("Hommes", "Men") }
    var notStated: String { t("Non précisé", "Not stated") }
    var unknownGender: String { t("Genre non renseigné", "Gender not recorded") }
    var total: String { "Total" }
    var notRecorded: String { t("non renseigné", "not recorded") }
    func atLeast(_ n: Int) -> String { t("au moins \(n)", "at least \(n)") }
    var organisationsRepresented: String { t("organisations représentées", "organisations represented") }
    var genderNotRecorded: String {
        t("Répartition femmes / hommes : non renseignée.", "Women / men breakdown: not recorded.")
    }
    func genderBalance(women: Int, men: Int, notStated: Int?, share: Int?, partial: Bool) -> String {
        var parts = [t("\(women) femme\(women > 1 ? "s" : "")", "\(women) wom\(women == 1 ? "a" : "e")n"),
                     t("\(men) homme\(men > 1 ? "s" : "")", "\(men) m\(men == 1 ? "a" : "e")n")]
        if let notStated, notStated > 0 { parts.append(t("\(notStated) non précisé\(notStated > 1 ? "s" : "")", "\(notStated) not stated")) }
        var line = t("Équilibre femmes / hommes : ", "Women / men balance: ") + parts.joined(separator: ", ")
        if let share { line += t(" (\(share) % de femmes parmi les femmes et les hommes)", " (\(share)% women among women and men)") }
        if partial { line += t(", pour les groupes où le genre est renseigné", ", for the groups where gender is recorded") }
        return line + "."
    }

    // MARK: Sessions

    func session(_ number: Int, _ title: String) -> String {
        title.isEmpty ? t("Séance \(number)", "Session \(number)") : t("Séance \(number) : \(title)", "Session \(number): \(title)")
    }
    var planned: String { t("Durée prévue", "Planned") }
    var start: String { t("Début", "Start") }
    var end: String { t("Fin", "End") }
    var actualDuration: String { t("durée réelle", "actual duration") }
    var outline: String { t("Plan", "Outline") }
    var facilitatorNotes: String { t("Notes de l’animateur", "Facilitator’s notes") }
    /// "45 min", "1 h", "1 h 10 min".
    func minutes(_ n: Int) -> String {
        guard n >= 60 else { return "\(n) min" }
        return n % 60 == 0 ? "\(n / 60) h" : "\(n / 60) h \(n % 60) min"
    }

    // MARK: Data needs

    var rank: String { t("Rang", "Rank") }
    var askedBy: String { t("Demandé par", "Asked by") }
    var need: String { t("Besoin", "Need") }
    var workshop: String { t("Atelier", "Workshop") }
    var producer: String { t("Producteur", "Producer") }
    var availability: String { t("Disponibilité", "Availability") }
    var sexDisaggregation: String { t("Ventilation par sexe", "Sex-disaggregated") }
    var relevance: String { t("Pertinence", "Relevance") }
    var impact: String { "Impact" }
    var priority: String { t("Priorité", "Priority") }
    var wantedFormat: String { t("format souhaité", "wanted format") }
    var yes: String { t("oui", "yes") }
    var no: String { t("non", "no") }
    func availability(_ value: DataNeedDetails.Availability?) -> String {
        switch value {
        case .available: t("disponibles", "available")
        case .missing: t("manquantes", "missing")
        case .unusableFormat: t("format inexploitable", "unusable format")
        case nil: t("non renseignée", "not recorded")
        }
    }
    var rankingNote: String {
        t("Priorité = pertinence × impact (chacun de 1 à 5, soit 1 à 25). « — » : non renseigné. Les besoins non évalués sont listés en dernier, dans l’ordre de saisie.",
          "Priority = relevance × impact (each 1 to 5, so 1 to 25). “—”: not recorded. Needs not scored are listed last, in the order they were recorded.")
    }
    func priorityShort(_ value: Int) -> String { t("priorité \(value)", "priority \(value)") }

    // MARK: Synthesis

    var recommendations: String { t("Recommandations", "Recommendations") }
    var partnerships: String { t("Partenariats identifiés", "Partnerships identified") }
    var results: String { t("Résultats", "Results") }
    var difficulties: String { t("Difficultés rencontrées lors de l’animation", "Difficulties met while facilitating") }
    var improvements: String { t("Pistes pour les prochains ateliers", "Ideas for the next workshops") }

    // MARK: Consolidated

    var teams: String { t("Équipes", "Teams") }
    var findings: String { t("Constats", "Findings") }
    func workshopNumber(_ n: Int) -> String { t("Atelier \(n)", "Workshop \(n)") }
    /// "A1" / "W1", before a data need's text in a chart.
    func workshopShort(_ n: Int) -> String { t("A\(n)", "W\(n)") }
    func workshopLabel(_ n: Int, _ theme: String) -> String { t("Atelier \(n) – \(theme)", "Workshop \(n) – \(theme)") }
    func workshopsList(_ numbers: [Int], of total: Int) -> String {
        if numbers.count == 1 { return t("Atelier \(numbers[0])", "Workshop \(numbers[0])") }
        let list = joinedList(numbers.map(String.init))
        if numbers.count == total { return t("Commun aux \(total) ateliers (\(list))", "Common to all \(total) workshops (\(list))") }
        return t("Commun aux ateliers \(list)", "Common to workshops \(list)")
    }
    var noWorkshop: String { t("Aucun atelier.", "No workshop.") }
    var notConfigured: String { t("non prévue", "not used") }
    var configuredNote: String {
        t("Nombre de contraintes par catégorie et par atelier ; « non prévue » : la catégorie n’existe pas dans l’atelier. Les catégories de même identifiant ou de même libellé (sans tenir compte des majuscules ni des accents) sont regroupées.",
          "Number of constraints by category and workshop; “not used”: the workshop has no such category. Categories with the same id or the same label (ignoring case and accents) are counted together.")
    }
    func inAllWorkshops(_ labels: [String], _ count: Int) -> String {
        t("Contraintes relevées dans les \(count) ateliers : \(joinedList(labels.map { "« \($0) »" })).",
          "Constraints raised in all \(count) workshops: \(joinedList(labels.map { "“\($0)”" })).")
    }
    func noneInAllWorkshops(_ count: Int) -> String {
        t("Aucune catégorie de contrainte n’a été relevée dans les \(count) ateliers à la fois.",
          "No constraint category was raised in all \(count) workshops.")
    }
    func inSeveralWorkshops(_ items: [(label: String, workshops: [Int])]) -> String {
        let parts = items.map { item in
            t("« \(item.label) » (ateliers \(joinedList(item.workshops.map(String.init))))",
              "“\(item.label)” (workshops \(joinedList(item.workshops.map(String.init))))")
        }
        return t("Relevées dans plusieurs ateliers : ", "Raised in several workshops: ") + parts.joined(separator: ", ") + "."
    }
    func genderInAllWorkshops(_ counts: [Int]) -> String {
        t("Des contraintes liées au genre ont été relevées dans chacun des \(counts.count) ateliers (\(counts.map(String.init).joined(separator: ", ")) contraintes signalées « genre »).",
          "Gender-related constraints were raised in each of the \(counts.count) workshops (\(counts.map(String.init).joined(separator: ", ")) constraints flagged “gender”).")
    }

    // MARK: Charts

    var participantsChartTitle: String { t("Participants par groupe et par genre", "Participants by group and gender") }
    var participantsChartCaption: String {
        t("Effectif de chaque groupe, réparti entre femmes, hommes et non précisé ; en gris, la part dont le genre n’est pas renseigné.",
          "Headcount of each group, split into women, men and not stated; in grey, the part whose gender is not recorded.")
    }
    var constraintsChartTitle: String { t("Contraintes par catégorie et par équipe", "Constraints by category and team") }
    var constraintsChartCaption: String {
        t("Nombre de contraintes relevées dans chaque catégorie, réparties par équipe (le tableau ci-dessus donne les mêmes chiffres).",
          "Number of constraints raised in each category, split by team (the table above gives the same figures).")
    }
    var constraintsAcrossChartTitle: String { t("Contraintes par catégorie et par atelier", "Constraints by category and workshop") }
    var constraintsAcrossChartCaption: String {
        t("Nombre de contraintes relevées dans chaque catégorie, réparties par atelier (le tableau ci-dessus donne les mêmes chiffres).",
          "Number of constraints raised in each category, split by workshop (the table above gives the same figures).")
    }
    var prioritiesChartTitle: String { t("Priorité des besoins en données", "Priority of the data needs") }
    var prioritiesChartCaption: String {
        t("Priorité (pertinence × impact, sur 25) des besoins évalués, du plus prioritaire au moins prioritaire.",
          "Priority (relevance × impact, out of 25) of the scored needs, from highest to lowest.")
    }
    var priorityValue: String { t("Priorité (sur 25)", "Priority (out of 25)") }

    // MARK: Helpers

    func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(language == .fr ? (n > 1 ? plural : singular) : (n == 1 ? singular : plural))"
    }

    /// "a, b et c" / "a, b and c".
    func joinedList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + t(" et ", " and ") + items.last!
    }

    /// "label : " in French, "label: " in English, to be followed by the value.
    func colon(_ label: String) -> String { t("\(label) : ", "\(label): ") }

    var semicolon: String { t(" ; ", "; ") }

    // MARK: More labels

    var sexDisaggregationWanted: String { language.pick(fr: "à ventiler par sexe", en: "to be disaggregated by sex") }

    /// « text » in French, “text” in English.
    func quoted(_ text: String) -> String { language.pick(fr: "« \(text) »", en: "“\(text)”") }

    var constraintCategory: String { language.pick(fr: "Catégorie", en: "Category") }

    var teamsWithoutFindings: String { language.pick(fr: "Équipes sans constat saisi", en: "Teams with no finding recorded") }
}
