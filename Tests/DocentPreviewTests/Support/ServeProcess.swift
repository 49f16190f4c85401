import Foundation

/// `docent serve` as a process (the executable built beside the test bundle): started with the given arguments
/// (on a free port), its printed URL read, what it prints kept.
final class ServeProcess: @unchecked Sendable {
    /// The `docent` executable built beside the test bundle.
    static var executable: URL? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("docent")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var data = Data()

    /// What the server printed so far.
    var printed: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Starts `docent ARGUMENTS --port 0` and waits (up to 20 s) for the URL it prints; nil when none came.
    static func start(
        _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil
    ) async throws -> (server: ServeProcess, port: Int)? {
        let server = ServeProcess()
        server.process.executableURL = executable
        server.process.arguments = arguments + ["--port", "0"]
        if let folder { server.process.currentDirectoryURL = folder }
        if let environment { server.process.environment = environment }
        server.process.standardOutput = server.output
        server.process.standardError = FileHandle.nullDevice
        server.output.fileHandleForReading.readabilityHandler = { [weak server] handle in
            let more = handle.availableData
            server?.lock.withLock { server?.data.append(more) }
        }
        try server.process.run()
        for _ in 0..<200 {
            try await Task.sleep(for: .milliseconds(100))
            let text = server.printed
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
                let port = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast())
            {
                return (server, port)
            }
        }
        server.stop()
        return nil
    }

    /// Ctrl-C, then waits for the process to end (it is killed if it is still running after 10 s).
    func interrupt() async throws {
        kill(process.processIdentifier, SIGINT)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        output.fileHandleForReading.readabilityHandler = nil
    }
}
