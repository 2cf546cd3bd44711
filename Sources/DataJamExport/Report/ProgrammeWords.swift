import DataJamCore

/// The labels a consolidated report needs for its programme file: the programme's own sections,
/// recommendations' owners and deadlines, and recurrence counted on confirmed links.
extension ReportWords {
    private func t(_ fr: String, _ en: String) -> String { language.pick(fr: fr, en: en) }

    /// The label over the programme's own items, where items of workshops follow.
    var wholeProgramme: String { t("Pour l’ensemble du programme", "For the programme as a whole") }
    var owner: String { t("Responsable", "Owner") }
    var deadline: String { t("Échéance", "Deadline") }
    var linkedBarriersHeading: String { t("Barrières récurrentes, reliées entre ateliers", "Recurring barriers, linked across workshops") }
    var linkedPointsHeading: String { t("Autres points reliés entre ateliers", "Other points linked across workshops") }
    var unlinkedCategoriesHeading: String { t("Récurrence par nom de catégorie, sans lien", "Recurrence by category name, without links") }

    /// "Responsable : INS ; échéance : 30 juin 2024"
    func ownerAndDeadline(owner: String?, deadline: String?) -> String {
        var parts: [String] = []
        if let owner { parts.append(colon(self.owner) + owner) }
        if let deadline { parts.append(colon(parts.isEmpty ? self.deadline : self.deadline.lowercased()) + deadline) }
        return parts.joined(separator: semicolon)
    }

    /// "relevée dans les 3 ateliers, 5 constats reliés (lien confirmé)"
    func linkedRecurrence(workshops: [Int], of total: Int, findings: Int) -> String {
        let share = workshops.count == total && total > 1
            ? t("dans les \(total) ateliers", "in all \(total) workshops") : inWorkshops(workshops)
        return t("relevée ", "raised ") + share + ", "
            + count(findings, t("constat relié", "linked finding"), t("constats reliés", "linked findings"))
            + t(" (lien confirmé)", " (confirmed link)")
    }

    /// "catégorie relevée dans les ateliers 2 et 3, 4 contraintes (par nom de catégorie, sans lien)"
    func categoryRecurrence(workshops: [Int], of total: Int, constraints: Int) -> String {
        barrierRecurrence(workshops: workshops, of: total, constraints: constraints)
            + t(" (par nom de catégorie, sans lien confirmé)", " (by category name, no confirmed link)")
    }

    /// Which count the report used, said before the barriers it lists.
    func recurrenceBasis(links: Int, hasProgramme: Bool) -> String {
        if links > 0 {
            return t("La récurrence des barrières est comptée sur les liens confirmés entre ateliers (fichier du programme) : \(count(links, "point relié", "points reliés")), chacun avec les constats qui le font, quelle que soit leur catégorie. Pour les contraintes qu’aucun lien ne couvre, elle est comptée sur les noms de catégorie.",
                     "Barrier recurrence is counted on the links confirmed across workshops (the programme file): \(count(links, "linked point", "linked points")), each with the findings that make it, whatever their category. For constraints no link covers, it is counted on category names.")
        }
        return hasProgramme
            ? t("Aucun lien entre ateliers n’est confirmé dans le fichier du programme : la récurrence des barrières est comptée sur les noms de catégorie, qui diffèrent d’un atelier à l’autre (« datajam report --suggest-links » propose des liens à confirmer).",
                "No link across workshops is confirmed in the programme file: barrier recurrence is counted on category names, which differ from one workshop to another (“datajam report --suggest-links” suggests links to confirm).")
            : t("Sans fichier de programme, aucun lien entre ateliers n’est confirmé : la récurrence des barrières est comptée sur les noms de catégorie, qui diffèrent d’un atelier à l’autre (« datajam report --suggest-links » propose des liens à confirmer).",
                "Without a programme file, no link across workshops is confirmed: barrier recurrence is counted on category names, which differ from one workshop to another (“datajam report --suggest-links” suggests links to confirm).")
    }

    /// "Atelier 1 (Gouvernance)" before a linked finding's text.
    func linkedFindingSource(_ number: Int, category: String?) -> String {
        workshopNumber(number) + (category.map { " (\($0))" } ?? "")
    }

    var linkMethodNote: String {
        t("Une barrière est récurrente quand l’animateur a relié, dans le fichier du programme, des constats de plusieurs ateliers qui font le même point (« datajam programme link ») ; pour les contraintes sans lien, quand plusieurs ateliers ont relevé des contraintes de la même catégorie (même identifiant ou même libellé). Chaque ligne dit sur quoi elle est comptée.",
          "A barrier recurs when the facilitator linked, in the programme file, findings of several workshops that make the same point (“datajam programme link”); for constraints without a link, when several workshops raised constraints of the same category (same id or label). Each line says what it is counted on.")
    }

    var programmeMethodNote: String {
        t("Les résultats, difficultés, pistes et recommandations du programme viennent de son fichier (programme.json, à côté des fichiers de session) ; une copie du même texte dans un fichier d’atelier est imprimée une fois, comme celle du programme.",
          "The programme’s results, difficulties, ideas and recommendations come from its file (programme.json, beside the session files); a copy of the same text in a workshop’s file is printed once, as the programme’s.")
    }
}
