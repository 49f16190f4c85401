import DocentPreview
import Foundation
import Testing

@testable import DocentEnterprise
@testable import DocentSite

/// A walkthrough page carries what its console's first screen waits for inline (the site's stylesheets and the
/// console's script: one round trip less on a slow network); every other page links them, cached across pages.
@Suite struct InlineHeadTests {
    static let head = """
        <html><head>
        <link rel="stylesheet" href="{{ '/assets/css/site.css' | relative_url }}">
        <link rel="stylesheet" href="https://cdn.example.com/font.css">
        <link rel="stylesheet" href="{{ '/assets/css/pinned.css' | relative_url }}" integrity="sha384-x" crossorigin>
        <link rel="stylesheet" href="{{ '/assets/css/relative.css' | relative_url }}">
        {{ page.walkthrough_head }}<script src="{{ '/assets/js/site.js' | relative_url }}" defer></script>
        </head><body>
        <main>{{ content }}{{ page.walkthrough_html }}</main>
        </body></html>

        """

    static let files = [
        "templates/layouts/default.html": head,
        "assets/css/site.css": "body { color: #123; background: url(/assets/bg.svg); }\n",
        "assets/css/pinned.css": "p { margin: 0; }\n",
        "assets/css/relative.css": "h1 { background: url(../images/h1.png); }\n",
        "assets/js/site.js": "console.log('site');\n",
        "content/guide.md": "---\ntitle: G\nwalkthrough: enterprise-onboarding\n---\n1. Click **Upgrade**.\n",
        "content/plain.md": "---\ntitle: Plain\n---\nNo walkthrough here.\n",
    ]

    func build(baseURL: String = "", config: String = "") throws -> (BuildResult, MemoryOutput) {
        var files = Self.files
        files["docent.yml"] = "title: T\nbaseurl: \"\(baseURL)\"\n" + config
        let fixture = try GuideFixture(files)
        defer { fixture.remove() }
        let (result, output) = fixture.build(checks: false)
        return (result, output)
    }

    @Test func aSiteWhosePolicyForbidsInlineCodeKeepsTheFilesLinked() throws {
        let (result, output) = try build(config: "walkthrough:\n  inline_head: false\n")
        #expect(result.succeeded, "\(result.messages)")
        let page = try #require(output.text("guide/index.html"))
        #expect(!page.contains("<style>") && !page.contains("<script type=\"module\">"))
        #expect(page.contains("/assets/css/site.css"))
    }

    @Test func aWalkthroughPageCarriesItsStylesheetsAndTheConsolesScriptInline() throws {
        let (result, output) = try build()
        #expect(result.succeeded, "\(result.messages)")
        let page = try #require(output.text("guide/index.html"))
        #expect(page.contains("<style>body { color: #123; background: url(/assets/bg.svg); }\n</style>"))
        #expect(page.contains("<style>" + WalkthroughRuntime.stylesheet + "</style>"))
        #expect(page.contains("<script type=\"module\">" + WalkthroughRuntime.script + "</script>"))
        #expect(!page.contains("/assets/css/site.css"))
        #expect(!page.contains("walkthrough.js\""))
        #expect(!page.contains("walkthrough.css\""))
        // Another origin, a pinned file and one whose url() means another file from the page stay linked; so do
        // the site's own scripts, which the first screen does not wait for.
        #expect(page.contains(#"<link rel="stylesheet" href="https://cdn.example.com/font.css">"#))
        #expect(page.contains(#"href="/assets/css/pinned.css" integrity="sha384-x" crossorigin>"#))
        #expect(page.contains(#"<link rel="stylesheet" href="/assets/css/relative.css">"#))
        #expect(page.contains(#"<script src="/assets/js/site.js" defer></script>"#))
        #expect(page.contains(#"<link rel="preload" href="/assets/vendor/ConsoleWasm.wasm""#))
        // `serve` renders the page again when the stylesheet it carries changes.
        let guide = try #require(result.pages.first { $0.page.url == "/guide/" })
        #expect(guide.inlinedFiles == ["assets/css/site.css"])
    }

    @Test func serveRendersTheWalkthroughPageAgainWhenAStylesheetItCarriesChanges() throws {
        let fixture = try GuideFixture(Self.files)
        defer { fixture.remove() }
        var options = BuildOptions(source: fixture.root)
        options.simulation = GuideFixture.simulation
        let preview = PreviewSite(options: options)
        _ = preview.buildAll()
        try Data("body { color: #456; }\n".utf8).write(to: fixture.root.appendingPathComponent("assets/css/site.css"))
        _ = preview.apply(changes: ["assets/css/site.css"])
        let page = String(decoding: try #require(preview.store.file("guide/index.html")), as: UTF8.self)
        #expect(page.contains("<style>body { color: #456; }\n</style>"))
    }

    @Test func aPageWithoutAWalkthroughLinksItsFiles() throws {
        let (_, output) = try build()
        let page = try #require(output.text("plain/index.html"))
        #expect(page.contains(#"<link rel="stylesheet" href="/assets/css/site.css">"#))
        #expect(!page.contains("<style>"))
        #expect(!page.contains("type=\"module\""))
    }

    @Test func underABaseURLTheSitesFilesAreStillFound() throws {
        let (result, output) = try build(baseURL: "/docs")
        #expect(result.succeeded, "\(result.messages)")
        let page = try #require(output.text("guide/index.html"))
        #expect(page.contains("<style>body { color: #123;"))
        #expect(page.contains("<script type=\"module\">"))
        #expect(!page.contains("/docs/assets/css/site.css"))
    }

    @Test(arguments: [
        ("a { background: url(data:image/png;base64,AAAA) }", true),
        ("a { background: url( \"/x.png\" ) }", true),
        ("a { background: url('https://example.com/x.png') }", true),
        ("a { background: url(x.png) }", false),
        ("@import url(/other.css);", false),
        ("a::after { content: \"</STYLE>\" }", false),
    ])
    func aStylesheetIsInlinedOnlyWhenItMeansTheSameInThePage(css: String, inlinable: Bool) {
        #expect(InlineHead.isInlinableStylesheet(css) == inlinable)
    }

    @Test func onlyTheSitesOwnURLsNameOutputPaths() {
        #expect(InlineHead.outputPath("/assets/a.css", baseURL: "") == "assets/a.css")
        #expect(InlineHead.outputPath("/docs/assets/a.css", baseURL: "/docs") == "assets/a.css")
        #expect(InlineHead.outputPath("/assets/a.css", baseURL: "/docs") == nil)
        #expect(InlineHead.outputPath("//cdn.example.com/a.css", baseURL: "") == nil)
        #expect(InlineHead.outputPath("assets/a.css", baseURL: "") == nil)
        #expect(InlineHead.outputPath("/assets/a.css?v=2", baseURL: "") == nil)
        #expect(InlineHead.outputPath("/assets/../../etc/a.css", baseURL: "") == nil)
    }
}
