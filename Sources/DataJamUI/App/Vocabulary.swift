import DataJamCore

/// The domain's words in both languages, shared by every screen.
public enum Vocabulary {
    public static func kind(_ kind: FindingKind, plural: Bool = false) -> Localized {
        switch kind {
        case .constraint: plural ? Localized(fr: "Contraintes", en: "Constraints") : Localized(fr: "Contrainte", en: "Constraint")
        case .opportunity: plural ? Localized(fr: "Opportunités", en: "Opportunities") : Localized(fr: "Opportunité", en: "Opportunity")
        case .dataNeed: plural ? Localized(fr: "Besoins en données", en: "Data needs") : Localized(fr: "Besoin en données", en: "Data need")
        case .channel: plural ? Localized(fr: "Canaux", en: "Channels") : Localized(fr: "Canal", en: "Channel")
        case .actor: plural ? Localized(fr: "Acteurs", en: "Actors") : Localized(fr: "Acteur", en: "Actor")
        case .useCase: plural ? Localized(fr: "Cas d’usage", en: "Use cases") : Localized(fr: "Cas d’usage", en: "Use case")
        case .note: plural ? Localized(fr: "Notes", en: "Notes") : Localized(fr: "Note", en: "Note")
        }
    }

    /// The letter of each kind (same in both languages): Alt + it picks the kind in session 2.
    public static func captureKey(_ kind: FindingKind) -> Character {
        switch kind {
        case .constraint: "c"
        case .opportunity: "o"
        case .dataNeed: "d"
        case .channel: "h"
        case .actor: "a"
        case .useCase: "s"
        case .note: "n"
        }
    }

    public static func phase(_ phase: DaySession.Phase) -> Localized {
        switch phase {
        case .presentation: Localized(fr: "Présentation", en: "Presentation")
        case .breakouts: Localized(fr: "Data jam", en: "Data jam")
        case .synthesis: Localized(fr: "Synthèse", en: "Synthesis")
        }
    }

    public static func availability(_ availability: DataNeedDetails.Availability?) -> Localized {
        switch availability {
        case .available: Localized(fr: "disponible", en: "available")
        case .missing: Localized(fr: "manquante", en: "missing")
        case .unusableFormat: Localized(fr: "format inexploitable", en: "unusable format")
        case nil: Localized(fr: "inconnue", en: "unknown")
        }
    }

    public static func role(_ role: ActorRole?) -> Localized {
        switch role {
        case .producer: Localized(fr: "producteur", en: "producer")
        case .reuser: Localized(fr: "réutilisateur", en: "re-user")
        case nil: Localized(fr: "rôle inconnu", en: "role unknown")
        }
    }

    public static let plenary = Localized(fr: "Plénière", en: "Plenary")

    /// Whether what was typed is safe on disk, as the status line says it: saved in the file, or
    /// already kept in the journal while the save runs (a crash now loses nothing), or neither yet.
    public static func durability(of open: OpenWorkshop) -> Localized {
        if open.saveError != nil {
            return open.isDurable
                ? Localized(fr: "⚠ non enregistré (gardé dans le journal)", en: "⚠ not saved (kept in the journal)")
                : Localized(fr: "⚠ non enregistré", en: "⚠ not saved")
        }
        if !open.isDirty { return Localized(fr: "✓ enregistré", en: "✓ saved") }
        if open.isDurable { return Localized(fr: "✓ gardé dans le journal, enregistrement…", en: "✓ kept in the journal, saving…") }
        return Localized(fr: "enregistrement…", en: "saving…")
    }

    /// After reopening a workshop whose previous instance crashed.
    public static func recovered(_ count: Int) -> Localized {
        count == 1
            ? Localized(fr: "1 modification récupérée du journal d’une session interrompue",
                        en: "1 change recovered from the journal of an interrupted session")
            : Localized(fr: "\(count) modifications récupérées du journal d’une session interrompue",
                        en: "\(count) changes recovered from the journal of an interrupted session")
    }

    public static func teamName(_ teamID: String?, in workshop: Workshop, lang: Lang) -> String {
        guard let teamID else { return plenary(lang) }
        return workshop.teams.record(withID: teamID)?.name ?? teamID
    }

    public static func categoryLabel(_ categoryID: String?, in workshop: Workshop) -> String {
        guard let categoryID else { return "" }
        return workshop.categories.record(withID: categoryID)?.label ?? categoryID
    }

    /// Why a name was refused, and what to do.
    public static func nameClash(_ clash: NameClash) -> Localized {
        switch clash.kind {
        case .team:
            Localized(fr: "Une équipe s’appelle déjà « \(clash.existing) » : choisissez un autre nom (la casse et les accents ne comptent pas)",
                      en: "A team is already named “\(clash.existing)”: choose another name (case and accents do not count)")
        case .category:
            Localized(fr: "Une catégorie s’appelle déjà « \(clash.existing) » : choisissez un autre nom (la casse et les accents ne comptent pas)",
                      en: "A category is already named “\(clash.existing)”: choose another name (case and accents do not count)")
        }
    }

    /// The question asked before quitting (or leaving the workshop) would lose the capture line's text.
    public static func loseDraft(leaving: Bool) -> Localized {
        leaving
            ? Localized(fr: "Quitter l’atelier et perdre le brouillon de la ligne de saisie ? (o/n)",
                        en: "Leave the workshop and lose the draft on the capture line? (y/n)")
            : Localized(fr: "Quitter et perdre le brouillon de la ligne de saisie ? (o/n)",
                        en: "Quit and lose the draft on the capture line? (y/n)")
    }
}
