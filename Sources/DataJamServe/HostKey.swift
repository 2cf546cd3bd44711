import Crypto
import Foundation
import NIOSSH
#if canImport(Glibc)
import Glibc
#endif

/// The server's Ed25519 host key: created once, kept 0600 in the user's configuration folder and
/// reused, so that the `known_hosts` line every laptop records on its first visit stays valid.
public struct HostKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    public let path: String

    public var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: privateKey) }

    /// `$XDG_CONFIG_HOME/datajam/ssh_host_ed25519_key`, else `~/.config/datajam/…`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config"
        }
        return base + "/datajam/ssh_host_ed25519_key"
    }

    private static let header = "datajam ssh host key (ed25519, base64 of the 32-byte seed); keep private\n"

    /// Loads the key at `path`, or creates it (and its folder, 0700) when there is none.
    public static func loadOrCreate(at path: String) throws -> HostKey {
        if let data = FileManager.default.contents(atPath: path) {
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & 0o077 != 0 {
                throw HostKeyError("the host key \(path) can be read by others: chmod 600 \(path)")
            }
            let text = String(decoding: data, as: UTF8.self)
            guard let line = text.split(separator: "\n").last, let seed = Data(base64Encoded: String(line).trimmingCharacters(in: .whitespaces)),
                  let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
                throw HostKeyError("the host key \(path) is damaged: remove it to create a new one (rapporteurs' ssh will then warn that the key changed)")
            }
            return HostKey(privateKey: key, path: path)
        }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw HostKeyError("cannot create \(folder) for the host key: \(error.localizedDescription)")
        }
        let key = Curve25519.Signing.PrivateKey()
        let contents = Array((header + key.rawRepresentation.base64EncodedString() + "\n").utf8)
        // O_EXCL: two servers started at once do not overwrite each other's key; 0600 from the start.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return try loadOrCreate(at: path) }
            throw HostKeyError("cannot write the host key \(path): \(String(cString: strerror(errno)))")
        }
        let written = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == contents.count, synced == 0 else {
            unlink(path)
            throw HostKeyError("cannot write the host key \(path): \(String(cString: strerror(errno)))")
        }
        return HostKey(privateKey: key, path: path)
    }

    /// The fingerprint exactly as `ssh` prints it: `SHA256:` and the unpadded base64 of the SHA-256
    /// of the public key's wire form (string "ssh-ed25519", string key).
    public var fingerprint: String {
        let blob = Self.wireString(Array("ssh-ed25519".utf8)) + Self.wireString(Array(privateKey.publicKey.rawRepresentation))
        let digest = Data(SHA256.hash(data: Data(blob))).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The public key as an OpenSSH `known_hosts`/`.pub` line.
    public var openSSHPublicKey: String {
        let blob = Self.wireString(Array("ssh-ed25519".utf8)) + Self.wireString(Array(privateKey.publicKey.rawRepresentation))
        return "ssh-ed25519 " + Data(blob).base64EncodedString()
    }

    private static func wireString(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [UInt8(count >> 24), UInt8((count >> 16) & 0xff), UInt8((count >> 8) & 0xff), UInt8(count & 0xff)] + bytes
    }
}

public struct HostKeyError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
