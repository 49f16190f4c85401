import DocentTestSupport
import Foundation
import Testing

@testable import DocentSite

/// The `docent` binary carries the tabs' script and styles: a site that is not this repository, whose pages use
/// `{% tabs %}`, gets them written and linked without copying anything by hand; a site's own file at that path wins.
@Suite struct TabsRuntimeTests {
    private static let layout = """
        <!doctype html>
        <html><head><title>{{ page.title }}</title></head>
        <body>{{ content }}</body></html>
        """

    private static let tabsPage = """
        ---
        layout: default
        title: Install
        ---
        {% tabs %}
        {% tab "macOS" %}
        Run `brew install app`.
        {% endtab %}
        {% tab "Linux" %}
        Run `apt install app`.
        {% endtab %}
        {% endtabs %}
        """

    private func build(_ files: [String: String]) throws -> (BuildResult, MemoryOutput) {
        let site = try SiteFixture(files)
        defer { site.remove() }
        var options = site.options
        options.writesTabsRuntime = true
        let output = MemoryOutput()
        return (SiteBuilder(options: options).build(into: output), output)
    }

    /// The styles with the theme tokens' defaults after them (the walkthrough's too): another site's theme does not
    /// define docent.css's tokens, which this repository's site has.
    @Test func theBinaryCarriesTheScriptAndStylesTheRepositoryShips() throws {
        let repository = TemporarySite.repository
        let defaults = try Data(
            contentsOf: repository.appendingPathComponent(
                "Sources/DocentEnterprise/walkthrough-runtime/theme-defaults.css"))
        for (carried, asset, suffix) in [
            (TabsRuntime.script, TabsRuntime.scriptPath, Data()),
            (TabsRuntime.stylesheet, TabsRuntime.stylesheetPath, Data("\n".utf8) + defaults),
        ] {
            let shipped = try Data(contentsOf: repository.appendingPathComponent(asset))
            #expect(
                Array(carried.utf8) == [UInt8](shipped + suffix),
                "\(asset) changed: run scripts/embed-tabs-runtime.py to carry the new one in the binary")
        }
    }

    @Test func aJekyllSiteUsingTabsGetsTheScriptAndStylesWrittenAndLinked() throws {
        let (result, output) = try build([
            "_config.yml": "title: Elsewhere\n",
            "_layouts/default.html": Self.layout,
            "install.md": Self.tabsPage,
            "about.md": "---\nlayout: default\ntitle: About\n---\nNo tabs here.\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.files[TabsRuntime.scriptPath] == Array(TabsRuntime.script.utf8))
        #expect(output.files[TabsRuntime.stylesheetPath] == Array(TabsRuntime.stylesheet.utf8))
        let page = try #require(output.text("install/index.html") ?? output.text("install.html"))
        #expect(
            page.contains(
                """
                <link rel="stylesheet" href="/assets/css/tabs.css">
                <script src="/assets/js/tabs.js" defer></script>
                </head>
                """), "\(page)")
        #expect(page.contains(#"<div class="docent-tabs">"#))
        let other = try #require(output.text("about/index.html") ?? output.text("about.html"))
        #expect(!other.contains("tabs.js") && !other.contains("tabs.css"))
    }

    @Test func theLinksFollowTheBaseURL() throws {
        let (_, output) = try build([
            "_config.yml": "title: Elsewhere\nbaseurl: /docs\n",
            "_layouts/default.html": Self.layout,
            "install.md": Self.tabsPage,
        ])
        let page = try #require(output.text("install/index.html") ?? output.text("install.html"))
        #expect(page.contains(#"<link rel="stylesheet" href="/docs/assets/css/tabs.css">"#))
        #expect(page.contains(#"<script src="/docs/assets/js/tabs.js" defer></script>"#))
    }

    @Test func aSitesOwnStylesheetIsKeptAndALayoutsOwnLinkIsNotRepeated() throws {
        let (result, output) = try build([
            "_config.yml": "title: Elsewhere\n",
            "_layouts/default.html": Self.layout.replacing(
                "</head>", with: "<link rel=\"stylesheet\" href=\"{{ '/assets/css/tabs.css' | relative_url }}\"></head>"
            ),
            "assets/css/tabs.css": ".docent-tab { color: teal; }\n",
            "install.md": Self.tabsPage,
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text(TabsRuntime.stylesheetPath) == ".docent-tab { color: teal; }\n")
        #expect(output.files[TabsRuntime.scriptPath] == Array(TabsRuntime.script.utf8))
        let page = try #require(output.text("install/index.html") ?? output.text("install.html"))
        #expect(page.components(separatedBy: "tabs.css").count == 2, "linked once: \(page)")
        #expect(page.contains(#"<script src="/assets/js/tabs.js" defer></script>"#))
    }

    @Test func aSiteWithoutTabsGetsNeitherFile() throws {
        let (_, output) = try build([
            "_config.yml": "title: Elsewhere\n",
            "_layouts/default.html": Self.layout,
            "about.md": "---\nlayout: default\ntitle: About\n---\nNo tabs here.\n",
        ])
        #expect(output.files[TabsRuntime.scriptPath] == nil)
        #expect(output.files[TabsRuntime.stylesheetPath] == nil)
    }
}
