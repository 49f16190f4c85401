import DocentPreview
import DocentSite
import DocentTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The preview server through real HTTP on 127.0.0.1.
@Suite(.serialized) struct PreviewServerTests {
    /// Builds the site, serves it on a free port, runs `body`, then stops the watcher and the event streams.
    func withServer(
        _ site: TestSite, watch: Bool = false,
        _ body: @escaping @Sendable (PreviewSite, any TestClientProtocol, Int) async throws -> Void
    ) async throws {
        let preview = PreviewSite(options: site.options)
        preview.buildAll()
        if watch { try preview.startWatching(debounce: .milliseconds(30)) }
        let app = PreviewServer.application(site: preview, host: "127.0.0.1", port: 0)
        try await app.test(.live) { client in
            defer { preview.stop() }
            try await body(preview, client, try #require(client.port))
        }
    }

    @Test func pagesAreServedWithPrettyURLsAndTheLiveReloadScript() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        try await withServer(site) { _, client, _ in
            try await client.execute(uri: "/guides/setup/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<title>Setup</title>"))
                #expect(html.contains("<script id=\"docent-live-reload\">"))
                #expect(html.range(of: "docent-live-reload")!.lowerBound < html.range(of: "</body>")!.lowerBound)
            }
            try await client.execute(uri: "/guides/setup", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/guides/setup/")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<title>Home</title>"))
            }
        }
    }

    @Test func assetsHaveTheirContentTypes() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        try await withServer(site) { _, client, _ in
            try await client.execute(uri: "/assets/app.wasm", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/wasm")
                #expect(Array(buffer: response.body) == Array("\0asm".utf8))
            }
            try await client.execute(uri: "/assets/site.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body) == "body { color: black; }\n")
            }
            try await client.execute(uri: "/sitemap.xml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("/guides/setup/"))
            }
        }
    }

    @Test func textAndWasmGoOutGzippedToABrowserThatAcceptsIt() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        // A wasm-sized file of repetitive bytes, and a small stylesheet (under a kilobyte: sent as it is).
        let wasm = Array(repeating: Array("\0asm console screens ".utf8), count: 20_000).flatMap { $0 }
        try site.write("assets/big.wasm", Data(wasm))
        try await withServer(site) { _, client, _ in
            var headers = HTTPFields()
            headers[.acceptEncoding] = "br;q=1.0, gzip;q=0.8, *;q=0.1"
            for _ in 0..<2 {
                try await client.execute(uri: "/assets/big.wasm", method: .get, headers: headers) { response in
                    #expect(response.headers[.contentEncoding] == "gzip")
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    let body = Array(buffer: response.body)
                    #expect(body.count < wasm.count / 20)
                    #expect(Int(response.headers[.contentLength] ?? "") == body.count)
                    #expect((try? Self.gunzip(body)) == wasm)
                }
            }
            try await client.execute(uri: "/assets/big.wasm", method: .get) { response in
                #expect(response.headers[.contentEncoding] == nil)
                #expect(Array(buffer: response.body) == wasm)
            }
            headers[.acceptEncoding] = "gzip;q=0, identity"
            try await client.execute(uri: "/assets/big.wasm", method: .get, headers: headers) { response in
                #expect(response.headers[.contentEncoding] == nil)
            }
            headers[.acceptEncoding] = "gzip"
            try await client.execute(uri: "/assets/site.css", method: .get, headers: headers) { response in
                #expect(response.headers[.contentEncoding] == nil)
                #expect(String(buffer: response.body) == "body { color: black; }\n")
            }
            try await client.execute(uri: "/guides/setup/", method: .get, headers: headers) { response in
                let html = String(decoding: (try? Self.gunzip(Array(buffer: response.body))) ?? [], as: UTF8.self)
                #expect(html.contains("docent-live-reload"))
            }
        }
    }

    /// Decompresses with the system's `gzip`, a reader independent of the server's zlib calls.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    @Test func anUnknownPathGetsTheSitesOwn404Page() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        try await withServer(site) { _, client, _ in
            try await client.execute(uri: "/no/such/page/", method: .get) { response in
                #expect(response.status == .notFound)
                let html = String(buffer: response.body)
                #expect(html.contains("This page is not here."))
                #expect(html.contains("docent-live-reload"))
            }
        }
    }

    @Test func pathsLeadingOutsideTheSiteAreRefused() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("docent-secret-\(UUID().uuidString)")
        try Data("TOP SECRET".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("assets/secret.txt"), withDestinationURL: secret)
        try await withServer(site) { _, _, port in
            for target in [
                "/../docent.yml", "/assets/../../etc/passwd", "/%2e%2e/docent.yml", "/%2E%2E/%2e%2e/etc/passwd",
                "/assets%2f..%2f..%2fdocent.yml", "/assets/..%5c..%5cdocent.yml", "/%252e%252e/docent.yml",
                "/assets/%00", "/.%2e/docent.yml",
            ] {
                let response = try #require(await RawHTTP.get(port: port, target: target), "\(target)")
                #expect(response.status == 403 || response.status == 400, "\(target) → \(response.status)")
                #expect(!response.body.contains("title: Test Docs"), "\(target)")
            }
            let linked = try #require(await RawHTTP.get(port: port, target: "/assets/secret.txt"))
            #expect(linked.status != 200)
            #expect(!linked.body.contains("TOP SECRET"))
        }
    }

    @Test func onlyTheBoundAddressIsAnsweredAndNoRedirectLeavesTheHost() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        try await withServer(site) { _, _, port in
            let rebound = try #require(await RawHTTP.get(port: port, target: "/", host: "rebind.example:\(port)"))
            #expect(rebound.status == 403)
            #expect(!rebound.body.contains("<title>"))
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST"] {
                #expect(await RawHTTP.get(port: port, target: "/", host: host)?.status == 200, "\(host)")
            }
            let response = try #require(await RawHTTP.get(port: port, target: "//guides/setup"))
            #expect(!response.head.lowercased().contains("location: //"), "\(response.head)")
        }
    }

    @Test func allowedHostsAreTheBoundAddressAndTheLoopbackNames() {
        let loopback = AllowedHosts(boundTo: "127.0.0.1")
        for host in ["127.0.0.1", "127.0.0.1:4000", "localhost:4000", "localhost.", "[::1]:4000", nil] {
            #expect(loopback.allows(host), "\(host ?? "none")")
        }
        for host in ["evil.example", "evil.example:4000", "127.0.0.1.evil.example", "[::1", "localhost.evil"] {
            #expect(!loopback.allows(host), "\(host)")
        }
        #expect(AllowedHosts(boundTo: "192.168.1.9").allows("192.168.1.9:4000"))
        #expect(AllowedHosts(boundTo: "0.0.0.0").allows("anything.example"))
        #expect(AllowedHosts.isWildcard("0.0.0.0") && !AllowedHosts.isWildcard("127.0.0.1"))
    }

    @Test func anEditPushesAReloadToOpenPages() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        try await withServer(site, watch: true) { preview, client, port in
            let stream = try #require(RawHTTP.EventStream(port: port))
            #expect(await stream.wait(for: ": connected") != nil)
            try site.write("content/guides/other.md", "---\ntitle: Other\nlayout: plain\n---\nEdited while open.\n")
            let event = await stream.wait(for: "event: reload")
            #expect(event?.contains("/guides/other/") == true, "\(event ?? "no event")")
            try await client.execute(uri: "/guides/other/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Edited while open."))
            }
            try site.write("assets/site.css", "body { color: navy; }\n")
            let css = await stream.wait(for: "event: css")
            #expect(css?.contains("\"paths\":[\"/assets/site.css\"]") == true, "\(css ?? "no event")")
            // A stylesheet compiled from Sass: editing its partial swaps that stylesheet alone.
            try site.write("_sass/_ink.scss", "$ink: navy;\n")
            try site.write("assets/theme.scss", "---\n---\n@import \"ink\";\nbody { color: $ink; }\n")
            let created = await stream.wait(for: "event: css")
            #expect(created?.contains("/assets/theme.css") == true, "\(created ?? "no event")")
            try site.write("_sass/_ink.scss", "$ink: teal;\n")
            let sass = await stream.wait(for: "event: css")
            #expect(sass?.contains("\"paths\":[\"/assets/theme.css\"]") == true, "\(sass ?? "no event")")
            try await client.execute(uri: "/assets/theme.css", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("body { color: teal; }"))
            }
            _ = preview
        }
    }

    @Test func aBrokenPageShowsTheOverlayAndTheServerRecovers() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        try await withServer(site, watch: true) { _, client, port in
            let stream = try #require(RawHTTP.EventStream(port: port))
            #expect(await stream.wait(for: ": connected") != nil)
            try site.write(
                "content/guides/other.md", "---\ntitle: Other\nlayout: plain\n---\n<b>x</b> {% nosuchtag %}\n")
            let overlayEvent = await stream.wait(for: "event: overlay")
            #expect(overlayEvent?.contains("content/guides/other.md:5") == true, "\(overlayEvent ?? "no event")")
            try await client.execute(uri: "/guides/other/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains("Plain page."), "the last good page stays served")
                #expect(html.contains("id=\"docent-error-overlay\""))
                #expect(html.contains("content/guides/other.md:5:"))
                #expect(html.contains("&lt;b&gt;x&lt;/b&gt; {% nosuchtag %}"), "the source line, escaped")
                #expect(!html.contains("<b>x</b>"))
            }
            try site.write("content/guides/other.md", "---\ntitle: Other\nlayout: plain\n---\nFixed.\n")
            #expect(await stream.wait(for: "event: reload") != nil)
            try await client.execute(uri: "/guides/other/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Fixed."))
                #expect(!html.contains("id=\"docent-error-overlay\""))
            }
        }
    }

    @Test func aPortInUseGivesAClearError() async throws {
        let site = try TestSite(TestSite.small)
        defer { site.remove() }
        let busy = try #require(RawHTTP.occupyPort())
        defer { close(busy.socket) }
        let preview = PreviewSite(options: site.options)
        preview.buildAll()
        await #expect {
            try await PreviewServer.run(site: preview, host: "127.0.0.1", port: busy.port) { _ in }
        } throws: { error in
            "\(error)".contains("port \(busy.port) on 127.0.0.1 is already in use")
        }
    }

    @Test func requestPathsAreResolvedWithoutLeavingTheSite() {
        #expect(RequestPath.resolve("/", baseURL: "") == .file("index.html"))
        #expect(RequestPath.resolve("/a/b/?x=1", baseURL: "") == .file("a/b/index.html"))
        #expect(RequestPath.resolve("/a%20b.html", baseURL: "") == .file("a b.html"))
        #expect(RequestPath.resolve("/docs/a/", baseURL: "/docs") == .file("a/index.html"))
        #expect(RequestPath.resolve("/", baseURL: "/docs") == .redirect("/docs/"))
        #expect(RequestPath.resolve("/other/", baseURL: "/docs") == .notFound)
        for target in ["/..", "/a/../b", "/%2e%2e/x", "/a%2Fb", "/a\\b", "/%zz", "a/b", "/./a", "/%c0%ae%c0%ae/"] {
            #expect(RequestPath.resolve(target, baseURL: "") == .forbidden, "\(target)")
        }
    }
}
