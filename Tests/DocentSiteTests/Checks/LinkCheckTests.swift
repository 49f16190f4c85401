import DocentSite
import DocentTestSupport
import Testing

@Suite struct LinkCheckTests {
    static let sso = "---\ntitle: SSO\n---\n## Set up SSO\n\nText.\n\n## Domain capture {#domain-capture}\n"

    @Test func linksToPagesFilesAndAnchorsThatExistPass() throws {
        let result = try SiteFixture.check([
            "content/insomnia/sso.md": Self.sso,
            "content/insomnia/guide.md": """
            ---
            title: Guide
            ---
            ## Steps

            [SSO](sso.md), [setup](sso.md#set-up-sso), [capture](/insomnia/sso/#domain-capture),
            [here](#steps), [up](../sso/), [file](/assets/a.pdf), [ext](https://example.com/x),
            [mail](mailto:a@b.c), [top](#top), [sitemap](/sitemap.xml)
            """,
            "assets/a.pdf": "pdf",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func linksAfterAnIncludeAreReportedAtTheirOwnLinesThroughTheLiquidPass() throws {
        // The include prints 30 lines, so in the rendered body the first link is nearer the second one's line.
        let result = try SiteFixture.check([
            "templates/includes/long.md": String(repeating: "Filler.\n\n", count: 15),
            "content/guide.md": "---\ntitle: Guide\n---\n{% include long.md %}\n[a](nope.md)\n\n"
                + String(repeating: "Text.\n\n", count: 5) + "[b](nope.md)\n",
        ])
        #expect(
            result.diagnostics("link").map { "\($0.location!)" } == ["content/guide.md:5:5", "content/guide.md:17:5"],
            "\(result.messages)")
    }

    @Test func missingPageIsReportedAtTheLinkWithTheClosestName() throws {
        let result = try SiteFixture.check([
            "content/insomnia/sso.md": Self.sso,
            "content/insomnia/guide.md": "---\ntitle: Guide\n---\nIntro.\n\nSee [SSO](ss0.md#set-up-sso) now.\n",
        ])
        let problem = try #require(result.diagnostics("link").first)
        #expect(result.diagnostics.count == 1, "\(result.messages)")
        #expect(problem.id == "link.broken")
        #expect(problem.severity == .error)
        #expect(problem.location == SourceLocation(file: "content/insomnia/guide.md", line: 6, column: 11))
        #expect(problem.message == "link `ss0.md#set-up-sso` leads nowhere: no page at content/insomnia/ss0.md")
        #expect(problem.fixIt == "change the link to `sso.md#set-up-sso`")
    }

    @Test func missingAnchorOnAnotherPageAndOnThisPageAreReported() throws {
        let result = try SiteFixture.check([
            "content/insomnia/sso.md": Self.sso,
            "content/insomnia/guide.md": """
            ---
            title: Guide
            ---
            ## Steps
            [a](sso.md#domain-captur) [b](/insomnia/sso/#nope)
            [c](#step)
            """,
        ])
        let problems = result.diagnostics("link").sortedForDisplay
        #expect(problems.map(\.id) == ["link.broken-anchor", "link.broken-anchor", "link.broken-anchor"])
        #expect(problems.map(\.location?.line) == [5, 5, 6])
        #expect(problems.map(\.location?.column) == [5, 31, 5])
        #expect(problems[0].fixIt == "change the link to `sso.md#domain-capture`")
        #expect(problems[0].message.contains("on /insomnia/sso/ (content/insomnia/sso.md)"))
        #expect(problems[2].message.contains("on this page"))
        #expect(problems[2].fixIt == "change the link to `#steps`")
    }

    @Test func linkAfterAnIncludeIsReportedAtItsLineInTheSource() throws {
        let result = try SiteFixture.check([
            "templates/includes/three.md": "One.\n\nTwo.\n\nThree.\n",
            "content/a.md": "---\ntitle: A\n---\n{% include three.md %}\n\n[gone](/nowhere/)\n",
        ])
        let problem = try #require(result.diagnostics("link").first)
        #expect(problem.location == SourceLocation(file: "content/a.md", line: 6, column: 8))
    }

    @Test func jekyllRelativeLinksResolveAgainstThePageURL() throws {
        let site = try SiteFixture([
            "_config.yml": "title: J\npermalink: pretty\n",
            "_layouts/default.html": "{{ content }}",
            "guides/a.md": "---\nlayout: default\n---\n## Top\n[b](../b/#part) [b2](../b/#nope) [c](../c/)\n",
            "guides/b.md": "---\nlayout: default\n---\n## Part\n",
        ])
        defer { site.remove() }
        let result = site.check()
        #expect(
            result.messages == [
                "guides/a.md:5:22: link.broken-anchor: link `../b/#nope`: no heading or element with id `nope` on /guides/b/ (guides/b.md)",
                "guides/a.md:5:38: link.broken: link `../c/` leads nowhere: no page or file at /guides/c/",
            ])
    }
}
