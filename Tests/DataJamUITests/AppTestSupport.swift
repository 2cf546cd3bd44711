import DataJamCore
@testable import DataJamUI
import TestSupport

/// An app state inside the fixture workshop, on a given session, at a fixed time and size.
func workshopState(width: Int = 80, height: Int = 24, lang: Lang = .fr, phase: DaySession.Phase = .breakouts,
                   workshop: Workshop = WorkshopFixtures.complete(), rapporteur: String? = nil) -> AppState {
    var open = OpenWorkshop(path: "/tmp/atelier.json", workshop: workshop, rapporteurTeamID: rapporteur, hasHome: true)
    open.phase = phase
    open.refresh()
    return AppState(lang: lang, width: width, height: height, now: WorkshopFixtures.time(1000),
                    sessionsFolder: "/tmp", route: .workshop(open))
}

extension AppState {
    /// Sends keys through `update`, collecting the effects.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { AppUpdate.update(&self, .key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { AppUpdate.update(&self, .key(.character($0))) }
    }

    var screen: [String] { AppView.render(self).buffer.lines }

    var workshop: Workshop { openWorkshop!.workshop }
}
