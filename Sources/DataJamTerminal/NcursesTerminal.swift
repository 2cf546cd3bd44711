import CNcursesw
import DataJamUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through wide-character ncurses.
///
/// Use from one thread only (the run loop's): ncurses is not thread-safe. Call ``start()`` before anything else
/// and ``shutdown()`` on every exit path; termination and crash signals restore the terminal by themselves
/// (see `TerminalRestore`).
public final class NcursesTerminal: TerminalBackend {
    /// Whether the screen is currently in curses mode.
    public private(set) var isActive = false
    /// The frame on the screen, to send only the cells that changed. Nil forces a full redraw: before the first
    /// frame and after a resize.
    private var previousFrame: ScreenBuffer?
    private var colors = ColorPairs(enabled: false, hasDefaultColors: false, maxPairs: 0)
    private var cursorShown: Bool?
    private var screen: OpaquePointer?
    /// Code points one cell can hold (ncurses' CCHARW_MAX).
    private let scalarsPerCell = Int(datajam_cchar_max())

    /// Whether DataJam lays out right-to-left text, and so asks the terminal not to (``BidiPlacement``).
    private let laysOutRightToLeft: Bool

    public init(laysOutRightToLeft: Bool = true) {
        self.laysOutRightToLeft = laysOutRightToLeft
    }

    deinit {
        shutdown()
    }

    // MARK: - Starting and stopping

    /// Takes over the terminal, or throws a ``TerminalStartError`` whose message tells the user what to fix.
    ///
    /// Checks come first, while the terminal is untouched: both standard input and output must be a terminal,
    /// and the locale must be UTF-8, without which ncurses cannot read or draw accents and Arabic (`get_wch`
    /// fails or stalls on the first non-ASCII byte).
    public func start() throws {
        guard !isActive else { return }
        guard isatty(STDIN_FILENO) == 1 else {
            throw TerminalStartError("datajam needs a terminal: standard input is not a terminal (is it piped or redirected?); run it in a terminal, or script with datajam add, list and validate")
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            throw TerminalStartError("datajam needs a terminal: standard output is not a terminal (is it piped or redirected?); run it in a terminal, or script with datajam add, list and validate")
        }
        // Before anything else touches characters: the C library starts in the "C" locale, where non-ASCII
        // input is lost.
        _ = setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset == "UTF-8" else {
            throw TerminalStartError(
                "datajam needs a UTF-8 locale, but the character set is \(codeset): "
                    + "set LANG=C.UTF-8 (or another UTF-8 locale) and start it again")
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty else {
            throw TerminalStartError("datajam needs a terminal: TERM is not set (try TERM=xterm-256color)")
        }

        switch datajam_term_addresses_cursor(term) {
        case 1: break
        case 0:
            throw TerminalStartError(
                "datajam needs a terminal that can move its cursor, and TERM=\(term) cannot: run it in a terminal emulator (TERM=xterm-256color), or script with datajam add, list and validate")
        default:
            throw TerminalStartError(
                "datajam needs a terminal: ncurses does not know TERM=\(term) (try TERM=xterm-256color)")
        }

        TerminalRestore.saveTerminalModes()
        // newterm rather than initscr: initscr prints its own message and exits the process when the terminal
        // type is unknown, which would bypass our error reporting.
        guard let newScreen = newterm(nil, datajam_stdout(), datajam_stdin()) else {
            throw TerminalStartError(
                "datajam needs a terminal: ncurses does not know TERM=\(term) (try TERM=xterm-256color)")
        }
        screen = newScreen
        let window = datajam_stdscr()
        _ = raw()  // Ctrl-C, Ctrl-Z, Ctrl-S arrive as keys: the app decides what they do
        _ = noecho()
        _ = keypad(window, true)
        _ = nonl()  // Enter arrives as CR and output newlines are not translated
        if getenv("ESCDELAY") == nil {
            // ncurses waits a full second by default to tell Esc from an escape sequence: Esc would feel broken.
            _ = set_escdelay(25)
        }
        setUpColors()
        if laysOutRightToLeft {
            // BDSM reset (CSI 8 l, terminal-wg BiDi proposal): "the application lays out bidirectional text",
            // so VTE does not reverse again what DataJam sent in visual order. Other terminals ignore it.
            TerminalRestore.send(TerminalRestore.applicationLaysOutBidi)
        }
        TerminalRestore.install()
        previousFrame = nil
        cursorShown = nil
        isActive = true
    }

    /// Restores the terminal as the shell had it. Safe to call more than once, and after a failed start.
    public func shutdown() {
        guard isActive else { return }
        isActive = false
        _ = endwin()
        // The terminal's own bidirectional layout back on (BDSM set, its default), for the shell.
        if laysOutRightToLeft { TerminalRestore.send(TerminalRestore.terminalLaysOutBidi) }
        TerminalRestore.uninstall()
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
        previousFrame = nil
    }

    private func setUpColors() {
        // https://no-color.org: any non-empty NO_COLOR turns colour off.
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard has_colors() && !noColor && start_color() == OK else {
            colors = ColorPairs(enabled: false, hasDefaultColors: false, maxPairs: 0)
            return
        }
        // Default colours keep the participant's own theme (light or dark) behind the UI.
        let hasDefaults = use_default_colors() == OK
        colors = ColorPairs(enabled: true, hasDefaultColors: hasDefaults, maxPairs: Int(datajam_color_pairs()))
    }

    // MARK: - TerminalBackend

    public var terminationSignal: Int32? { TerminalRestore.requestedSignal }

    public var size: (width: Int, height: Int) {
        guard isActive else { return (0, 0) }
        return (Int(max(0, datajam_cols())), Int(max(0, datajam_lines())))
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isActive, let window = datajam_stdscr() else { return nil }
        wtimeout(window, timeoutMilliseconds < 0 ? -1 : Int32(clamping: timeoutMilliseconds))
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK:
            if value == 27 { return readAfterEscape(window) }
            return NcursesKeys.key(forCharacter: UInt32(value))
        case KEY_CODE_YES:
            let key = NcursesKeys.key(forKeyCode: Int32(bitPattern: UInt32(value)))
            if key == .resize {
                // ncurses has resized its screens. Many terminals reflow the old contents on resize, so what is
                // displayed is unknown: repaint everything on the next frame.
                previousFrame = nil
                _ = clearok(window, true)
            }
            return key
        default:
            return nil  // ERR: the timeout expired
        }
    }

