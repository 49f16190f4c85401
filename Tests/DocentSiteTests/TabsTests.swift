import DocentTestSupport
import Foundation
import Testing

@testable import DocentSite

/// The built-in tabs (`{% tabs group="os" %}{% tab "macOS" %}…{% endtab %}{% endtabs %}`): every panel in the HTML
/// with its title, the bodies rendered as Markdown, headings kept out of the contents, and `check`'s diagnostics
/// at the tag that is wrong.
@Suite struct TabsTests {
    private func build(_ body: String, layout: String? = nil, checks: Bool = false, config: String? = nil) throws
        -> (BuildResult, String)
    {
        var files = SiteFixture.basics
        if let layout { files["templates/layouts/default.html"] = layout }
        if let config { files["docent.yml"] = config }
        files["content/page.md"] = "---\ntitle: Install\n---\n" + body
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, output) = site.build(checks: checks)
        return (result, output.text("page/index.html") ?? "")
    }

    private func problems(_ result: BuildResult) -> [String] {
        result.diagnostics.sortedForDisplay.filter { $0.id.hasPrefix("tabs.") }.map {
            "\($0.location.map(\.description) ?? "-") \($0.id)"
        }
    }

    @Test func everyPanelIsInThePageWithItsTitleAndItsMarkdownRendered() throws {
        let body = """
            {% tabs group="os" %}
            {% tab "macOS" %}
            Run `brew install docent`.
            {% endtab %}
            {% tab "Linux" %}
            1. Install the package:

               ```sh
               apt install docent
               ```
            2. Run **docent**.
            {% endtab %}
            {% endtabs %}

            After the tabs.
            """
        let (result, html) = try build(body)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        let expected = """
            <title>Install</title>
            <main><div class="docent-tabs" data-tabs-group="os">
            <section class="docent-tab" data-tab-title="macOS">
            <p class="docent-tab-label">macOS</p>
            <p>Run <code>brew install docent</code>.</p>
            </section><!-- docent-tab -->
            <section class="docent-tab" data-tab-title="Linux">
            <p class="docent-tab-label">Linux</p>
            <ol>
            <li>
            <p>Install the package:</p>
            <div class="language-sh highlighter-rouge"><div class="highlight"><pre class="highlight"><code>apt install docent
            </code></pre></div></div>
            </li>
            <li>
            <p>Run <strong>docent</strong>.</p>
            </li>
            </ol>
            </section><!-- docent-tab -->
            </div><!-- docent-tabs -->
            <p>After the tabs.</p>
            </main>

            """
        #expect(html == expected)
    }

    @Test func anIndentedBodyIsMarkdownNotCode() throws {
        let body = """
            {% tabs %}
                {% tab "Windows" %}
                    ## Install on Windows

                    - Download the installer.
                    - Run it.
                {% endtab %}
            {% endtabs %}
            """
        let (_, html) = try build(body)
        #expect(html.contains("<h2 id=\"install-on-windows\">Install on Windows</h2>"), "\(html)")
        #expect(html.contains("<li>Download the installer.</li>"), "\(html)")
        #expect(!html.contains("<pre"), "\(html)")
    }

    @Test func aSetInsideATabNestsAndEachIndentedBodyIsMarkdown() throws {
        let body = """
            {% tabs group="os" %}
              {% tab "Linux" %}
                Pick your distribution:

                {% tabs group="distro" %}
                  {% tab "Debian" %}
                      - `apt install docent`
                  {% endtab %}
                {% endtabs %}
              {% endtab %}
            {% endtabs %}
            """
        let (result, html) = try build(body, checks: true)
        #expect(problems(result).isEmpty, "\(result.messages)")
        #expect(!html.contains("<pre"), "\(html)")
        #expect(html.contains("<p>Pick your distribution:</p>"), "\(html)")
        #expect(html.contains("<li><code>apt install docent</code></li>"), "\(html)")
        let outer = try #require(html.range(of: "data-tab-title=\"Linux\""))
        let inner = try #require(html.range(of: "data-tab-title=\"Debian\""))
        let innerEnd = try #require(html.range(of: "</section><!-- docent-tab -->"))
        #expect(outer.lowerBound < inner.lowerBound && inner.lowerBound < innerEnd.lowerBound)
        #expect(html.components(separatedBy: "</div><!-- docent-tabs -->").count == 3)
    }

    @Test func headingsInsideTabsKeepTheirIdsAndStayOutOfTheContents() throws {
        let body = """
            ## Before

            {% tabs group="os" %}
            {% tab "macOS" %}
            ## Install
            {% endtab %}
            {% tab "Linux" %}
            ## Install
            {% endtab %}
            {% endtabs %}

            ## After
            """
        let layout = "{% for entry in page.toc %}[{{ entry.id }}]{% endfor %}\n{{ content }}"
        let (result, html) = try build(body, layout: layout, checks: true)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(html.hasPrefix("[before][after]\n"), "\(html)")
        #expect(html.contains("<h2 id=\"install\">Install</h2>"))
        #expect(html.contains("<h2 id=\"install-1\">Install</h2>"))
    }

    @Test func titlesWithQuotesAndMarkupAreTextNotHTML() throws {
        let body = """
            {% tabs group="a&b" %}
            {% tab 'Say "hi" <script>alert(1)</script>' %}
            One.
            {% endtab %}
            {% tab title="R&D" %}
            Two.
            {% endtab %}
            {% endtabs %}
            """
        let (result, html) = try build(body, checks: true)
        #expect(problems(result).isEmpty, "\(result.messages)")
        #expect(!html.contains("<script>"), "\(html)")
        #expect(html.contains("data-tabs-group=\"a&amp;b\""))
        #expect(html.contains("data-tab-title=\"Say &quot;hi&quot; &lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(html.contains("<p class=\"docent-tab-label\">R&amp;D</p>"))
    }

    @Test func checkReportsEachMalformedSetAtItsTag() throws {
        let body = """
            {% tab "Stray" %}
            Alone.
            {% endtab %}
            {% tabs %}
            {% tab "macOS" %}
            One.
            {% endtab %}
            {% tab "macOS" %}
            Two.
            {% endtab %}
              {% tab "Linux" %}

              {% endtab %}
            {% tab %}
            Three.
            {% endtab %}
            {% endtabs %}
            {% tabs group="os" %}
            {% endtabs %}
            {% endtab %}
            {% raw %}{% tab "Shown as text" %}{% endraw %}
            {% tabs %}
            {% tab "Open" %}
            Never closed.
            """
        let (result, _) = try build(body, checks: true)
        // The body starts on line 4 of the file.
        #expect(
            problems(result) == [
                "content/page.md:4:1 tabs.tab-outside",
                "content/page.md:11:1 tabs.duplicate-title",
                "content/page.md:14:3 tabs.empty-tab",
                "content/page.md:17:1 tabs.missing-title",
                "content/page.md:21:1 tabs.no-tabs",
                "content/page.md:23:1 tabs.unmatched-end",
                "content/page.md:25:1 tabs.unclosed",
            ], "\(result.messages)")
        let unclosed = try #require(result.diagnostics.first { $0.id == "tabs.unclosed" })
        #expect(unclosed.note == "1 more tabs tags inside it are not closed either")
        #expect(result.diagnostics.first { $0.id == "tabs.empty-tab" }?.severity == .warning)
    }

    @Test func aSetInsideAListItemIsReportedAtItsTag() throws {
        let body = """
            1. Install the app:

               {% tabs %}
               {% tab "macOS" %}
               Run `brew install app`.
               {% endtab %}
               {% endtabs %}
            2. Open it.

            - A bullet
              {% tabs %}
              {% tab "A" %}
              One.
              {% endtab %}
              {% endtabs %}
            """
        let (result, _) = try build(body, checks: true)
        // The body starts on line 4 of the file.
        #expect(
            problems(result) == ["content/page.md:6:4 tabs.in-list", "content/page.md:14:3 tabs.in-list"],
            "\(result.messages)")
        let problem = try #require(result.diagnostics.first { $0.id == "tabs.in-list" })
        #expect(problem.severity == .error)
        #expect(problem.message.contains("list item"))
    }

    @Test func anIndentedSetOutsideAListIsNotReportedAsInAList() throws {
        let body = """
            Some text.

              {% tabs %}
              {% tab "A" %}
              One.
              {% endtab %}
              {% endtabs %}
            """
        let (result, _) = try build(body, checks: true)
        #expect(problems(result).isEmpty, "\(result.messages)")
    }

    @Test func aTabLeftOpenBeforeItsSetEndsIsReported() throws {
        let body = "{% tabs %}\n{% tab \"A\" %}\nOne.\n{% endtabs %}\n"
        let (result, _) = try build(body, checks: true)
        #expect(problems(result) == ["content/page.md:5:1 tabs.unclosed"], "\(result.messages)")
    }

    @Test func tabsInAnIncludeAreCheckedInTheIncludesFile() throws {
        var files = SiteFixture.basics
        files["templates/includes/install.md"] = "{% tabs %}\n{% tab \"A\" %}\n{% endtab %}\n{% endtabs %}\n"
        files["content/page.md"] = "---\ntitle: P\n---\n{% include install.md %}\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, output) = site.build(checks: true)
        #expect(problems(result) == ["templates/includes/install.md:2:1 tabs.empty-tab"], "\(result.messages)")
        #expect(output.text("page/index.html")?.contains("data-tab-title=\"A\"") == true)
    }

    @Test func aSitesOwnTabsTagReplacesTheBuiltInOne() throws {
        var files = SiteFixture.basics
        files["templates/tags/tabs.html"] = "<div class=\"mine\">{{ tag.body }}</div>"
        files["content/page.md"] = "---\ntitle: P\n---\n{% tabs %}Hello{% endtabs %}\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, output) = site.build(checks: true)
        #expect(problems(result).isEmpty, "\(result.messages)")
        #expect(output.text("page/index.html")?.contains("<div class=\"mine\">Hello</div>") == true)
    }

    @Test func theTagsWorkInAJekyllSite() throws {
        let site = try SiteFixture([
            "_config.yml": "title: J\n", "_layouts/default.html": "{{ content }}",
            "index.md": "---\nlayout: default\n---\n{% tabs %}\n{% tab \"A\" %}\n*one*\n{% endtab %}\n{% endtabs %}\n",
        ])
        defer { site.remove() }
        let (result, output) = site.build(checks: true)
        #expect(problems(result).isEmpty, "\(result.messages)")
        #expect(output.text("index.html")?.contains("<p><em>one</em></p>") == true)
    }

    @Test func tenThousandNestedTabsBuildAndCheckWithinTheBound() throws {
        let depth = 10_000
        let body =
            String(repeating: "{% tabs %}\n{% tab \"T\" %}\n", count: depth) + "deep\n"
            + String(repeating: "{% endtab %}\n{% endtabs %}\n", count: depth)
        let start = ContinuousClock.now
        let (result, html) = try build(body, checks: true)
        #expect(ContinuousClock.now - start < HostileSiteTests.timeLimit)
        #expect(problems(result).isEmpty, "\(result.messages.prefix(5))")
        #expect(html.contains("deep"))
    }

    @Test func tenThousandUnclosedTabsAreOneDiagnosticWithinTheBound() throws {
        let body = String(repeating: "{% tabs %}{% tab \"T\" %}\n", count: 10_000) + "text\n"
        let start = ContinuousClock.now
        let (result, _) = try build(body, checks: true)
        #expect(ContinuousClock.now - start < HostileSiteTests.timeLimit)
        #expect(problems(result) == ["content/page.md:4:1 tabs.unclosed"], "\(result.messages.prefix(5))")
    }

    @Test func theScannerSkipsRawAndCommentsAndReadsWhitespaceControl() {
        let scan = TabTags(
            "{% comment %}{% tab \"x\" %}{% comment %}{% endcomment %}{% tab %}{% endcomment %}\n  {%- tab  'B' -%}")
        #expect(scan.tags.map(\.name) == ["tab"])
        #expect(scan.tags.first?.markup == "'B'")
        #expect(scan.tags.first?.line == 2)
        #expect(scan.tags.first?.column == 3)
        #expect(TabsCheck.title("'B'") == "B")
        #expect(TabsCheck.title("title=\"C D\"") == "C D")
        #expect(TabsCheck.title("page.os") == "page.os")
        #expect(TabsCheck.title("\"  \"") == nil)
    }
}
