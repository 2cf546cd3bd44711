import DataJamCore
import DataJamUI
import Foundation

/// While `datajam open` waits for its file to load on another thread, this thread draws a small
/// workshop off screen: the first use of the drawing code (the Swift runtime's type metadata and
/// conformance lookups, key tables, glyph tables) is paid during the wait instead of after it,
/// on the way to the first frame. Nothing is shown; the terminal is not touched.
enum DrawingWarmUp {
    static func run(lang: Lang) {
        let start = Timestamp.now()
        var workshop = WorkshopPreset.all[0].makeWorkshop(theme: "Atelier", date: nil, city: "", teamNames: nil, now: start)
        workshop.findings = FindingKind.allCases.map { kind in
            Finding(teamId: workshop.teams.first?.id, kind: kind, text: "Constat", category: kind == .constraint ? workshop.categories.first?.id : nil,
                    createdAt: start)
        }
        var open = OpenWorkshop(path: "warm-up.json", workshop: workshop, hasHome: false)
        open.refresh()
        var size = winsize()
        let wide = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        let state = AppState(lang: lang, width: wide ? Int(size.ws_col) : 120, height: wide ? Int(size.ws_row) : 40,
                             now: start, sessionsFolder: ".", route: .workshop(open))
        _ = AppView.render(state)
    }
}
