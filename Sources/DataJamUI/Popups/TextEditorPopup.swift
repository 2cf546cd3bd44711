/// A popup to write a long text over several lines (notes, a context, a conclusion), or a list
/// one item per line (objectives, a slide's points, organisations), where an item may hold any
/// character: no separator to escape.
///
/// Enter starts a new line, as everywhere else people write; Ctrl-S or F2 finishes. Esc on a
/// changed text asks whether to keep or drop the changes, so a reflex Esc loses nothing.
public struct TextEditorPopup: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Free text: the result is `.text`, line breaks kept.
        case text
        /// One item per line: the result is `.list`, blank lines dropped.
        case list
    }

    public var title: String
    public var kind: Kind
    public var area: TextArea
    public var purpose: PopupPurpose
    /// A line under the title saying what to write ("one objective per line").
    public var note: String?
    /// Why the last finish was refused, shown at the bottom.
    public var error: String?
    /// Esc was pressed on a changed text: the popup asks keep / drop / go on.
    public var askingToLeave = false
    /// The first row shown.
    public var scroll = 0
    let original: String

    public init(title: String, text: String, kind: Kind = .text, note: String? = nil, purpose: PopupPurpose) {
        self.title = title
        self.kind = kind
        self.area = TextArea(text: text)
        self.original = self.area.text
        self.note = note
        self.purpose = purpose
    }

    /// A list editor holding `items`, one per line (a line break inside an item becomes a space,
    /// since a line is an item).
    public init(title: String, items: [String], note: String? = nil, purpose: PopupPurpose) {
        let lines = items.map { TextArea.clean($0).replacingOccurrences(of: "\n", with: " ") }
        self.init(title: title, text: lines.joined(separator: "\n"), kind: .list, note: note, purpose: purpose)
    }

    public var isChanged: Bool { area.text != original }

    /// What the popup gives back: the text without trailing blank lines and spaces, or the
    /// non-blank lines, trimmed.
    public var result: PopupResult {
        switch kind {
        case .text: return .text(TextEditorPopup.trimmedEnd(area.text))
        case .list: return .list(TextEditorPopup.items(area.text))
        }
    }

    static func items(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func trimmedEnd(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    // MARK: Geometry, shared by the update (↑↓ move on rows) and the view

    /// The box on a screen of `width` × `height`.
    static func box(in area: Rect) -> Rect {
        area.centered(width: min(area.width - 2, 78), height: max(3, area.height - 2))
    }

    /// Columns before the text of each row ("• " in a list).
    var gutter: Int { kind == .list ? 2 : 0 }

    /// Rows of text inside `box`: the box minus its borders, the note line and the keys line.
    func textRect(in box: Rect) -> Rect {
        let inner = box.inset(by: 1).inset(horizontal: 1, vertical: 0)
        let top = note == nil ? 0 : 1
        let bottom = 1 + ((error != nil || askingToLeave) ? 1 : 0)
        return Rect(x: inner.x + gutter, y: inner.y + top, width: max(1, inner.width - gutter), height: max(1, inner.height - top - bottom))
    }

    /// Wrapping width: one column less than the text's, for the cursor after a line's last character.
    static func wrapWidth(_ text: Rect) -> Int { max(1, text.width - 1) }

    // MARK: Keys

    func handle(_ key: Key, screen: Rect, lang: Lang) -> PopupOutcome {
        var popup = self
        if askingToLeave {
            switch key {
            case .character("o"), .character("O"), .character("y"), .character("Y"), .enter, .control("s"), .function(2):
                return .submitted(purpose, result)
            case .character("n"), .character("N"):
                return .cancelled
            case .escape:
                popup.askingToLeave = false
            default:
                break
            }
            return .open(.editor(popup))
        }
        switch key {
        case .control("s"), .function(2):
            return .submitted(purpose, result)
        case .escape:
            guard isChanged else { return .cancelled }
            popup.askingToLeave = true
            return .open(.editor(popup))
        default:
            let text = popup.textRect(in: TextEditorPopup.box(in: screen))
            let width = TextEditorPopup.wrapWidth(text)
            if popup.area.handle(key, width: width) { popup.error = nil }
            popup.scroll = popup.keptScroll(width: width, height: text.height)
            return .open(.editor(popup))
        }
    }

    /// `scroll` moved just enough to show the cursor's row.
    func keptScroll(width: Int, height: Int) -> Int {
        TextEditorPopup.keptScroll(scroll, cursorRow: area.cursorPosition(width: width).row, height: height)
    }

    static func keptScroll(_ scroll: Int, cursorRow row: Int, height: Int) -> Int {
        var scroll = min(scroll, row)
        if row >= scroll + height { scroll = row - height + 1 }
        return max(0, scroll)
    }
}
