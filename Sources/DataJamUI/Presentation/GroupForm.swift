import DataJamCore

/// A participant group as its form holds it, from the sign-in sheet: what was typed, checked
/// before anything is saved, and given back to the form when it is refused. Its organisations
/// have their own editor, one per line (`SlideEditors.organisations`).
struct GroupForm: Equatable {
    var name: String
    var headcount: Int?
    var women: Int?
    var men: Int?
    var notStated: Int?

    init(name: String = "", headcount: Int? = nil, women: Int? = nil, men: Int? = nil, notStated: Int? = nil) {
        self.name = name
        self.headcount = headcount
        self.women = women
        self.men = men
        self.notStated = notStated
    }

    init(_ group: ParticipantGroup) {
        self.init(name: group.name, headcount: group.headcount, women: group.women, men: group.men,
                  notStated: group.notStated)
    }

    /// The form's values, in the order `form` lays the fields out.
    init?(_ values: [FormValue]) {
        guard values.count == 5 else { return nil }
        self.init(name: values[0].text, headcount: values[1].number, women: values[2].number, men: values[3].number,
                  notStated: values[4].number)
    }

    static let countRange = 0...Limits.headcount

    /// The form, on field `focus`, showing `error` under the fields.
    func form(title: String, purpose: PresentationPurpose, lang: Lang, error: String? = nil, focus: Int = 0) -> Form {
        var form = Form(title: title, fields: [
            .text(lang.pick(fr: "Nom du groupe", en: "Group name"), name),
            .number(lang.pick(fr: "Effectif", en: "Headcount"), headcount, range: Self.countRange),
            .number(lang.pick(fr: "Femmes", en: "Women"), women, range: Self.countRange),
            .number(lang.pick(fr: "Hommes", en: "Men"), men, range: Self.countRange),
            .number(lang.pick(fr: "Non précisé", en: "Not stated"), notStated, range: Self.countRange),
        ], purpose: .presentation(purpose))
        form.error = error
        form.errorField = error == nil ? nil : focus
        form.focus = focus
        // Checked in the form itself, so a refusal keeps the cursor where the user was typing.
        form.check = { values, focus, lang in
            GroupForm(values)?.problem(lang, focus: focus).map { FormProblem($0.message, field: $0.field) }
        }
        return form
    }

    /// Why the group cannot be saved and the field to fix, or nil. The sum rule is the core
    /// validator's: a file that breaks it would be refused on load. A sum that does not add up is
    /// fixed in the count the cursor is in (`focus`), else in the headcount.
    func problem(_ lang: Lang, focus: Int = 1) -> (message: String, field: Int)? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            return (lang.pick(fr: "Donnez un nom au groupe (par exemple « Administration »)",
                             en: "Give the group a name (for example “Administration”)"), 0)
        }
        for (field, count) in [headcount, women, men, notStated].enumerated() {
            if let count, !Self.countRange.contains(count) {
                return (lang.pick(fr: "Les nombres vont de 0 à \(Limits.headcount)", en: "Numbers go from 0 to \(Limits.headcount)"), field + 1)
            }
        }
        let known = [women, men, notStated].compactMap { $0 }.reduce(0, +)
        if let headcount, known > headcount {
            return (lang.pick(fr: "Femmes + hommes + non précisé = \(known), plus que l’effectif (\(headcount))",
                              en: "Women + men + not stated = \(known), more than the headcount (\(headcount))"), (1...4).contains(focus) ? focus : 1)
        }
        return nil
    }

    /// `group` with the form's values; its organisations (their own editor) and the people named
    /// in it are kept.
    func applied(to group: ParticipantGroup) -> ParticipantGroup {
        var group = group
        group.name = name.trimmingCharacters(in: .whitespaces)
        group.headcount = headcount
        group.women = women
        group.men = men
        group.notStated = notStated
        return group
    }
}
