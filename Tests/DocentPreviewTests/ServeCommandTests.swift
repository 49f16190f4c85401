import DocentTestSupport
import Foundation
import Testing

/// `docent serve` as a process: it prints its URL, serves, and stops cleanly on Ctrl-C (SIGINT) even with a page
/// listening for reloads.
@Suite struct ServeCommandTests {
    /// The `docent` executable built beside the test bundle.
    static var executable: URL? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("docent")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    @Test(.enabled(if: ServeCommandTests.executable != nil)) func ctrlCStopsTheServerCleanly() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--source", site.root.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let received = Received()
        output.fileHandleForReading.readabilityHandler = { handle in received.append(handle.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var port: Int?
        for _ in 0..<200 where port == nil {
            try await Task.sleep(for: .milliseconds(100))
            if let range = received.text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                port = Int(received.text[range].dropFirst("http://127.0.0.1:".count).dropLast())
            }
        }
        let bound = try #require(port, "no URL printed: \(received.text)")
        let page = await RawHTTP.get(port: bound, target: "/guides/setup/")
        #expect(page?.status == 200)
        let stream = try #require(RawHTTP.EventStream(port: bound))
        #expect(await stream.wait(for: ": connected") != nil)
        kill(process.processIdentifier, SIGINT)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning, "still running 10 s after SIGINT")
        if !process.isRunning { #expect(process.terminationStatus == 0) }
        output.fileHandleForReading.readabilityHandler = nil
        #expect(received.text.contains("Stopped."))
    }
}

private final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