    /// After an Esc, a key sequence ncurses did not recognise (a terminal whose TERM does not
    /// describe it, e.g. tmux's `ESC [ 1 ~` for Home under an xterm TERM) would otherwise arrive as
    /// Esc, `[`, `1`, `~`, and `1` would switch sessions. Decode the common sequences and swallow
    /// unknown ones; a lone Esc stays Esc. Esc arriving together with another key is how terminals
    /// send Alt-<key>: it becomes one ``Key/alt(_:)`` key (or nothing), never Esc followed by a
    /// command, since Esc leaves the capture line and `x` would then delete a finding.
    private func readAfterEscape(_ window: UnsafeMutablePointer<WINDOW>) -> Key? {
        wtimeout(window, 0)
        var next: wint_t = 0
        let status = wget_wch(window, &next)
        if status == KEY_CODE_YES {
            // Alt with a function or arrow key is not used; a resize right after an Esc is kept.
            guard Int32(bitPattern: UInt32(next)) == KEY_RESIZE else { return nil }
            _ = ungetch(KEY_RESIZE)
            return .escape
        }
        guard status == OK else { return .escape }
        if next == 27 {
            // Esc pressed twice: each is an Esc.
            _ = unget_wch(wchar_t(bitPattern: UInt32(next)))
            return .escape
        }
        guard next == 0x5B || next == 0x4F else {  // "[" or "O"
            return NcursesKeys.altKey(forCharacter: UInt32(next))
        }
        var sequence = String(Character(Unicode.Scalar(UInt8(next))))
        for _ in 0..<16 {
            var byte: wint_t = 0
            guard wget_wch(window, &byte) == OK, let scalar = Unicode.Scalar(UInt32(byte)) else { break }
            sequence.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(byte), sequence.count > 1 || next == 0x4F { break }
        }
        return NcursesKeys.key(forEscapeSequence: sequence)
    }

