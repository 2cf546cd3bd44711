import DataJamCore
import Foundation
import NIOCore
import NIOSSH

/// One SSH session channel: a terminal request, then a shell request that starts the view.
/// Everything else a client can ask (a command, sftp, X11, agent forwarding) is refused.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    private let connection: Connection
    private let configuration: ServeConfiguration
    private var terminal: (term: String, columns: Int, rows: Int)?
    private var clientEnvironment: [String: String] = [:]
    private var child: PseudoTerminal?
    private var picker: TeamPicker?
    private var started = false

    init(connection: Connection, configuration: ServeConfiguration) {
        self.connection = connection
        self.configuration = configuration
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            terminal = (Self.safeTerm(request.term), request.terminalCharacterWidth, request.terminalRowHeight)
            reply(context, request.wantReply, true)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let accepted = ServeConfiguration.languageVariables.contains(request.name) && request.value.count < 64
            if accepted { clientEnvironment[request.name] = request.value }
            reply(context, request.wantReply, accepted)
        case let request as SSHChannelRequestEvent.ShellRequest:
            startShell(context, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            configuration.log.write("refused", ["id": "\(connection.id)", "address": connection.address, "user": connection.user,
                                                "reason": "command", "command": request.command])
            reply(context, request.wantReply, true)
            refuse(context, "DataJam only runs the workshop here, not commands: connect with `ssh -p PORT TEAM@HOST` and nothing after it.")
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            configuration.log.write("refused", ["id": "\(connection.id)", "address": connection.address, "user": connection.user,
                                                "reason": "subsystem \(request.subsystem)"])
            reply(context, request.wantReply, false)
            context.close(promise: nil)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            terminal?.columns = request.terminalCharacterWidth
            terminal?.rows = request.terminalRowHeight
            child?.resize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(var buffer) = message.data,
              let bytes = buffer.readBytes(length: buffer.readableBytes) else { return }
        connection.touch()
        if picker != nil {
            feedPicker(context, bytes)
        } else {
            child?.write(bytes)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        // The connection dropped or the client left: the view saves what was typed on SIGHUP.
        if let child, !child.hasEnded {
            child.signal(SIGHUP)
            // A view that does not end on SIGHUP is killed after ten seconds.
            context.eventLoop.scheduleTask(in: .seconds(10)) { child.signal(SIGKILL) }
        }
        context.fireChannelInactive()
    }

    // MARK: -

    private func reply(_ context: ChannelHandlerContext, _ wantReply: Bool, _ success: Bool) {
        guard wantReply else { return }
        if success {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Prints `message` on the client's stderr, exits with status 1 and closes the channel.
    private func refuse(_ context: ChannelHandlerContext, _ message: String) {
        let channel = context.channel
        var buffer = channel.allocator.buffer(capacity: message.utf8.count + 2)
        buffer.writeString(message + "\r\n")
        channel.writeAndFlush(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer)), promise: nil)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func write(_ context: ChannelHandlerContext, _ text: String) {
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        context.writeAndFlush(NIOAny(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
    }

    private var english: Bool { configuration.language(clientEnvironment) == "en" }

    private func startShell(_ context: ChannelHandlerContext, wantReply: Bool) {
        guard !started else { return reply(context, wantReply, false) }
        started = true
        reply(context, wantReply, true)
        guard terminal != nil else {
            configuration.log.write("refused", ["id": "\(connection.id)", "address": connection.address, "reason": "no terminal (ssh -T)"])
            return refuse(context, english ? "DataJam needs a terminal: connect without -T (or add -t)." : "DataJam a besoin d'un terminal : connectez-vous sans -T (ou ajoutez -t).")
        }
        if connection.currentRole == .facilitator {
            return spawn(context, team: nil)
        }
        let workshop: Workshop
        do {
            // Not remembered: the facilitator's view in this process must still see this version as new.
            workshop = try SessionStore().load(configuration.file, remembering: false)
        } catch {
            configuration.log.write("error", ["id": "\(connection.id)", "reason": "\(error)"])
            return refuse(context, english ? "The workshop file cannot be read right now; tell the facilitator." : "Le fichier de l'atelier est illisible pour l'instant ; prévenez l'animateur.")
        }
        if let team = TeamLogin.team(for: connection.user, in: workshop) {
            return spawn(context, team: team)
        }
        let teams = workshop.teams.live
        guard !teams.isEmpty else {
            return refuse(context, english ? "This workshop has no team yet; ask the facilitator to create them, then reconnect."
                                           : "Cet atelier n'a pas encore d'équipe ; demandez à l'animateur de les créer, puis reconnectez-vous.")
        }
        picker = TeamPicker(teams: teams, english: english)
        write(context, "\r\n" + (picker?.prompt ?? ""))
    }

    private func feedPicker(_ context: ChannelHandlerContext, _ bytes: [UInt8]) {
        guard var current = picker else { return }
        let outcomes = current.feed(bytes)
        picker = current
        for outcome in outcomes {
            switch outcome {
            case .echo(let echo):
                var buffer = context.channel.allocator.buffer(capacity: echo.count)
                buffer.writeBytes(echo)
                context.writeAndFlush(NIOAny(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
            case .chosen(let team, let echo):
                var buffer = context.channel.allocator.buffer(capacity: echo.count)
                buffer.writeBytes(echo)
                context.writeAndFlush(NIOAny(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
                picker = nil
                spawn(context, team: team)
            case .leave:
                picker = nil
                write(context, "\r\n")
                let channel = context.channel
                channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 0)).whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }

    /// Starts `datajam open FILE [--team ID] --lang L` in a new pseudo-terminal and pumps its output
    /// to the channel from a thread of its own (the read blocks).
    private func spawn(_ context: ChannelHandlerContext, team: Team?) {
        guard let terminal else { return }
        var arguments = ["open", configuration.file, "--lang", configuration.language(clientEnvironment)]
        if let team { arguments += ["--team", team.id] }
        var environment = configuration.childEnvironment
        environment["TERM"] = terminal.term
        let child: PseudoTerminal
        do {
            child = try PseudoTerminal(executable: configuration.executable, arguments: arguments, environment: environment,
                                       columns: terminal.columns, rows: terminal.rows)
        } catch {
            configuration.log.write("error", ["id": "\(connection.id)", "reason": "\(error)"])
            return refuse(context, "DataJam: \(error)")
        }
        self.child = child
        connection.attach(child)
        configuration.children.add(child)
        let shown = team?.name ?? "(full view)"
        connection.showing(team: shown)
        configuration.log.write("view", ["id": "\(connection.id)", "address": connection.address, "user": connection.user,
                                         "team": shown, "pid": "\(child.pid)", "size": "\(terminal.columns)x\(terminal.rows)"])
        let channel = context.channel
        let log = configuration.log
        let id = connection.id
        let thread = Thread {
            while let bytes = child.read() {
                var buffer = channel.allocator.buffer(capacity: bytes.count)
                buffer.writeBytes(bytes)
                channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: nil)
            }
            let status = child.reap()
            log.write("view-ended", ["id": "\(id)", "pid": "\(child.pid)", "status": "\(status)"])
            channel.eventLoop.execute {
                channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(status))).whenComplete { _ in
                    channel.close(promise: nil)
                }
            }
            child.markFinished()
        }
        thread.name = "datajam-serve-pty-\(id)"
        thread.start()
    }

    /// A TERM value is passed to the view's environment: letters, digits and `-._+` only, and one
    /// this machine has a terminfo entry for (a client's `xterm-kitty` may be unknown here: the
    /// view would refuse to start, where xterm's sequences work in every terminal people use).
    static func safeTerm(_ term: String, terminfo: [String] = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]) -> String {
        let fallback = "xterm-256color"
        let allowed = term.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._+".unicodeScalars.contains($0)) }
        guard !term.isEmpty, term.count <= 64, allowed, let first = term.first, term != "dumb" else { return fallback }
        let known = terminfo.contains { folder in
            FileManager.default.fileExists(atPath: "\(folder)/\(first)/\(term)")
                || FileManager.default.fileExists(atPath: "\(folder)/\(String(format: "%02x", first.asciiValue ?? 0))/\(term)")
        }
        return known ? term : fallback
    }
}
