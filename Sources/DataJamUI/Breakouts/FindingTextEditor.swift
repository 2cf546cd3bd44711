import DataJamCore

/// A finding's text in the multi-line editor: for a long text written over several lines, and
/// for a finding that already has line breaks, which the one-line capture line would flatten.
enum FindingTextEditor {
    static func popup(_ finding: Finding, lang: Lang) -> TextEditorPopup {
        TextEditorPopup(title: lang.pick(fr: "Trouvaille · \(Vocabulary.kind(finding.kind)(lang))", en: "Finding · \(Vocabulary.kind(finding.kind)(lang))"),
                        text: finding.text, purpose: .breakouts(.longText(findingID: finding.id)))
    }

    static func resolve(_ id: String, _ text: String, _ open: inout OpenWorkshop, _ context: ScreenContext) -> Reaction {
        let lang = context.lang
        guard let index = open.workshop.findings.index(ofID: id), !open.workshop.findings[index].isDeleted else {
            return .status(lang.pick(fr: "Cette trouvaille a été supprimée entre-temps", en: "This finding was deleted meanwhile"))
        }
        var finding = open.workshop.findings[index]
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .status(lang.pick(fr: "Texte vide : rien de changé (x pour supprimer)", en: "Empty text: nothing changed (x to delete)"))
        }
        guard text.unicodeScalars.count <= Limits.longText else {
            return .status(FrameUpdate.tooLong(Limits.longText, lang) + lang.pick(fr: " : rien de changé", en: ": nothing changed"))
        }
        guard text != finding.text else { return .status(lang.pick(fr: "Rien de changé", en: "Nothing changed")) }
        finding.text = text
        let label = lang.pick(fr: "Trouvaille modifiée", en: "Finding edited")
        return Reaction(effects: open.perform([.finding(finding)], label: label, now: context.now), status: label)
    }
}
