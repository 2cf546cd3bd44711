import DataJamCore

/// Draws the whole state into a screen buffer: a pure function of the state.
public enum AppView {
    public struct Frame: Sendable {
        public var buffer: ScreenBuffer
        public var cursor: (x: Int, y: Int)?
    }

    public static func render(_ state: AppState) -> Frame {
        var buffer = ScreenBuffer(width: max(0, state.width), height: max(0, state.height))
        buffer.laysOutRightToLeft = state.laysOutRightToLeft
        if state.isTooSmall {
            renderTooSmall(state, into: &buffer)
            return Frame(buffer: buffer, cursor: nil)
        }
        if let open = state.openWorkshop, open.phase == .presentation, open.presentation.projecting, state.popup == nil {
            // Projection: the slide gets the whole terminal, nothing else competes on the wall.
            let context = ScreenContext(lang: state.lang, now: state.now, area: buffer.bounds)
            let cursor = PhaseScreen.render(open, into: &buffer, context)
            return Frame(buffer: buffer, cursor: cursor)
        }
        let layout = AppLayout(width: state.width, height: state.height)
        var cursor: (x: Int, y: Int)?
        var hints: [BindingHint]
        switch state.route {
        case .home(let home):
            HeaderView.renderHome(state, into: &buffer, layout.header)
            HomeView.render(home, state: state, into: &buffer, layout.content)
            hints = HomeUpdate.bindings.map(\.hint)
        case .workshop(let open):
            HeaderView.render(open, state: state, into: &buffer, layout.header)
            let context = ScreenContext(lang: state.lang, now: state.now, area: layout.content, utcOffsetSeconds: state.utcOffsetSeconds)
            cursor = PhaseScreen.render(open, into: &buffer, context)
            hints = PhaseScreen.hints(open)
            hints += GlobalBindings.workshop(open, serving: state.serving != nil).map(\.hint)
        }
        StatusView.render(state, into: &buffer, layout.status)
        if let popup = state.popup {
            cursor = PopupView.render(popup, lang: state.lang, into: &buffer, area: buffer.bounds)
            hints = PopupView.hints(popup)
        }
        FooterView.render(hints, lang: state.lang, into: &buffer, layout.footer)
        return Frame(buffer: buffer, cursor: cursor)
    }

    /// Below the minimum size: a centred request to enlarge, as much of it as fits (even 1×1).
    static func renderTooSmall(_ state: AppState, into buffer: inout ScreenBuffer) {
        let text = state.lang.pick(
            fr: "Fenêtre trop petite (\(state.width)×\(state.height)) : agrandissez-la à \(AppState.minimumWidth)×\(AppState.minimumHeight) au moins. q pour quitter.",
            en: "Window too small (\(state.width)×\(state.height)): enlarge it to at least \(AppState.minimumWidth)×\(AppState.minimumHeight). q to quit.")
        let lines = TextWrap.wrap(text, width: state.width)
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < state.height {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: Theme.warning)
        }
    }
}

enum HeaderView {
    static func renderHome(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        buffer.fill(area, style: Theme.header)
        buffer.put(" DataJam · " + state.lang.pick(fr: "Ateliers", en: "Workshops"), x: area.x, y: area.y, style: Theme.header)
        let clock = ClockFormat.time(state.now, offsetSeconds: state.utcOffsetSeconds)
        buffer.put(clock + " ", x: area.maxX - DisplayWidth.of(clock) - 1, y: area.y, style: Theme.header)
    }

