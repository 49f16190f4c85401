import DocentSite
import Foundation
import Hummingbird
import Logging

/// The Hummingbird application of `docent serve`.
public enum PreviewServer {
    /// Why the server could not start, in words for the terminal.
    public struct StartFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The application serving `site` on host:port. `onRunning` receives the port actually bound (useful with 0).
    public static func application(
        site: PreviewSite, host: String = "127.0.0.1", port: Int = 4000,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> Application<PreviewResponder> {
        Application(
            responder: PreviewResponder(site: site, allowedHosts: AllowedHosts(boundTo: host)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "docent"),
            onServerRunning: { channel in
                await onRunning(channel.localAddress?.port ?? port)
            },
            logger: logger)
    }

    /// Hummingbird's own log at warning level: `docent serve` says itself where it serves, so the framework's
    /// "Server started" info line is noise. `LOG_LEVEL` (as Hummingbird reads it) still overrides.
    private static var logger: Logger {
        var logger = Logger(label: "docent")
        logger.logLevel =
            ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }

    /// Runs until SIGINT or SIGTERM, then stops cleanly (the watcher, the event streams, the server). A port in use
    /// becomes a `StartFailure` that says so.
    public static func run(
        site: PreviewSite, host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void
    ) async throws {
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                site.hub.heartbeat()
            }
        }
        defer { heartbeat.cancel() }
        // The streams end first, so the server's graceful shutdown does not wait on open pages.
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { site.stop() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        let app = application(site: site, host: host, port: port, onRunning: onRunning)
        do {
            try await app.runService()
        } catch {
            site.stop()
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                throw StartFailure(
                    description:
                        "port \(port) on \(host) is already in use (another docent serve?); choose another with --port")
            }
            if text.contains("Cannot assign requested address") || text.contains("errno: 99") {
                throw StartFailure(description: "cannot listen on \(host): not an address of this machine")
            }
            throw StartFailure(description: "cannot start the server on \(host):\(port): \(text)")
        }
    }
}
