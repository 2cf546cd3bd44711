/// A modal box over the current screen: it takes every key until it is submitted or cancelled,
/// then its result goes to whoever opened it (its `purpose`).
public enum Popup: Sendable {
    case help(HelpPopup)
    case prompt(Prompt)
    case choice(Choice)
    case form(Form)
    case confirm(Confirm)
    /// Several lines of text, or a list one item per line.
    case editor(TextEditorPopup)
}

/// Who opened a popup and what its result is for.
public enum PopupPurpose: Sendable, Equatable {
    case breakouts(BreakoutsPurpose)
    case presentation(PresentationPurpose)
    case synthesis(SynthesisPurpose)
    case home(HomePurpose)
    /// Exporting, from any session.
    case export(ExportStep)
    case serving(ServingPurpose)
    /// Quit although the last save failed.
    case quitUnsaved
    /// Quit, or leave the workshop, although the capture line holds text not recorded yet.
    case loseDraft(GlobalAction)
}

/// What a submitted popup gives back.
public enum PopupResult: Sendable, Equatable {
    case text(String)
    case choice(String)
    case form([FormValue])
    case confirmed
    /// The items of a list editor, one per line, blank lines dropped.
    case list([String])
}

/// The help overlay: generated from the key-binding tables in force.
public struct HelpPopup: Sendable {
    public var sections: [HelpSection]
    public var scroll = 0

    public init(sections: [HelpSection]) { self.sections = sections }
}

/// One line of text to type (a team's name, a new category).
public struct Prompt: Sendable {
    public var title: String
    public var editor: LineEditor
    public var purpose: PopupPurpose
    public var error: String?

    public init(title: String, text: String = "", purpose: PopupPurpose) {
        self.title = title
        self.editor = LineEditor(text: text)
        self.purpose = purpose
    }
}

/// Pick one of a list (move a finding to a team).
public struct Choice: Sendable {
    public struct Option: Sendable, Equatable {
        public var id: String
        public var label: String
        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    public var title: String
    public var options: [Option]
    public var selected: Int
    public var purpose: PopupPurpose

    public init(title: String, options: [Option], selected: Int = 0, purpose: PopupPurpose) {
        self.title = title
        self.options = options
        self.selected = max(0, min(selected, options.count - 1))
        self.purpose = purpose
    }
}

/// Yes or no.
public struct Confirm: Sendable {
    public var message: String
    public var purpose: PopupPurpose

    public init(message: String, purpose: PopupPurpose) {
        self.message = message
        self.purpose = purpose
    }
}