    public func present(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        guard isActive, let window = datajam_stdscr() else { return }
        let columns = Int(max(0, datajam_cols()))
        let rows = min(buffer.height, Int(max(0, datajam_lines())))
        let previous = previousFrame.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        if previous == nil {
            // Also clears whatever lies outside a buffer smaller than the terminal. werase only changes
            // ncurses' copy, so this does not flicker: refresh still sends only differences.
            _ = werase(window)
        }
        for y in 0..<rows {
            let row = buffer.row(y)
            let previousRow = previous?.row(y)
            for x in 0..<min(buffer.width, columns) {
                let cell = row[row.startIndex + x]
                if let previousRow, previousRow[previousRow.startIndex + x] == cell { continue }
                // Continuation cells are drawn by their wide character; a character that would cross the
                // terminal's edge (terminal narrower than the buffer) is not drawn at all.
                if cell.isContinuation || x + cell.width > columns { continue }
                draw(cell, x: x, y: y, in: window)
            }
        }
        placeCursor(cursor, buffer: buffer, columns: columns, rows: rows, in: window)
        _ = wrefresh(window)
        previousFrame = buffer
    }

    // MARK: - Drawing

    private func draw(_ cell: Cell, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>) {
        let (attributes, pair) = colors.attributes(for: cell.style)
        // Nearly every cell of a screen is one printable ASCII character, which is its own glyph
        // (`TerminalGlyphs` gives it back as it is): drawn without the general path's arrays, a
        // whole screen (the first frame, a repaint) goes out in a fraction of the time.
        let utf8 = cell.grapheme.utf8
        if cell.width == 1, utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F {
            var wide: (wchar_t, wchar_t) = (wchar_t(byte), 0)
            var character = cchar_t()
            let made = withUnsafePointer(to: &wide) {
                $0.withMemoryRebound(to: wchar_t.self, capacity: 2) { setcchar(&character, $0, attributes, pair, nil) }
            }
            if made == OK { _ = mvwadd_wch(window, Int32(y), Int32(x), &character) }
            return
        }
        let glyphs = TerminalGlyphs.glyphs(
            for: cell.grapheme, cellWidth: cell.width, maxScalarsPerGlyph: scalarsPerCell,
            columnWidth: { Int(wcwidth(wchar_t(bitPattern: $0.value))) })
        var column = x
        for glyph in glyphs {
            // setcchar wants a NUL-terminated wide string: the spacing code point, then its combining marks.
            var wide = glyph.scalars.map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            var character = cchar_t()
            if setcchar(&character, wide, attributes, pair, nil) == OK {
                // Ignoring the result on purpose: writing the bottom-right cell returns ERR (the cursor cannot
                // advance past it) although the character is drawn.
                _ = mvwadd_wch(window, Int32(y), Int32(column), &character)
            }
            column += glyph.width
        }
    }

    private func placeCursor(
        _ cursor: (x: Int, y: Int)?, buffer: ScreenBuffer, columns: Int, rows: Int,
        in window: UnsafeMutablePointer<WINDOW>
    ) {
        let visible: (x: Int, y: Int)? = cursor.flatMap { position in
            position.x >= 0 && position.y >= 0 && position.x < min(columns, buffer.width) && position.y < rows
                ? position : nil
        }
        if let visible {
            _ = wmove(window, Int32(visible.y), Int32(visible.x))
        }
        let show = visible != nil
        if cursorShown != show {
            // curs_set fails on terminals that cannot hide the cursor; nothing better to do there.
            _ = curs_set(show ? 1 : 0)
            cursorShown = show
        }
    }
}
