import DataJamCore

/// One slide (an outline item) as its form holds it: a title, and the points on one line
/// separated by " ; ", the quickest thing to type in front of a room.
struct SlideForm: Equatable {
    var title: String
    var points: String

    init(title: String, points: String) {
        self.title = title
        self.points = points
    }

    init(_ item: OutlineItem) {
        self.init(title: item.title, points: ListField.joinPoints(item.points))
    }

    init?(_ values: [FormValue]) {
        guard values.count == 2 else { return nil }
        self.init(title: values[0].text, points: values[1].text)
    }

    func form(title formTitle: String, purpose: PresentationPurpose, lang: Lang, error: String? = nil) -> Form {
        var form = Form(title: formTitle, fields: [
            .text(lang.pick(fr: "Titre", en: "Title"), title),
            .text(lang.pick(fr: "Points (a ; b ; c)", en: "Points (a ; b ; c)"), points),
        ], purpose: .presentation(purpose))
        form.error = error
        return form
    }

    func problem(_ lang: Lang) -> String? {
        title.trimmingCharacters(in: .whitespaces).isEmpty
            ? lang.pick(fr: "Une diapositive a besoin d’un titre", en: "A slide needs a title") : nil
    }

    /// The slide with the form's values. Untouched points are kept as they were, even one that
    /// holds a ";".
    func applied(to item: OutlineItem) -> OutlineItem {
        var item = item
        item.title = title.trimmingCharacters(in: .whitespaces)
        if points != ListField.joinPoints(item.points) { item.points = ListField.splitPoints(points) }
        return item
    }
}
