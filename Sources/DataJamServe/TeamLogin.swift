import DataJamCore
import Foundation

/// Which team an SSH user name designates: the team's name or its slug, accents, case and
/// punctuation ignored (`environnement`, `transport-et-infrastructure`), or its id.
public enum TeamLogin {
    /// The form of a team name a rapporteur types after `ssh -p 2222`: lower case, no accents,
    /// words joined by hyphens. Letters of other scripts (Arabic) stay as they are.
    public static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// The one live team `user` designates, or nil (unknown, empty or ambiguous: the picker asks).
    public static func team(for user: String, in workshop: Workshop) -> Team? {
        let wanted = slug(user)
        guard !wanted.isEmpty else { return nil }
        let live = workshop.teams.live
        if let exact = live.first(where: { $0.id == user }) { return exact }
        let bySlug = live.filter { slug($0.name) == wanted }
        if bySlug.count == 1 { return bySlug[0] }
        let byStart = live.filter { slug($0.name).hasPrefix(wanted) }
        if byStart.count == 1 { return byStart[0] }
        let byName = workshop.teams(matching: user)
        return byName.count == 1 ? byName[0] : nil
    }
}
