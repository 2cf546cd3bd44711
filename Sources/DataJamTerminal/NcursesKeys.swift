import CNcursesw
import DataJamUI

/// Translates what `wget_wch` returns into ``Key``s.
///
/// Terminals disagree on several keys, so each is accepted in every form seen in the wild: Backspace arrives
/// as `KEY_BACKSPACE`, DEL (127) or Ctrl-H (8); Enter as CR (13, since the terminal runs with `nonl()`), LF
/// (10) or the keypad's `KEY_ENTER`; Home and End sometimes as the VT220 Find/Select or keypad keys.
enum NcursesKeys {
    /// A character read by `wget_wch` (status `OK`): control codes become keys, anything else a character.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26:
            // Ctrl-A is 1 … Ctrl-Z is 26; Ctrl-H, I, J, M were taken above.
            return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0: return .control("@")       // Ctrl-Space / Ctrl-@
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        case 0x80...0x9F:
            return nil  // C1 controls: never typed on purpose, and unsafe to echo
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Alt with the character read right after an Esc: printable characters only (Alt-Enter,
    /// Alt-Backspace and other controls are not used, and are dropped).
    static func altKey(forCharacter value: UInt32) -> Key? {
        guard case .character(let character)? = key(forCharacter: value) else { return nil }
        return .alt(character)
    }

    /// The key for an escape sequence ncurses left undecoded (the part after Esc), nil when unknown.
    static func key(forEscapeSequence sequence: String) -> Key? {
        switch sequence {
        case "[A", "OA": return .up
        case "[B", "OB": return .down
        case "[C", "OC": return .right
        case "[D", "OD": return .left
        case "[H", "OH", "[1~", "[7~": return .home
        case "[F", "OF", "[4~", "[8~": return .end
        case "[2~": return .insert
        case "[3~": return .delete
        case "[5~": return .pageUp
        case "[6~": return .pageDown
        case "[Z": return .backTab
        case "OP", "[11~": return .function(1)
        case "OQ", "[12~": return .function(2)
        case "OR", "[13~": return .function(3)
        case "OS", "[14~": return .function(4)
        case "[15~": return .function(5)
        case "[17~": return .function(6)
        case "[18~": return .function(7)
        case "[19~": return .function(8)
        case "[20~": return .function(9)
        case "[21~": return .function(10)
        default: return nil
        }
    }

    /// A function-key code read by `wget_wch` (status `KEY_CODE_YES`). Nil for keys the UI has no use for.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_FIND, KEY_BEG, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            let f0 = datajam_key_f(0)
            // ncurses reserves 64 function-key codes after KEY_F0.
            if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }
}
