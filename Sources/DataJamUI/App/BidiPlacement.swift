/// Who lays out right-to-left text: DataJam (the default), or the terminal.
///
/// Most terminals (xterm, tmux, Windows Terminal) draw cells in the order they receive them, so DataJam sends
/// Arabic in visual order (``BidiLine``) and tells the few terminals that reorder by themselves (VTE, mlterm)
/// not to, through the terminal-wg BiDi proposal's BDSM mode. A terminal that ignores that request and
/// reorders anyway would undo DataJam's layout: `--bidi terminal` (or `DATAJAM_BIDI=terminal`) then sends
/// logical order and lets the terminal do it.
public enum BidiPlacement: String, Sendable, CaseIterable {
    case app
    case terminal

    /// `--bidi`, else `DATAJAM_BIDI`, else `app`; nil when the value given is neither.
    public static func resolve(argument: String?, environment: [String: String]) -> BidiPlacement? {
        if let argument { return BidiPlacement(rawValue: argument.lowercased()) }
        if let value = environment["DATAJAM_BIDI"], !value.isEmpty { return BidiPlacement(rawValue: value.lowercased()) }
        return .app
    }

    /// Whether DataJam lays out right-to-left lines itself.
    public var laysOutRightToLeft: Bool { self == .app }
}
