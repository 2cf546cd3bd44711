import DataJamCore

/// The list editors of session 1: a slide's points and a group's organisations, one per line,
/// so that a point may hold a ";" and an organisation a "," (the one-line fields they replace
/// split on those).
enum SlideEditors {
    static func points(_ item: OutlineItem, index: Int, count: Int, lang: Lang) -> TextEditorPopup {
        TextEditorPopup(title: lang.pick(fr: "Diapositive \(index + 1)/\(count) · \(item.title)", en: "Slide \(index + 1)/\(count) · \(item.title)"),
                        items: item.points,
                        note: lang.pick(fr: "Les points de la diapositive, un par ligne (r pour changer le titre).",
                                        en: "The slide’s points, one per line (r to change the title)."),
                        purpose: .presentation(.editSlide(index: index)))
    }

    static func organisations(_ group: ParticipantGroup, lang: Lang) -> TextEditorPopup {
        TextEditorPopup(title: lang.pick(fr: "Organisations · \(group.name)", en: "Organisations · \(group.name)"),
                        items: group.organisations,
                        note: lang.pick(fr: "Une organisation par ligne, comme sur la feuille d’émargement.",
                                        en: "One organisation per line, as on the sign-in sheet."),
                        purpose: .presentation(.organisations(groupID: group.id)))
    }

    /// Why one of `texts` cannot be saved (longer than `limit` characters), or nil.
    static func tooLong(_ texts: [String], limit: Int, lang: Lang) -> String? {
        guard texts.contains(where: { $0.unicodeScalars.count > limit }) else { return nil }
        return FrameUpdate.tooLong(limit, lang) + lang.pick(fr: " : rien de changé", en: ": nothing changed")
    }
}
