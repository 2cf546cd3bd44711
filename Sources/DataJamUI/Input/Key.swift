/// A key press, as the UI sees it: already decoded from whatever the terminal sent.
///
/// Backends translate their own codes into these cases, so views, the line editor and the key-binding table
/// are written once and tested with the in-memory backend. Ctrl-H, Tab, Enter (Ctrl-M, Ctrl-J) arrive as
/// `.backspace`, `.tab` and `.enter`, because that is what terminals send for those keys.
public enum Key: Sendable, Hashable {
    /// A printable character, possibly non-ASCII ("é", "ب", "中"). Never a control character.
    case character(Character)
    case enter
    case escape
    case backspace
    case delete
    case tab
    /// Shift-Tab.
    case backTab
    case up, down, left, right
    case home, end
    case pageUp, pageDown
    case insert
    /// F1…F12 (and beyond, when the terminal has them).
    case function(Int)
    /// Ctrl with a letter, given in lower case: `.control("a")` for Ctrl-A. Ctrl-C is a key too: the terminal
    /// runs in raw mode, so it does not interrupt the program. The few non-letter control keys terminals can
    /// send are `.control("@")` (Ctrl-Space), `"\\"`, `"]"`, `"^"` and `"_"`.
    case control(Character)
    /// Alt (Meta) with a printable character. Terminals send it as Esc then the character; it is
    /// decoded as one key so that it can never act as Esc followed by a command. No binding uses it.
    case alt(Character)
    /// The terminal changed size: redraw at the new `size`.
    case resize

    /// A short human name ("Ctrl-W", "PgDn", "F2", "é"), for footers and the help screen.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .insert: return "Ins"
        case .function(let number): return "F\(number)"
        case .control(let character): return "Ctrl-" + String(character).uppercased()
        case .alt(let character): return "Alt-" + String(character)
        case .resize: return "Resize"
        }
    }
}
