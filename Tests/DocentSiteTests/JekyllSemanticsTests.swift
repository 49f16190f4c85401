import DocentCommands
import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// Where Jekyll's documented behaviour and Docent's used to differ, a Jekyll site now builds as Jekyll builds it.
@Suite struct JekyllSemanticsTests {
    @Test func defaultsSetTheLayoutByPathAndNestedDataFoldersAreObjects() throws {
        // The six-line report: Jekyll writes `SPECIAL <p>Hello Insomnia</p>`.
        let site = try SiteFixture([
            "_config.yml": "defaults: [{scope: {path: docs}, values: {layout: special}}]\n",
            "_layouts/special.html": "SPECIAL {{ content }}",
            "_layouts/default.html": "DEFAULT {{ content }}",
            "_data/products/x.yml": "name: Insomnia\n",
            "docs/d.md": "---\ntitle: D\n---\nHello {{ site.data.products.x.name }}\n",
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("docs/d.html") == "SPECIAL <p>Hello Insomnia</p>\n")
    }

    @Test func defaultsScopeByTypeAndGlobAndGivePermalinks() throws {
        let site = try SiteFixture([
            "_config.yml": """
            collections: {guides: {output: true}}
            defaults:
              - {scope: {path: "", type: guides}, values: {layout: guide, permalink: "/g/:name/"}}
              - {scope: {path: "docs/*/deep.md"}, values: {layout: deep}}

            """,
            "_layouts/guide.html": "GUIDE {{ content }}",
            "_layouts/deep.html": "DEEP {{ content }}",
            "_guides/first.md": "---\ntitle: First\n---\nOne\n",
            "docs/a/deep.md": "---\ntitle: Deep\nlayout: deep\n---\nDown\n",
            "page.md": "---\ntitle: Page\nlayout: null\n---\nPlain\n",
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("g/first/index.html") == "GUIDE <p>One</p>\n")
        #expect(output.text("docs/a/deep.html") == "DEEP <p>Down</p>\n")
        #expect(output.text("page.html") == "<p>Plain</p>\n", "a page, not a guide: the type scope does not apply")
    }

    @Test func csvAndTSVDataFilesAreListsOfRowsByHeader() throws {
        let site = try SiteFixture([
            "_config.yml": "title: T\n",
            "_data/features.csv": "name,tier\nSSO,\"enterprise, team\"\n\"SC\"\"IM\",enterprise\n",
            "_data/people.tsv": "name\trole\nAda\towner\n",
            "f.html":
                "---\n---\n{% for f in site.data.features %}{{ f.name }}={{ f.tier }};{% endfor %}{{ site.data.people[0].role }}",
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("f.html") == "SSO=enterprise, team;SC\"IM=enterprise;owner")
    }

    @Test func aMissingLayoutIsAWarningAndThePageRendersWithoutIt() throws {
        let site = try SiteFixture([
            "_config.yml": "theme: minima-not-installed\n",
            "index.md": "---\nlayout: home\n---\n# Welcome\n",
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.succeeded)
        #expect(result.diagnostics.map(\.id) == ["config.theme", "layout.missing"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(output.text("index.html") == "<h1 id=\"welcome\">Welcome</h1>\n")
    }

    @Test func anUnknownFilterPassesItsInputThroughUnlessTheSiteIsStrict() throws {
        var files = [
            "_config.yml": "title: T\n",
            "index.html": "---\n---\n{{ 'hi' | no_such_filter | upcase }}",
        ]
        let lax = try SiteFixture(files)
        defer { lax.remove() }
        let (result, output) = lax.build()
        #expect(result.succeeded, "\(result.messages)")
        #expect(output.text("index.html") == "HI")
        #expect(
            result.messages == [
                "index.html:3:1: liquid.unknown-filter: unknown filter `no_such_filter`: its input is passed through unchanged"
            ])
        #expect(result.diagnostics.first?.severity == .warning)

        files["_config.yml"] = "liquid: {strict_filters: true}\n"
        let strict = try SiteFixture(files)
        defer { strict.remove() }
        #expect(strict.build().result.diagnostics.map(\.id) == ["liquid.unknown-filter"])
    }

    @Test func theSitesOwnSitemapIsKept() throws {
        let site = try SiteFixture([
            "_config.yml": "title: T\n",
            "sitemap.xml": "---\n---\n<urlset>mine</urlset>\n",
            "index.md": "---\ntitle: Home\n---\nHi\n",
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("sitemap.xml") == "<urlset>mine</urlset>\n")
    }

    @Test func aConfigElsewhereNamesTheSiteWithSourceAndTheOutputWithDestination() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-cfg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("source: site\ndestination: out\ntitle: Elsewhere\n".utf8)
            .write(to: folder.appendingPathComponent("jekyll.yml"))
        try Data("title: Overridden\n".utf8).write(to: folder.appendingPathComponent("extra.yml"))
        try Data("---\n---\n{{ site.title }}\n".utf8).write(to: site.appendingPathComponent("index.html"))
        let code = DocentCommand.runMain([
            "build", "--quiet", "--source", folder.path, "--config", "jekyll.yml,extra.yml",
        ])
        #expect(code == 0)
        let written = try String(contentsOf: folder.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(written == "Overridden\n")
    }

    @Test func siteListsCarryEveryPagesFrontMatterAndCollectionsAsJekyllHasThem() throws {
        let site = try SiteFixture([
            "_config.yml": "collections: {guides: {output: true}}\n",
            "_guides/first.md": "---\ntitle: First\n---\nOne\n",
            "other.md": "---\ntitle: Other\nnav_order: 1\nparent: Top\nlayout: null\n---\nx\n",
            "nav.html": """
            ---
            title: Nav
            nav_order: 2
            parent: Top
            ---
            {% assign kids = site.pages | where: "parent", "Top" | sort: "nav_order" %}\
            {% for p in kids %}{{ p.title }}@{{ p.url }}({{ p.nav_order }});{% endfor %}|\
            {% for g in site.guides %}{{ g.title }};{% endfor %}|\
            {{ site.collections[0].label }}={{ site.collections[0].docs.size }}|{{ site.html_pages.size }}
            """,
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        // What Debian's Jekyll 4.3 writes for the same files.
        #expect(output.text("nav.html") == "Other@/other.html(1);Nav@/nav.html(2);|First;|guides=1|2")
    }

    @Test func docentsFrontMatterMeaningsStayOutOfAnOrdinaryJekyllSite() throws {
        let files = [
            "_config.yml": "title: T\n",
            "_layouts/default.html": "{% for r in page.related %}{{ r }};{% endfor %}{{ content }}",
            "a.md":
                "---\nlayout: default\nrelated: [b, c]\nbreadcrumbs: [Home, Guides]\ncategory-url: nowhere\n---\nA\n",
        ]
        let site = try SiteFixture(files)
        defer { site.remove() }
        var options = BuildOptions(source: site.root)
        options.runChecks = true
        let output = MemoryOutput()
        let result = SiteBuilder(options: options).build(into: output)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("a.html") == "b;c;<p>A</p>\n")

        // Declaring a schema opts a Jekyll site into them: the breadcrumbs are then page URLs.
        try site.write("_config.yml", Data("title: T\nschema: {keys: {related: list}}\n".utf8))
        let declared = SiteBuilder(options: options).build(into: MemoryOutput())
        #expect(declared.diagnostics.contains { $0.id == "frontmatter.breadcrumb" })
    }

    @Test func anInstalledGemThemeGivesLayoutsIncludesAndAssetsBehindTheSitesOwn() throws {
        let gems = try SiteFixture([
            "gems/docs-theme-1.2.0/_layouts/home.html": "THEME-HOME {% include nav.html %} {{ content }}",
            "gems/docs-theme-1.2.0/_layouts/page.html": "THEME-PAGE {{ content }}",
            "gems/docs-theme-1.2.0/_includes/nav.html": "theme-nav",
            "gems/docs-theme-1.2.0/assets/logo.svg": "<svg/>",
            "gems/docs-theme-1.2.0/assets/main.scss": "---\n---\na { b { c: d; } }\n",
            "gems/docs-theme-1.0.0/_layouts/home.html": "OLD",
        ])
        defer { gems.remove() }
        setenv("GEM_HOME", gems.root.path, 1)
        defer { unsetenv("GEM_HOME") }
        let site = try SiteFixture([
            "_config.yml": "theme: docs-theme\nplugins: [jekyll-seo-tag, jekyll-gist]\n",
            "_layouts/page.html": "OWN-PAGE {{ content }}",
            "index.md": "---\nlayout: home\n---\nHi\n",
            "about.md": "---\nlayout: page\n---\nAbout\n",
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.map(\.id) == ["config.plugin"], "\(result.messages)")
        #expect(output.text("index.html") == "THEME-HOME theme-nav <p>Hi</p>\n")
        #expect(output.text("about.html") == "OWN-PAGE <p>About</p>\n")
        #expect(output.text("assets/logo.svg") == "<svg/>")
        // A theme's asset with front matter is a page, as in Jekyll: its stylesheet is compiled.
        #expect(output.files["assets/main.scss"] == nil)
        #expect(output.text("assets/main.css")?.hasPrefix("a b { c: d; }\n") == true)

        try site.write("_config.yml", Data("theme: not-installed\n".utf8))
        #expect(site.build().result.diagnostics.map(\.id).contains("config.theme"))
    }

    @Test func tagsAndFiltersWrittenAsTemplatesSeeThePageAndTheirArguments() throws {
        let site = try SiteFixture([
            "_config.yml": "title: T\nfilters_dir: ext/filters\n",
            "_tags/new_in.html":
                "---\nend: false\n---\n<span class=\"new\">New in {{ tag.args[0] }} ({{ page.title }})</span>",
            "_tags/note.html": "<aside class=\"{{ tag.params.kind | default: 'info' }}\">{{ tag.body }}</aside>",
            "_tags/steps.html": "---\nbody: yaml\n---\n{% for s in tag.data.steps %}[{{ s }}]{% endfor %}",
            "ext/filters/shout.html": "{{ input | upcase }}{{ params.mark | default: '!' }}{{ args[0] }}",
            "index.html": """
            ---
            title: Home
            version: 13
            ---
            {% new_in 13 %}|{% note kind="warning" %}Careful {{ page.title }}{% endnote %}|\
            {% steps %}steps: [a, "{{ page.version }}"]{% endsteps %}|{{ 'hi' | shout: '?', mark: '#' }}|\
            {% capture t %}{% raw %}{{ page.title }}{% endraw %}{% endcapture %}{{ t | liquify }}
            """,
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(
            output.text("index.html")
                == "<span class=\"new\">New in 13 (Home)</span>|<aside class=\"warning\">Careful Home</aside>|"
                + "[a][13]|HI#?|Home")
    }

    @Test func aPercentEncodedMarkdownLinkIsRewrittenOrReportedAsBroken() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "content/my page.md": "---\ntitle: Mine\n---\nHi\n",
                "content/index.md": "---\ntitle: Home\n---\n[mine](my%20page.md) and [gone](no%20such.md)\n",
            ]) { $1 })
        defer { site.remove() }
        let output = site.build().output
        #expect(output.text("index.html")?.contains(#"<a href="/my%20page/">mine</a>"#) == true)
        let checked = site.build(checks: true).result
        #expect(checked.diagnostics.map(\.id) == ["link.broken"], "\(checked.messages)")
    }

    @Test func aProblemInAnIncludeIsReportedOnceWithHowManyPagesReachIt() throws {
        let site = try SiteFixture([
            "_config.yml": "title: T\n",
            "_includes/bad.html": "{{ 'x' | upcase }}{% nosuchtag %}",
            "a.html": "---\n---\n{% include bad.html %}",
            "b.html": "---\n---\n{% include bad.html %}",
            "c.html": "---\n---\n{% include bad.html %}",
        ])
        defer { site.remove() }
        let result = site.build().result
        #expect(result.diagnostics.count == 1, "\(result.messages)")
        let problem = try #require(result.diagnostics.first)
        #expect(problem.location?.file == "_includes/bad.html")
        #expect(problem.note == "also reached from 2 more pages")
    }

    @Test func bareURLsStayTextInAJekyllSiteAndAreLinksInADocentSite() throws {
        let text = "Visit https://example.com or <https://example.org>.\n"
        let jekyll = try SiteFixture(["page.md": "---\n---\n" + text])
        defer { jekyll.remove() }
        #expect(
            jekyll.build().output.text("page.html")
                == "<p>Visit https://example.com or <a href=\"https://example.org\">https://example.org</a>.</p>\n")
        let docent = try SiteFixture([
            "docent.yml": "title: T\n", "templates/layouts/default.html": "{{ content }}",
            "content/page.md": "---\ntitle: P\n---\n" + text,
        ])
        defer { docent.remove() }
        #expect(docent.build().output.text("page/index.html")?.contains("<a href=\"https://example.com\">") == true)
    }

    @Test func githubMetadataComesFromTheConfigOrTheGitRemoteWithoutTheNetwork() throws {
        let template =
            "---\n---\n{{ site.github.repository_url }} {{ site.github.url }} {{ site.github.baseurl }} "
            + "{{ site.github.source.branch }} {{ site.github.build_revision | size }}"
        let site = try SiteFixture([
            "_config.yml": "plugins: [jekyll-github-metadata]\n", "index.html": template,
            ".git/config": "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:Kong/docs.git\n",
            ".git/HEAD": "ref: refs/heads/main\n",
            ".git/refs/heads/main": String(repeating: "a", count: 40) + "\n",
        ])
        defer { site.remove() }
        #expect(
            site.build().output.text("index.html")
                == "https://github.com/Kong/docs https://kong.github.io/docs /docs main 40")
        try site.write("_config.yml", "plugins: [jekyll-github-metadata]\nrepository: octo/octo.github.io\n")
        #expect(
            site.build().output.text("index.html")
                == "https://github.com/octo/octo.github.io https://octo.github.io  main 40")
    }

    @Test func optionalFrontMatterPagesAlsoCopyTheirSourceUnlessRemoveOriginals() throws {
        let files = [
            "_config.yml": "plugins: [jekyll-optional-front-matter]\n",
            "docs/plain.md": "# Plain\n\nNo front matter.\n", "docs/fm.md": "---\n---\nWith front matter.\n",
        ]
        let site = try SiteFixture(files)
        defer { site.remove() }
        let output = site.build().output
        #expect(output.text("docs/plain.html") == "<h1 id=\"plain\">Plain</h1>\n<p>No front matter.</p>\n")
        #expect(output.text("docs/plain.md") == "# Plain\n\nNo front matter.\n")
        #expect(output.text("docs/fm.md") == nil)
        try site.write(
            "_config.yml", "plugins: [jekyll-optional-front-matter]\noptional_front_matter: {remove_originals: true}\n")
        #expect(site.build().output.text("docs/plain.md") == nil)
    }
}
