import DataJamCore
import Foundation

/// What an unknown or empty SSH user sees: the teams, numbered, and a line to type one's number
/// in. Plain text over the channel (the client's terminal is in raw mode): it needs no curses.
public struct TeamPicker: Sendable {
    public let teams: [Team]
    public let english: Bool
    private(set) var typed = ""

    public enum Outcome: Equatable, Sendable {
        case echo([UInt8])
        case chosen(Team, echo: [UInt8])
        case leave
    }

    public init(teams: [Team], english: Bool) {
        self.teams = teams
        self.english = english
    }

    /// The screen before anything is typed.
    public var prompt: String {
        var lines = [english ? "DataJam: which team are you the rapporteur of?" : "DataJam : de quelle équipe êtes-vous rapporteur ?", ""]
        for (index, team) in teams.enumerated() {
            lines.append("  \(index + 1). \(team.name.escapedForTerminal())  (ssh user: \(TeamLogin.slug(team.name)))")
        }
        lines.append("")
        lines.append(english ? "Type the number and press Enter (q to leave): " : "Tapez le numéro puis Entrée (q pour quitter) : ")
        return lines.joined(separator: "\r\n")
    }

    public mutating func feed(_ bytes: [UInt8]) -> [Outcome] {
        var outcomes: [Outcome] = []
        for byte in bytes {
            switch byte {
            case 0x03, 0x04, UInt8(ascii: "q"), UInt8(ascii: "Q"):  // Ctrl-C, Ctrl-D, q
                outcomes.append(.leave)
                return outcomes
            case 0x0d, 0x0a:
                if let number = Int(typed), number >= 1, number <= teams.count {
                    outcomes.append(.chosen(teams[number - 1], echo: Array("\r\n".utf8)))
                    return outcomes
                }
                typed = ""
                let again = english ? "\r\nNo such team number; type one of 1 to \(teams.count): " : "\r\nCe numéro n'existe pas ; tapez un nombre de 1 à \(teams.count) : "
                outcomes.append(.echo(Array(again.utf8)))
            case 0x7f, 0x08:
                if !typed.isEmpty {
                    typed.removeLast()
                    outcomes.append(.echo([0x08, 0x20, 0x08]))
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if typed.count < 4 {
                    typed.append(Character(UnicodeScalar(byte)))
                    outcomes.append(.echo([byte]))
                }
            default:
                break
            }
        }
        return outcomes
    }
}
