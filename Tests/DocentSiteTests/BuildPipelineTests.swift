import DocentSite
import DocentTestSupport
import Foundation
import Testing

@Suite struct BuildPipelineTests {
    @Test func markdownPagesBecomePrettyURLsThroughTheirLayout() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "content/index.md": "---\ntitle: Home\n---\nHello.\n",
                "content/guides/setup.md": "---\ntitle: Setup\n---\n## First step\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("index.html") == "<title>Home</title>\n<main><p>Hello.</p>\n</main>\n")
        #expect(
            output.text("guides/setup/index.html")
                == "<title>Setup</title>\n<main><h2 id=\"first-step\">First step</h2>\n</main>\n")
        #expect(output.files["sitemap.xml"] != nil)
        #expect(output.text("search/pages/0.json")?.contains("\"Setup\"") == true)
    }

    @Test func layoutChainWrapsInnerLayouts() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/layouts/article.html": "---\nlayout: default\n---\n<article>{{ content }}</article>",
                "content/a.md": "---\ntitle: A\nlayout: article\n---\nx\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("a/index.html") == "<title>A</title>\n<main><article><p>x</p>\n</article></main>\n")
    }

    @Test func includesWithParametersAndCalloutsRenderInContent() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/includes/insomnia/note.md": "Hello {{ include.who }}, from {{ page.title }}.\n",
                "content/a.md": "---\ntitle: A\n---\n{:.info}\n> {% include insomnia/note.md who=\"Ada\" %}\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(
            output.text("a/index.html")?.contains(
                "<blockquote class=\"info\">\n<p>Hello Ada, from A.</p>\n</blockquote>") == true)
    }

    @Test func markdownLinksAndRelativeImagesAreRewritten() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "content/insomnia/sso.md": "---\ntitle: SSO\n---\n## Set up\n",
                "content/insomnia/guide.md":
                    "---\ntitle: Guide\n---\n[SSO](sso.md#set-up) ![shot](../assets/images/a.png)\n",
                "assets/images/a.png": "png",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        let html = try #require(output.text("insomnia/guide/index.html"))
        #expect(html.contains("<a href=\"/insomnia/sso/#set-up\">SSO</a>"))
        #expect(html.contains("<img src=\"/assets/images/a.png\" alt=\"shot\""))
        #expect(output.text("assets/images/a.png") == "png")
    }

    @Test func frontMatterValuesReachTemplates() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/layouts/default.html": """
                {% for c in page.breadcrumb_links %}[{{ c.title }}]({{ c.url }}){% endfor %}|{% for r in page.related %}{{ r.text }}:{{ r.external }};{% endfor %}|{% for f in page.faq_items %}{{ f.id }}={{ f.answer }}{% endfor %}|{{ page.tier }}
                """,
                "content/index.md": "---\ntitle: Home\n---\n",
                "content/a.md": """
                ---
                title: A
                tier: enterprise
                breadcrumbs:
                  - /
                related_resources:
                  - text: Home
                    url: /
                  - text: Blog
                    url: https://example.com/blog
                faqs:
                  - q: Why?
                    a: Because **{{ page.title }}**.
                ---
                Body.

                """,
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(
            output.text("a/index.html")
                == "[Home](/)|Home:false;Blog:true;|faq-why=<p>Because <strong>A</strong>.</p>\n|enterprise")
    }

    @Test func faqItemsReachAnIncludeInASubfolder() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/layouts/default.html": "{% include parts/faqs.html %}",
                "templates/includes/parts/faqs.html": "{% for f in page.faq_items %}{{ f.answer }}{% endfor %}",
                "content/a.md": "---\ntitle: A\nfaqs:\n  - q: Why?\n    a: Because *so*.\n---\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("a/index.html") == "<p>Because <em>so</em>.</p>\n")
    }

    @Test func faqAnswersAreNotRenderedWhenNoTemplateShowsThem() throws {
        // The answer's Liquid is broken: rendering it would report an error, so none means it was skipped.
        let faq = "faqs:\n  - q: Why?\n    a: \"{% if x %}never closed\"\n"
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/layouts/default.html": "{% for f in page.faqs %}{{ f.q }}{% endfor %}",
                "content/a.md": "---\ntitle: A\n\(faq)---\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("a/index.html") == "Why?")
        let shown = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/layouts/default.html": "{{ page.faq_items | size }}",
                "content/a.md": "---\ntitle: A\n\(faq)---\n",
            ]) { $1 })
        defer { shown.remove() }
        let shownResult = shown.build().result
        #expect(shownResult.diagnostics.contains { $0.id.hasPrefix("liquid.") }, "\(shownResult.messages)")
    }

    @Test func dataFilesAndNavigationAreSiteValues() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/layouts/default.html":
                    "{% for s in site.nav %}{{ s.title }}:{% for p in s.pages %}{{ p.title }},{% endfor %}{% endfor %}|{{ site.data.team.name }}|{{ page.section }}",
                "content/_data/navigation.yml": "- title: Start\n  pages:\n    - /\n    - /a/\n",
                "content/_data/team.yml": "name: Docs team\n",
                "content/index.md": "---\ntitle: Home\n---\n",
                "content/a.md": "---\ntitle: A\n---\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("a/index.html") == "Start:Home,A,|Docs team|Start")
    }

    @Test func customBlockTagsRenderThroughTheirTemplate() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/tags/card.html": "<div class=\"card\"><b>{{ tag.params.title }}</b>{{ tag.body }}</div>",
                "content/a.md": "---\ntitle: A\n---\n{% card title=\"Note\" %}inside {{ page.title }}{% endcard %}\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("a/index.html")?.contains("<div class=\"card\"><b>Note</b>inside A</div>") == true)
    }

    @Test func customBlockTagWithAYAMLBodyGetsItAsData() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/tags/navtabs.html":
                    "---\nbody: yaml\n---\n{% for tab in tag.data %}[{{ tab.title }}: {{ tab.text }}]{% endfor %}",
                "content/a.md":
                    "---\ntitle: A\n---\n{% navtabs %}\n- title: macOS\n  text: brew install\n- title: Linux\n  text: apt install\n{% endnavtabs %}\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(output.text("a/index.html")?.contains("[macOS: brew install][Linux: apt install]") == true)
    }

    @Test func draftsAreSkippedUnlessAsked() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging(["content/d.md": "---\ntitle: D\ndraft: true\n---\n"]) { $1 })
        defer { site.remove() }
        #expect(site.build().output.files["d/index.html"] == nil)
        #expect(site.build(drafts: true).output.files["d/index.html"] != nil)
    }

    @Test func permalinkFrontMatterSetsTheOutputFile() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging(["content/404.md": "---\ntitle: Not found\npermalink: /404.html\n---\nGone.\n"])
            { $1 })
        defer { site.remove() }
        #expect(site.build().output.files["404.html"] != nil)
    }
}
