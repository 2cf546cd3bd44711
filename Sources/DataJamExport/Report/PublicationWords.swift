import DataJamCore

/// The labels of a published consolidated report's cover, key figures, annexes and licence.
extension ReportWords {
    private func t(_ fr: String, _ en: String) -> String { language.pick(fr: fr, en: en) }

    var contents: String { t("Sommaire", "Contents") }
    var issuer: String { t("Émetteur", "Issuer") }
    var programme: String { t("Programme", "Programme") }
    var publishedOn: String { t("Date de publication", "Published on") }
    var version: String { "Version" }
    var licence: String { t("Licence", "Licence") }
    var keyFigures: String { t("L’essentiel en chiffres", "Key figures") }
    var workshopsCourse: String { t("Le déroulement des ateliers", "How the workshops went") }
    var conclusion: String { t("Conclusion de l’atelier", "Conclusion of the workshop") }
    var topBarriers: String { t("Les barrières les plus récurrentes", "The most recurrent barriers") }
    var topNeeds: String { t("Les besoins en données les plus demandés", "The data needs asked most") }
    var gap: String { t("Donnée manquante", "Missing figures") }
    var annexOrganisations: String { t("Annexe A – Organisations représentées", "Annex A – Organisations represented") }
    var annexMethod: String { t("Annexe B – Méthode", "Annex B – Method") }
    var annexSources: String { t("Annexe C – Sources", "Annex C – Sources") }
    var licenceHeading: String { t("Licence et réutilisation", "Licence and reuse") }
    var workshopID: String { t("Identifiant du fichier", "File id") }
    var lastChange: String { t("Dernière modification", "Last change") }

    func dateRange(_ from: String, _ to: String) -> String { t("du \(from) au \(to)", "from \(from) to \(to)") }

    /// "3 ateliers, du 27 novembre 2023 au 19 décembre 2023, à Tunis"
    func workshopsFigure(_ n: Int, when: String, places: [String]) -> String {
        var line = "**" + count(n, t("atelier", "workshop"), t("ateliers", "workshops")) + "**"
        if !when.isEmpty { line += ", " + when }
        if !places.isEmpty { line += t(", à ", ", in ") + joinedList(places) }
        return line
    }

    /// "101 participants, dont Administration : 60 ; …"
    func participantsFigure(_ total: String, groups: [String]) -> String {
        var line = "**\(total) participants**"
        if !groups.isEmpty { line += t(", dont ", ": ") + groups.joined(separator: semicolon) }
        return line
    }

    func recordedFigure(teams: Int, findings: Int, constraints: Int, needs: Int, requests: Int) -> String {
        var line = "**" + count(teams, t("équipe", "team"), t("équipes", "teams")) + "**, **"
            + count(findings, t("constat", "finding"), t("constats", "findings")) + "** "
            + t("dont ", "including ") + count(constraints, t("contrainte", "constraint"), t("contraintes", "constraints"))
            + t(" et ", " and ") + count(needs, t("besoin en données distinct", "distinct data need"), t("besoins en données distincts", "distinct data needs"))
        if requests > needs { line += t(" (\(requests) demandes)", " (\(requests) requests)") }
        return line
    }

    func genderGap(missing: Int, of total: Int) -> String {
        let all = missing == total
        return all
            ? t("le nombre de femmes et d’hommes n’a été relevé pour aucun des \(total) groupes de participants des ateliers. La représentation équilibrée des sexes, objectif du programme, ne peut donc pas être vérifiée : ces chiffres sont à relever aux prochains ateliers.",
                "the number of women and men was recorded for none of the workshops’ \(total) participant groups. Gender balance, an objective of the programme, therefore cannot be checked: these figures should be recorded at the next workshops.")
            : t("le nombre de femmes et d’hommes manque pour \(missing) des \(total) groupes de participants des ateliers. La représentation équilibrée des sexes, objectif du programme, ne peut être vérifiée qu’en partie.",
                "the number of women and men is missing for \(missing) of the workshops’ \(total) participant groups. Gender balance, an objective of the programme, can only partly be checked.")
    }

    /// "ateliers 1 et 2" / "workshops 1 and 2"
    func workshopsShort(_ numbers: [Int]) -> String {
        numbers.count == 1 ? t("atelier \(numbers[0])", "workshop \(numbers[0])")
            : t("ateliers ", "workshops ") + joinedList(numbers.map(String.init))
    }

    /// "dans l’atelier 1", "dans les ateliers 1 et 2" / "in workshop 1", "in workshops 1 and 2"
    func inWorkshops(_ numbers: [Int]) -> String {
        numbers.count == 1 ? t("dans l’atelier \(numbers[0])", "in workshop \(numbers[0])")
            : t("dans les ateliers ", "in workshops ") + joinedList(numbers.map(String.init))
    }

    func barrierRecurrence(workshops: [Int], of total: Int, constraints: Int) -> String {
        let share = workshops.count == total && total > 1
            ? t("dans les \(total) ateliers", "in all \(total) workshops") : inWorkshops(workshops)
        return t("relevée ", "raised ") + share + ", "
            + count(constraints, t("contrainte", "constraint"), t("contraintes", "constraints"))
    }

    func needRecurrence(workshops: [Int], requests: Int) -> String {
        t("demandé ", "asked ") + inWorkshops(workshops)
            + (requests > 1 ? t(" (\(requests) demandes)", " (\(requests) requests)") : "")
    }

    var methodNotes: [String] {
        [t("Les constats ont été saisis pendant les ateliers par les rapporteurs des équipes et l’animateur, dans l’outil DataJam ; chaque atelier est un fichier de session.",
           "Findings were recorded during the workshops by the teams’ rapporteurs and the facilitator in DataJam; each workshop is one session file."),
         t("Les textes communs à plusieurs ateliers (contexte, objectifs, résultats…) sont imprimés une fois, avec les ateliers qui les partagent.",
           "Texts common to several workshops (context, objectives, results…) are printed once, with the workshops that share them."),
         t("Un même besoin en données (même intitulé, sans tenir compte des majuscules ni des accents, et même producteur, ou relié comme « même point ») demandé par plusieurs équipes ou ateliers forme une seule ligne qui les cite toutes.",
           "The same data need (same title, ignoring case and accents, and same producer, or linked as the “same point”) asked by several teams or workshops is one row naming all of them."),
         t("Priorité d’un besoin = pertinence × impact, chacun noté de 1 à 5 par les participants.",
           "A need’s priority = relevance × impact, each scored 1 to 5 by the participants."),
         linkMethodNote,
         programmeMethodNote,
         t("« non renseigné » : la donnée n’a pas été relevée ; aucun chiffre n’est estimé.",
           "“not recorded”: the figure was not taken; no figure is estimated."),
        ]
    }

    func licenceNotice(_ license: License, issuer: String?, title: String, version: String, date: String) -> String {
        let who = issuer.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 + ", " } ?? ""
        return t("Ce rapport et ses données sont publiés sous la licence \(license.title) (\(license.id)), \(license.url). Vous pouvez les copier, les diffuser et les réutiliser, y compris à des fins commerciales, en citant la source : \(who)« \(title) », version \(version), \(date).",
                 "This report and its data are published under the \(license.title) licence (\(license.id)), \(license.url). You may copy, share and reuse them, including commercially, citing the source: \(who)“\(title)”, version \(version), \(date).")
    }
}