    /// ` DataJam · Économie numérique   1 Présentation  2 Data jam  3 Synthèse    ⏱ 12:03/60:00  14:05 `
    static func render(_ open: OpenWorkshop, state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        let lang = state.lang
        buffer.fill(area, style: Theme.header)
        // Right: the session's timer (red past the planned time) and the clock.
        let time = ClockFormat.time(state.now, offsetSeconds: open.clockOffset(at: state.now, machine: state.utcOffsetSeconds))
        // The clock says whose time it is when the workshop has a zone: a laptop flown in keeps its own.
        let zone = open.workshop.details.timeZone.map { " " + ClockFormat.place(ofZone: $0) } ?? ""
        var clock = " " + time + zone + " "
        var timer = ""
        var timerStyle = Theme.header
        if let session = open.workshop.session(open.phase), let started = session.startedAt {
            let elapsed = max(0, (session.endedAt ?? state.now).milliseconds - started.milliseconds) / 1000
            timer = " ⏱ " + ClockFormat.duration(elapsed)
            if let planned = session.plannedMinutes {
                timer += "/" + ClockFormat.duration(Int64(planned) * 60)
                if elapsed > Int64(planned) * 60 { timerStyle = Theme.overTime }
            }
            if session.endedAt != nil { timer += lang.pick(fr: " (arrêté)", en: " (stopped)") }
            timer += " "
        }
        // Tabs: full names; else the current one named and the others by number; else numbers only.
        // The timer is never cut: the zone's name goes first, then the tabs shorten, then the clock goes,
        // then the title.
        func tabs(_ detail: Int) -> [(String, Bool)] {
            DaySession.Phase.allCases.map { phase in
                let active = phase == open.phase
                let named = detail == 0 || detail == 1 && active
                let label = named ? "\(phase.number) \(Vocabulary.phase(phase)(lang))" : "\(phase.number)"
                // Brackets mark the current session whatever the terminal can show (no colour, no attributes).
                return ((active ? "[" : " ") + label + (active ? "]" : " "), active)
            }
        }
        func width(_ tabs: [(String, Bool)]) -> Int { tabs.reduce(0) { $0 + DisplayWidth.of($1.0) + 1 } }
        // The zone's name goes first, before any tab shortens.
        if width(tabs(0)) + DisplayWidth.of(timer) + DisplayWidth.of(clock) > area.width { clock = " " + time + " " }
        var shownTabs = tabs(2)
        for detail in 0...2 where width(tabs(detail)) + DisplayWidth.of(timer) + DisplayWidth.of(clock) <= area.width {
            shownTabs = tabs(detail)
            break
        }
        if width(shownTabs) + DisplayWidth.of(timer) + DisplayWidth.of(clock) > area.width { clock = " " }
        let tabsWidth = width(shownTabs)
        let rightWidth = DisplayWidth.of(timer) + DisplayWidth.of(clock)
        let timerX = area.maxX - rightWidth
        let leftRoom = area.width - tabsWidth - rightWidth - 1
        // The rapporteur's team matters more than the end of a long theme: the theme gives way first.
        var suffix = ""
        if let team = open.rapporteurTeamID.flatMap({ open.workshop.teams.record(withID: $0) }) {
            suffix = " · rapporteur \(team.name)"
        }
        var x = area.x
        if leftRoom >= 12 {
            let prefix = leftRoom >= 11 + DisplayWidth.of(suffix) + 8 ? " DataJam · " : " "
            let themeRoom = max(0, leftRoom - DisplayWidth.of(prefix) - DisplayWidth.of(suffix))
            let shownTitle = themeRoom >= 4
                ? prefix + TextWrap.truncate(open.workshop.details.theme, width: themeRoom) + suffix
                : TextWrap.truncate(prefix + open.workshop.details.theme + suffix, width: max(0, leftRoom))
            x += buffer.put(shownTitle, x: area.x, y: area.y, style: Theme.header, maxWidth: leftRoom) + 1
        }
        for (label, active) in shownTabs {
            x += buffer.put(label, x: x, y: area.y, style: active ? Theme.headerTab : Theme.header, maxWidth: max(0, timerX - x)) + 1
        }
        buffer.put(timer, x: timerX, y: area.y, style: timerStyle)
        buffer.put(clock, x: timerX + DisplayWidth.of(timer), y: area.y, style: Theme.header)
    }
}

