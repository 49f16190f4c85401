import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// `llms.txt`, `llms-full.txt` and the pages' Markdown twins of a whole site build.
@Suite struct LLMFilesSiteTests {
    static let site: [String: String] = SiteFixture.basics.merging([
        "docent.yml":
            "title: Test Docs\ndescription: Docs for testing.\nurl: https://docs.example.com\nbaseurl: /docs\n",
        "content/_data/navigation.yml": "- title: Start\n  pages: [/guide/, /]\n",
        "templates/includes/note.html": "**Note:** {{ include.text }}",
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/guide.md": """
        ---
        title: Guide
        description: How to do it.
        faqs:
          - q: Why?
            a: Because {{ page.title }}.
        ---
        ## Steps

        {% include note.html text="read first" %} Version {{ 1 | plus: 1 }}.
        """,
        "content/extra.md": "---\ntitle: Extra\n---\nMore.\n",
    ]) { $1 }

    func build(_ files: [String: String]) throws -> MemoryOutput {
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.errorCount == 0, "\(result.messages)")
        return output
    }

    @Test func llmsTxtListsTheNavigationsSectionsAndPagesWithDescriptions() throws {
        let output = try build(Self.site)
        #expect(
            output.text("llms.txt") == """
                # Test Docs

                > Docs for testing.

                ## Start

                - [Guide](https://docs.example.com/docs/guide/index.md): How to do it.
                - [Home](https://docs.example.com/docs/index.md)

                ## Optional

                - [Extra](https://docs.example.com/docs/extra/index.md)

                """)
    }

    @Test func everyPageHasAMarkdownTwinWithLiquidAndIncludesResolved() throws {
        let output = try build(Self.site)
        #expect(
            output.text("guide/index.md") == """
                # Guide

                > How to do it.

                ## Steps

                **Note:** read first Version 2.

                ## FAQs

                ### Why?

                Because Guide.

                """)
        #expect(output.text("index.md") == "# Home\n\nWelcome.\n")
        let full = try #require(output.text("llms-full.txt"))
        #expect(full.hasPrefix("# Guide\n"))
        #expect(full.contains("# Home\n\nWelcome.\n") && full.contains("# Extra\n"))
    }

    @Test func theConfigTurnsTheFilesOffAndJekyllSitesOn() throws {
        var off = Self.site
        off["docent.yml"] = "title: Test Docs\nllms: false\n"
        let withoutFiles = try build(off)
        #expect(withoutFiles.files["llms.txt"] == nil && withoutFiles.files["guide/index.md"] == nil)

        let jekyll: [String: String] = [
            "_config.yml": "title: J\n", "_layouts/default.html": "{{ content }}",
            "page.md": "---\ntitle: P\nlayout: default\n---\nText.\n",
        ]
        #expect(try build(jekyll).files["llms.txt"] == nil)
        var asked = jekyll
        asked["_config.yml"] = "title: J\nllms: true\n"
        let on = try build(asked)
        #expect(on.text("page.md") == "# P\n\nText.\n")
        #expect(on.text("llms.txt")?.contains("- [P](/page.md)") == true)
    }
}
