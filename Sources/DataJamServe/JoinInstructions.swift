import DataJamCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the facilitator reads out or projects: one `ssh` line per team and address, the code,
/// and the host key's fingerprint.
public enum JoinInstructions {
    /// The machine's IPv4 addresses that other laptops in the room can reach (up, not loopback).
    public static func roomAddresses() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let head = first else { return [] }
        defer { freeifaddrs(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = head
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == UInt16(AF_INET),
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(text) { addresses.append(text) }
            }
        }
        return addresses
    }

    /// The addresses to print for a server listening on `listen`: the room's addresses when it
    /// listens on all of them, else the one it listens on.
    public static func addresses(listen: String) -> [String] {
        if listen == "0.0.0.0" || listen == "::" {
            let room = roomAddresses()
            return room.isEmpty ? ["127.0.0.1"] : room
        }
        return [listen]
    }

    public static func command(user: String, address: String, port: Int) -> String {
        let host = address.contains(":") ? "[\(address)]" : address
        return port == 22 ? "ssh \(user)@\(host)" : "ssh -p \(port) \(user)@\(host)"
    }

    /// The lines printed before the facilitator's view opens (and in the log).
    public static func text(teams: [Team], listen: String, port: Int, code: String, facilitatorCode: String?,
                            fingerprint: String, logPath: String, english: Bool) -> [String] {
        let addresses = addresses(listen: listen)
        var lines: [String] = []
        lines.append(english ? "DataJam is serving this workshop over SSH. Rapporteurs type, on their own laptop:"
                             : "DataJam sert cet atelier par SSH. Les rapporteurs tapent, sur leur propre ordinateur :")
        for address in addresses {
            for team in teams.live {
                lines.append("  " + command(user: TeamLogin.slug(team.name), address: address, port: port) + "    " + team.name.escapedForTerminal())
            }
            if teams.live.isEmpty { lines.append("  " + command(user: "equipe", address: address, port: port)) }
        }
        lines.append((english ? "Access code (the password): " : "Code d'accès (le mot de passe) : ") + code)
        if let facilitatorCode {
            lines.append((english ? "Co-facilitator code (full view): " : "Code co-animateur (vue complète) : ") + facilitatorCode)
        }
        lines.append((english ? "Host key fingerprint (ssh shows it on first connection): " : "Empreinte de la clé du serveur (ssh l'affiche à la première connexion) : ") + fingerprint)
        if addresses == ["127.0.0.1"] || listen.hasPrefix("127.") || listen == "::1" {
            lines.append(english ? "Only this machine can connect: add --listen 0.0.0.0 to let the room's laptops in."
                                 : "Seule cette machine peut se connecter : ajoutez --listen 0.0.0.0 pour ouvrir aux ordinateurs de la salle.")
        }
        lines.append((english ? "Connections are logged in " : "Les connexions sont consignées dans ") + logPath)
        return lines
    }
}
