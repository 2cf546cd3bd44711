/// Text from a file or the command line made safe to print to a terminal.
///
/// A terminal executes control characters instead of showing them: `ESC ] 0 ; … BEL` retitles the
/// window, `ESC [ 2 J` clears it, a carriage return overwrites the start of the line, and the C1
/// controls (U+0080–U+009F) act as `ESC` plus a letter on many terminals. Every line the command
/// line prints goes through here, so a hostile session file or file name can only be read, never
/// obeyed. Controls are shown as visible escapes: `\x1B` for the C0 controls, DEL and the C1
/// controls, `\u202E` for the direction controls (which would reorder the line, see
/// ``DirectionalFormatting``).
public enum TerminalEscaping {
    /// Which layout characters the printed text keeps as they are.
    public enum Layout: Sendable {
        /// One line: newlines and tabs are escaped too.
        case singleLine
        /// One line of tab-separated fields (`datajam list`): tabs stay, newlines are escaped.
        case tabSeparated
        /// Several lines (help, reports, CSV): newlines, CR LF line ends and tabs stay.
        case multiLine
    }

    public static func escaped(_ text: String, layout: Layout) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { needsEscape($0, layout) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            let lineEnd = layout == .multiLine && scalar == "\r" && index != scalars.endIndex && scalars[index] == "\n"
            if needsEscape(scalar, layout) && !lineEnd {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, _ layout: Layout) -> Bool {
        switch scalar.value {
        case 0x0A: return layout == .singleLine || layout == .tabSeparated
        case 0x09: return layout == .singleLine
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return DirectionalFormatting.isDirectionalFormatting(scalar)
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x09: return "\\t"
        case 0x0D: return "\\r"
        case 0x00...0xFF: return "\\x" + hex(scalar.value, digits: 2)
        default: return "\\u" + hex(scalar.value, digits: 4)
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

extension String {
    /// This text made safe to print to a terminal; see ``TerminalEscaping``.
    public func escapedForTerminal(_ layout: TerminalEscaping.Layout = .singleLine) -> String {
        TerminalEscaping.escaped(self, layout: layout)
    }
}
