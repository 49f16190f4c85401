import DocentEnterprise
import DocentTestSupport
import Foundation
import Testing

@testable import DocentSite

/// How a built site is deployed: from disk with `relative_urls: true`, and under a base URL (`baseurl: /docs`).
/// Each builds this repository's own site (guides, walkthroughs, search, redirects) and follows every URL in
/// every page to a file the build wrote.
@Suite struct DeploymentTests {
    /// The repository's site built with extra config (written to a file passed after docent.yml, as
    /// `--config docent.yml,extra.yml`).
    private func buildRepositorySite(_ extra: String) throws -> (BuildResult, MemoryOutput) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-deploy-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let overrides = folder.appendingPathComponent("extra.yml")
        try Data(extra.utf8).write(to: overrides)
        var options = BuildOptions(
            source: SeedGoldenTests.repositoryRoot, configFile: "docent.yml," + overrides.path)
        options.simulation = EnterpriseSimulation()
        options.writesSimulationRuntime = true
        let output = MemoryOutput()
        let result = SiteBuilder(options: options).build(into: output)
        return (result, output)
    }

    /// Every URL a page's tags point at (`href`, `src`, `srcset`'s first, `data-*`, a meta refresh), read with
    /// a pattern of its own rather than the builder's reader.
    private func urls(in html: String) -> [String] {
        // `data-*` values are URLs only where they are paths (`data-wasm`, `data-search-index`).
        let pattern = #/\s(?:href|src|action|poster)="([^"]*)"|\sdata-[a-z-]+="([^"\s]*/[^"\s]*)"|url=([^"]*)"/#
        return html.matches(of: pattern).compactMap { match in
            (match.output.1 ?? match.output.2 ?? match.output.3).map(String.init)
        }
    }

    private func isExternal(_ url: String) -> Bool {
        url.isEmpty || url.hasPrefix("#") || url.contains(":") || url.hasPrefix("//")
    }

    /// The output file a URL names, from the folder of the page it is in.
    private func file(for url: String, fromPage path: String) -> String {
        var target = String(url.split(separator: "#", omittingEmptySubsequences: false)[0])
        target = String(target.split(separator: "?", omittingEmptySubsequences: false)[0])
        var parts = url.hasPrefix("/") ? [] : path.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        if target.hasSuffix("/") || target.isEmpty { parts.append("index.html") }
        return parts.joined(separator: "/")
    }

    @Test func withRelativeURLsEveryPageLinksRelativelyToFilesTheBuildWrote() throws {
        let (result, output) = try buildRepositorySite("relative_urls: true\n")
        #expect(result.succeeded, "\(result.messages)")
        var checked = 0
        for (path, _) in output.files where path.hasSuffix(".html") && path != "404.html" {
            let html = try #require(output.text(path))
            for url in urls(in: html) where !isExternal(url) {
                #expect(!url.hasPrefix("/"), "\(path): \(url) is root-absolute")
                let target = file(for: url, fromPage: path)
                #expect(output.files[target] != nil, "\(path): \(url) → \(target) was not written")
                checked += 1
            }
        }
        #expect(checked > 300)
    }

    @Test func underABaseURLEveryLinkStaysUnderItAndReachesAFile() throws {
        let (result, output) = try buildRepositorySite("baseurl: /docs\n")
        #expect(result.succeeded, "\(result.messages)")
        var checked = 0
        for (path, _) in output.files where path.hasSuffix(".html") {
            let html = try #require(output.text(path))
            for url in urls(in: html) where !isExternal(url) {
                guard url.hasPrefix("/") else { continue }
                #expect(url.hasPrefix("/docs/"), "\(path): \(url) leaves /docs/")
                let target = file(for: String(url.dropFirst("/docs".count)), fromPage: path)
                #expect(output.files[target] != nil, "\(path): \(url) → \(target) was not written")
                checked += 1
            }
        }
        #expect(checked > 300)
    }

    @Test func aRootAbsoluteURLBecomesRelativeToThePagesFolder() {
        func relative(_ url: String, _ page: String, base: String = "") -> String? {
            RelativeURLs.relative(url, from: RelativeURLs.folderComponents(of: page), baseURL: base)
        }
        #expect(relative("/assets/a.css", "/insomnia/sso/") == "../../assets/a.css")
        #expect(relative("/insomnia/scim/", "/insomnia/sso/") == "../scim/index.html")
        #expect(relative("/insomnia/sso/#setup", "/insomnia/sso/") == "index.html#setup")
        #expect(relative("/", "/a.html") == "index.html")
        #expect(relative("/", "/a/b.html") == "../index.html")
        #expect(relative("/a/b", "/a/b/") == "../b")
        #expect(relative("/docs/x/?q=1", "/y/", base: "/docs") == "../x/index.html?q=1")
        #expect(relative("/docs", "/", base: "/docs") == "index.html")
        #expect(relative("//cdn.example.com/x.js", "/") == nil)
        #expect(relative("https://example.com/", "/") == nil)
        #expect(relative("../x", "/") == nil)
    }

    @Test func attributesScriptsAndSrcsetsAreReadAsHTML() {
        let html = """
            <a href='/a/' data-x="/b.json" title="/not-a-url"><img srcset="/i.png 1x, /j.png 2x" src=/k.png>
            <script>fetch("/c.json")</script><meta http-equiv="refresh" content="0; url=/d/">
            """
        let rewritten = RelativeURLs.rewrite(html, pageURL: "/p/", baseURL: "")
        #expect(
            rewritten == """
                <a href='../a/index.html' data-x="../b.json" title="/not-a-url"><img srcset="../i.png 1x, ../j.png 2x" src=../k.png>
                <script>fetch("/c.json")</script><meta http-equiv="refresh" content="0; url=../d/index.html">
                """)
    }

    @Test func theBaseURLOptionOverridesTheConfigAndSiteBaseurlSaysIt() throws {
        let site = try SiteFixture(
            TemporarySite.basics.merging([
                "docent.yml": "title: T\nbaseurl: /old\n",
                "content/index.md": "---\ntitle: Home\n---\n[Guide](guide.md) base={{ site.baseurl }}.\n",
                "content/guide.md": "---\ntitle: Guide\n---\nHi\n",
            ]) { $1 })
        defer { site.remove() }
        for (given, expected) in [("docs/", "/docs"), ("/docs", "/docs"), ("/", "")] {
            var options = BuildOptions(source: site.root)
            options.baseURL = given
            let output = MemoryOutput()
            let result = SiteBuilder(options: options).build(into: output)
            #expect(result.succeeded, "\(result.messages)")
            #expect(
                output.text("index.html")?.contains("<a href=\"\(expected)/guide/\">Guide</a> base=\(expected).")
                    == true,
                "\(given): \(output.text("index.html") ?? "")")
        }
    }

    @Test func redirectPagesSendTheReaderOnRelatively() throws {
        let site = try SiteFixture(
            TemporarySite.basics.merging([
                "docent.yml": "title: T\nrelative_urls: true\n",
                "content/new.md": "---\ntitle: New\nredirect_from: /old/path/\n---\nHi\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.succeeded, "\(result.messages)")
        let page = try #require(output.text("old/path/index.html"))
        #expect(page.contains("location=\"../../new/index.html\""), "\(page)")
        #expect(page.contains("url=../../new/index.html"))
    }
}
