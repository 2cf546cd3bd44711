/// A small form of labelled fields: Tab and ↑↓ move between fields, ←→ change an option, Space
/// flips a toggle, Enter submits (after validation), Esc cancels.
public struct Form: Sendable {
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    public var purpose: PopupPurpose
    /// Why the last Enter was refused (or a key), shown under the fields.
    public var error: String?
    /// The field `error` is about: its label is marked, and the cursor is put there.
    public var errorField: Int?
    /// A rule across fields, checked on Enter before the form is submitted, given the field the
    /// cursor is in (a sum that does not add up is fixed where the user is typing): why the values
    /// are refused and the field to fix.
    public var check: (@Sendable (_ values: [FormValue], _ focus: Int, _ lang: Lang) -> FormProblem?)?

    public init(title: String, fields: [FormField], purpose: PopupPurpose) {
        self.title = title
        self.fields = fields
        self.purpose = purpose
    }

    public var values: [FormValue] { fields.map(\.value) }

    /// Shows `problem` and puts the cursor in the field it names.
    public mutating func refuse(_ problem: FormProblem) {
        error = problem.message
        errorField = problem.field
        if fields.indices.contains(problem.field) { focus = problem.field }
    }
}

/// Why a form's values are refused, and the field to fix.
public struct FormProblem: Sendable, Equatable {
    public var message: String
    public var field: Int

    public init(_ message: String, field: Int) {
        self.message = message
        self.field = field
    }
}

public struct FormField: Sendable {
    public enum Input: Sendable {
        case text(LineEditor)
        /// A whole number in `range`, or empty for unknown.
        case number(LineEditor, range: ClosedRange<Int>)
        /// One of `options` (ids and labels), chosen with ←→.
        case options([Choice.Option], selected: Int)
        case toggle(Bool)
    }

    public var label: String
    public var input: Input

    public init(_ label: String, _ input: Input) {
        self.label = label
        self.input = input
    }

    public static func text(_ label: String, _ value: String) -> FormField {
        FormField(label, .text(LineEditor(text: value)))
    }

    public static func number(_ label: String, _ value: Int?, range: ClosedRange<Int>) -> FormField {
        FormField(label, .number(LineEditor(text: value.map(String.init) ?? ""), range: range))
    }

    public var value: FormValue {
        switch input {
        case .text(let editor): return .text(editor.text.trimmingCharacters(in: .whitespaces))
        case .number(let editor, _):
            let text = editor.text.trimmingCharacters(in: .whitespaces)
            return .number(text.isEmpty ? nil : Int(text))
        case .options(let options, let selected): return .option(options.indices.contains(selected) ? options[selected].id : "")
        case .toggle(let on): return .toggle(on)
        }
    }

    /// Why the field's content is not acceptable, or nil.
    func problem(_ lang: Lang) -> String? {
        guard case .number(let editor, let range) = input else { return nil }
        let text = editor.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let n = Int(text), range.contains(n) else {
            return lang.pick(fr: "\(label) : un nombre de \(range.lowerBound) à \(range.upperBound), ou vide",
                             en: "\(label): a number from \(range.lowerBound) to \(range.upperBound), or empty")
        }
        return nil
    }
}

/// A form field's value, in field order.
public enum FormValue: Sendable, Equatable {
    case text(String)
    case number(Int?)
    case option(String)
    case toggle(Bool)

    public var text: String { if case .text(let s) = self { return s } else { return "" } }
    public var number: Int? { if case .number(let n) = self { return n } else { return nil } }
    public var option: String { if case .option(let s) = self { return s } else { return "" } }
    public var toggle: Bool { if case .toggle(let b) = self { return b } else { return false } }
}
