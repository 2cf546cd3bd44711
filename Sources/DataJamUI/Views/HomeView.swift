import DataJamCore

/// The list of workshops: theme, date, city, teams, findings, last change.
enum HomeView {
    static func render(_ home: HomeState, state: AppState, into buffer: inout ScreenBuffer, _ area: Rect) {
        let lang = state.lang
        var rest = area.inset(horizontal: 1, vertical: 0)
        let (title, afterTitle) = rest.splitTop(2)
        rest = afterTitle
        buffer.put(lang.pick(fr: "Ateliers dans \(state.sessionsFolder)", en: "Workshops in \(state.sessionsFolder)"),
                   x: title.x, y: title.y, style: Theme.heading, maxWidth: title.width)
        guard home.loaded else {
            buffer.put(lang.pick(fr: "Lecture du dossier…", en: "Reading the folder…"), x: rest.x, y: rest.y, style: Theme.dim)
            return
        }
        let items = home.sorted
        if items.isEmpty {
            Draw.paragraph(lang.pick(fr: "Aucun atelier ici. n pour en créer un.", en: "No workshop here yet. n to create one."),
                           in: rest, y: rest.y, buffer: &buffer)
            return
        }
        // Columns: theme | file | date | city | teams | findings | last change. The file tells apart
        // two workshops of one theme and date: shown when there are such twins or room for it,
        // taking what the theme can spare (it keeps at least 14 columns).
        let dateW = 10, teamsW = 7, findingsW = 11, changeW = 16
        let cityW = rest.width >= 100 ? 14 : 0
        let textW = max(10, rest.width - dateW - teamsW - findingsW - changeW - cityW - 6)
        let longestFile = items.map { DisplayWidth.of(shownFileName($0)) }.max() ?? 0
        var seen = Set<String>()
        let twins = items.contains { item in
            guard case .success(let s) = item.summary else { return false }
            return !seen.insert(s.theme + "\u{0}" + (s.date?.description ?? "")).inserted
        }
        let fileW = twins || rest.width >= 120 ? min(max(longestFile, 7), max(0, textW / 2), max(0, textW - 14 - 1)) : 0
        let themeW = fileW > 0 ? textW - fileW - 1 : textW
        func row(_ cells: [(String, Int)], y: Int, style: Style) {
            var x = rest.x
            for (text, width) in cells where width > 0 {
                buffer.put(TextWrap.fit(text, width: width), x: x, y: y, style: style)
                x += width + 1
            }
        }
        row([(lang.pick(fr: "Thème", en: "Theme"), themeW), (lang.pick(fr: "Fichier", en: "File"), fileW), ("Date", dateW), (lang.pick(fr: "Ville", en: "City"), cityW),
             (lang.pick(fr: "Équipes", en: "Teams"), teamsW), (lang.pick(fr: "Trouvailles", en: "Findings"), findingsW),
             (lang.pick(fr: "Modifié", en: "Changed"), changeW)], y: rest.y, style: .bold)
        let list = rest.inset(top: 1)
        let first = max(0, home.selected - list.height + 1)
        for (line, index) in (first..<items.count).enumerated() where line < list.height {
            let item = items[index]
            let y = list.y + line
            let selected = index == home.selected
            let style = selected ? Theme.selection : Style.plain
            if selected { buffer.fill(list.row(line), style: style) }
            switch item.summary {
            case .success(let s):
                row([(s.theme, themeW), (leftTruncated(shownFileName(item), width: fileW), fileW), (s.date?.description ?? "—", dateW), (s.city, cityW), ("\(s.teams)", teamsW),
                     ("\(s.findings)", findingsW), (ClockFormat.dateTime(s.lastChange, offsetSeconds: state.utcOffsetSeconds), changeW)],
                    y: y, style: style)
            case .failure(let error):
                buffer.put("⚠ " + item.fileName + ": " + error.message, x: list.x, y: y,
                           style: selected ? Theme.selection : Theme.warning, maxWidth: list.width)
            }
        }
    }
}

/// The file name as the list shows it: without `.json`, which every one has.
private func shownFileName(_ listing: SessionListing) -> String {
    let name = listing.fileName
    return name.hasSuffix(".\(SessionFormat.fileExtension)") ? String(name.dropLast(SessionFormat.fileExtension.count + 1)) : name
}

/// `text` cut from the left (`…mique-2`): what tells two file names apart is usually their end.
private func leftTruncated(_ text: String, width: Int) -> String {
    guard DisplayWidth.of(text) > width, width > 1 else { return text }
    var kept = ""
    var used = 1
    for character in text.reversed() {
        let w = DisplayWidth.of(character)
        if used + w > width { break }
        kept.insert(character, at: kept.startIndex)
        used += w
    }
    return "…" + kept
}

extension ClockFormat {
    /// `2023-11-27 14:05`.
    public static func dateTime(_ t: Timestamp, offsetSeconds: Int64) -> String {
        let shifted = Timestamp(milliseconds: t.milliseconds + offsetSeconds * 1000)
        return WorkshopDate.day(of: shifted).description + " " + time(t, offsetSeconds: offsetSeconds)
    }
}
