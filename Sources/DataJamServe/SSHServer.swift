import DataJamCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// The SSH server: accepts connections, checks codes, and gives each session its own view.
public final class SSHServer: @unchecked Sendable {
    public let configuration: ServeConfiguration
    public let registry = ConnectionRegistry()
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var serverChannel: Channel?
    private var sweep: RepeatedTask?

    public init(configuration: ServeConfiguration) {
        self.configuration = configuration
    }

    /// Starts listening; returns the port (the one asked for, or the one chosen for port 0).
    public func start() throws -> Int {
        let configuration = configuration
        let registry = registry
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                Self.accept(channel, configuration: configuration, registry: registry)
            }
        let channel: Channel
        do {
            channel = try bootstrap.bind(host: configuration.listen, port: configuration.port).wait()
        } catch {
            throw ServeError("cannot listen on \(configuration.listen) port \(configuration.port): \(error); choose another with --port N")
        }
        serverChannel = channel
        let port = channel.localAddress?.port ?? configuration.port
        configuration.log.write("listening", ["address": configuration.listen, "port": "\(port)", "fingerprint": configuration.hostKey.fingerprint])
        sweep = group.next().scheduleRepeatedTask(initialDelay: .seconds(5), delay: .seconds(5)) { _ in
            Self.sweep(registry, configuration: configuration)
        }
        return port
    }

    /// Stops accepting, hangs up every view (they save what was typed), waits for them at most
    /// `timeout` seconds, then kills what is left.
    public func stop(timeout: TimeInterval = 10) {
        sweep?.cancel()
        try? serverChannel?.close().wait()
        let children = configuration.children
        for child in children.running { child.signal(SIGHUP) }
        let deadline = Date().addingTimeInterval(timeout)
        while !children.running.isEmpty, Date() < deadline { usleep(20_000) }
        for child in children.running { child.signal(SIGKILL) }
        for connection in registry.all { connection.channel.close(promise: nil) }
        // Every output thread done with the event loop before it shuts down.
        let grace = Date().addingTimeInterval(2)
        while children.unfinished > 0, Date() < grace { usleep(20_000) }
        try? group.syncShutdownGracefully()
        configuration.log.write("stopped")
    }

    /// Closes one connection (its view is hung up and saves what was typed).
    public func disconnect(_ id: Int) {
        guard let connection = registry.connection(id) else { return }
        configuration.log.write("disconnected-by-facilitator", ["id": "\(id)", "address": connection.address, "user": connection.user])
        connection.channel.close(promise: nil)
    }

    // MARK: - Per connection

    private static func accept(_ channel: Channel, configuration: ServeConfiguration, registry: ConnectionRegistry) -> EventLoopFuture<Void> {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let log = configuration.log
        if case .refused(let until) = configuration.throttle.verdict(for: address) {
            log.write("refused", ["address": address, "reason": "too many wrong codes, until \(ServeLog.timestamp(until))"])
            return channel.close()
        }
        guard let connection = registry.add(address: address, channel: channel, limit: configuration.maximumConnections) else {
            log.write("refused", ["address": address, "reason": "too many connections (\(configuration.maximumConnections))"])
            return channel.close()
        }
        log.write("connected", ["id": "\(connection.id)", "address": address])
        channel.closeFuture.whenComplete { _ in
            registry.remove(connection.id)
            for child in connection.liveChildren { child.signal(SIGHUP) }
            log.write("closed", ["id": "\(connection.id)", "address": address, "user": connection.user])
        }
        return channel.eventLoop.makeCompletedFuture {
            var server = SSHServerConfiguration(
                hostKeys: [configuration.hostKey.sshKey],
                userAuthDelegate: CodeAuthentication(connection: connection, configuration: configuration),
                globalRequestDelegate: RefuseForwarding(connection: connection, log: log))
            server.maxAuthAttempts = 20
            let handler = NIOSSHHandler(
                role: .server(server), allocator: channel.allocator,
                inboundChildChannelInitializer: { child, type in
                    Self.openChannel(child, type: type, connection: connection, configuration: configuration, registry: registry)
                })
            try channel.pipeline.syncOperations.addHandler(handler)
            try channel.pipeline.syncOperations.addHandler(CloseOnError())
        }
    }

    private static func openChannel(_ channel: Channel, type: SSHChannelType, connection: Connection,
                                    configuration: ServeConfiguration, registry: ConnectionRegistry) -> EventLoopFuture<Void> {
        let log = configuration.log
        switch type {
        case .session:
            guard connection.openSession() else {
                log.write("refused", ["id": "\(connection.id)", "address": connection.address, "reason": "second session on one connection"])
                return channel.eventLoop.makeFailedFuture(ServeError("one session per connection"))
            }
            guard configuration.children.running.count < configuration.maximumSessions else {
                log.write("refused", ["id": "\(connection.id)", "address": connection.address, "reason": "too many sessions (\(configuration.maximumSessions))"])
                return channel.eventLoop.makeFailedFuture(ServeError("too many sessions"))
            }
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(SessionHandler(connection: connection, configuration: configuration))
            }
        case .directTCPIP(let target):
            log.write("refused", ["id": "\(connection.id)", "address": connection.address, "reason": "port forwarding to \(target.targetHost):\(target.targetPort)"])
            return channel.eventLoop.makeFailedFuture(ServeError("port forwarding is not offered"))
        case .forwardedTCPIP:
            return channel.eventLoop.makeFailedFuture(ServeError("port forwarding is not offered"))
        }
    }

    /// Closes connections that never logged in, and views left idle too long.
    private static func sweep(_ registry: ConnectionRegistry, configuration: ServeConfiguration) {
        let now = Date()
        for connection in registry.all {
            let info = connection.snapshot
            if !info.authenticated, now.timeIntervalSince(info.since) > configuration.loginGrace {
                configuration.log.write("timeout", ["id": "\(info.id)", "address": info.address, "reason": "no login within \(Int(configuration.loginGrace)) s"])
                connection.channel.close(promise: nil)
            } else if info.authenticated, now.timeIntervalSince(info.lastActivity) > configuration.idleTimeout {
                configuration.log.write("timeout", ["id": "\(info.id)", "address": info.address, "user": info.user,
                                                    "reason": "idle for \(Int(configuration.idleTimeout / 60)) min"])
                connection.channel.close(promise: nil)
            }
        }
    }
}

