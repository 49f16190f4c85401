import DocentTestSupport
import Foundation
import Testing

/// `docent serve` as a process: it prints its URL, serves, and stops cleanly on Ctrl-C (SIGINT) even with a page
/// listening for reloads.
@Suite struct ServeCommandTests {
    @Test(.enabled(if: ServeProcess.executable != nil)) func ctrlCStopsTheServerCleanly() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        let started = try await ServeProcess.start(["serve", "--source", site.root.path])
        let (server, bound) = try #require(started, "no URL printed")
        defer { server.stop() }
        let page = await RawHTTP.get(port: bound, target: "/guides/setup/")
        #expect(page?.status == 200)
        let stream = try #require(RawHTTP.EventStream(port: bound))
        #expect(await stream.wait(for: ": connected") != nil)
        try await server.interrupt()
        #expect(!server.process.isRunning, "still running 10 s after SIGINT")
        if !server.process.isRunning { #expect(server.process.terminationStatus == 0) }
        #expect(server.printed.contains("Stopped."))
    }
}