enum StatusView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        if let status = state.status {
            let style: Style = switch status.kind {
            case .info: Theme.info
            case .warning: Theme.warning
            case .error: Theme.error
            }
            // A message does not hide whether the last change is safe: that stays at the right end.
            var room = area.width - 2
            if let open = state.openWorkshop, status.kind == .info {
                let mark = " " + Vocabulary.durability(of: open)(state.lang) + " "
                let markWidth = DisplayWidth.of(mark)
                if area.width - markWidth >= 20 {
                    room -= markWidth
                    buffer.put(mark, x: area.maxX - markWidth, y: area.y, style: open.saveError != nil ? Theme.error : Theme.dim)
                }
            }
            buffer.put(" " + TextWrap.truncate(status.text, width: room) + " ", x: area.x, y: area.y, style: style)
        } else if let home = state.home, home.loaded, home.sorted.indices.contains(home.selected) {
            // The selected workshop's file, whole: the list may show only the end of its name.
            buffer.put(TextWrap.truncate(" " + home.sorted[home.selected].path, width: area.width), x: area.x, y: area.y, style: Theme.dim)
        } else if let open = state.openWorkshop {
            // Where the file is and whether it is safe: a facilitator should never wonder.
            let saved = Vocabulary.durability(of: open)(state.lang)
            let text = " \(open.path) · \(saved)"
            buffer.put(TextWrap.truncate(text, width: area.width), x: area.x, y: area.y, style: open.saveError != nil ? Theme.error : Theme.dim)
        }
    }
}

enum FooterView {
    /// The bindings marked for the footer, as many as fit, `key label` separated by two spaces;
    /// help and quit are pinned to the right end so they are always visible.
    static func render(_ hints: [BindingHint], lang: Lang, into buffer: inout ScreenBuffer, _ area: Rect) {
        // Only what works now: a key that would do nothing has no place in the footer.
        let shown = hints.filter { $0.footer && $0.disabled == nil }
        let pinnedLabels: Set<String> = ["?", "q", "F1", "F10"]
        let pinned = shown.filter { pinnedLabels.contains($0.keyLabel) }
        let rest = shown.filter { !pinnedLabels.contains($0.keyLabel) }
        func width(_ hint: BindingHint) -> Int { DisplayWidth.of(hint.keyLabel) + 1 + DisplayWidth.of(hint.short(lang)) }
        let pinnedWidth = pinned.reduce(0) { $0 + width($1) + 2 }
        func draw(_ hint: BindingHint, at x: Int) -> Int {
            var x = x
            x += buffer.put(hint.keyLabel, x: x, y: area.y, style: Theme.footerKey)
            x += buffer.put(" " + hint.short(lang), x: x, y: area.y, style: Theme.footerText)
            return x + 2
        }
        var x = area.x
        for hint in rest {
            guard x + width(hint) <= area.maxX - pinnedWidth else { break }
            x = draw(hint, at: x)
        }
        x = max(x, area.maxX - pinnedWidth + 2)
        for hint in pinned where x + width(hint) <= area.maxX { x = draw(hint, at: x) }
    }
}

/// Times as the header shows them.
public enum ClockFormat {
    /// `14:05` in the time zone `offsetSeconds` east of UTC.
    public static func time(_ t: Timestamp, offsetSeconds: Int64) -> String {
        let seconds = (t.milliseconds / 1000 + offsetSeconds).floorMod(86_400)
        return pad(seconds / 3600) + ":" + pad(seconds / 60 % 60)
    }

    /// Minutes and seconds, `02:05`, `61:40`: sessions are planned in minutes.
    public static func duration(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        return pad(s / 60) + ":" + pad(s % 60)
    }

    /// `UTC+01:00`, `UTC−03:30`, `UTC`.
    public static func utcOffset(_ seconds: Int64) -> String {
        guard seconds != 0 else { return "UTC" }
        let minutes = abs(seconds) / 60
        return "UTC" + (seconds < 0 ? "−" : "+") + pad(minutes / 60) + ":" + pad(minutes % 60)
    }

    /// The place part of a zone name, as a header can afford it: `Tunis` for `Africa/Tunis`,
    /// `Buenos Aires` for `America/Argentina/Buenos_Aires`, `UTC` for `UTC`.
    public static func place(ofZone name: String) -> String {
        // Per frame: plain String work, not Foundation's bridged replacing.
        String((name.split(separator: "/").last ?? Substring(name)).map { $0 == "_" ? " " : $0 })
    }

    private static func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Int64 {
    func floorMod(_ m: Int64) -> Int64 { ((self % m) + m) % m }
}