public struct ServeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The password is the access code; the user name only chooses the team, later.
final class CodeAuthentication: NIOSSHServerUserAuthenticationDelegate {
    let connection: Connection
    let configuration: ServeConfiguration

    init(connection: Connection, configuration: ServeConfiguration) {
        self.connection = connection
        self.configuration = configuration
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        // Public keys and "none" probes are answered "password, please" without counting as failures.
        guard case .password(let password) = request.request else {
            responsePromise.succeed(.failure)
            return
        }
        let address = connection.address
        let log = configuration.log
        connection.attempted(user: request.username)
        if case .refused = configuration.throttle.verdict(for: address) {
            log.write("refused", ["id": "\(connection.id)", "address": address, "user": request.username, "reason": "too many wrong codes"])
            responsePromise.succeed(.failure)
            connection.channel.close(promise: nil)
            return
        }
        if let role = configuration.codes.role(for: password.password) {
            configuration.throttle.succeeded(address)
            connection.authenticated(user: request.username, role: role)
            log.write("login", ["id": "\(connection.id)", "address": address, "user": request.username,
                                "role": role == .facilitator ? "facilitator" : "rapporteur"])
            responsePromise.succeed(.success)
            return
        }
        let delay = configuration.throttle.failed(address)
        log.write("wrong-code", ["id": "\(connection.id)", "address": address, "user": request.username])
        // Answered late: a guesser gets a handful of tries a minute, a typo costs half a second.
        responsePromise.futureResult.eventLoop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) {
            responsePromise.succeed(.failure)
        }
    }
}

/// `ssh -R` (and any other global request) is refused and logged; `-L` is refused in `openChannel`.
struct RefuseForwarding: GlobalRequestDelegate {
    let connection: Connection
    let log: ServeLog

    func tcpForwardingRequest(_ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
                              promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>) {
        log.write("refused", ["id": "\(connection.id)", "address": connection.address, "reason": "remote port forwarding"])
        promise.fail(ServeError("port forwarding is not offered"))
    }
}

/// A protocol error closes the connection (and, through it, hangs up its view).
final class CloseOnError: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
