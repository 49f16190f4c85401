import DocentSite
import DocentTestSupport
import Testing

@Suite struct FrontMatterLinkCheckTests {
    static let sso = "---\ntitle: SSO\n---\n## Set up SSO\n"

    @Test func frontMatterLinksThatExistPass() throws {
        let result = try SiteFixture.check([
            "content/insomnia/index.md": "---\ntitle: Insomnia\n---\n",
            "content/insomnia/sso.md": Self.sso,
            "content/insomnia/guide.md": """
            ---
            title: Guide
            category: Insomnia
            category-url: sso
            breadcrumbs:
              - /insomnia/
            related_resources:
              - text: SSO
                url: /insomnia/sso/#set-up-sso
              - text: Sibling
                url: ../sso/
            faqs:
              - q: How?
                a: |
                  Read [the setup](/insomnia/sso/#set-up-sso).
            ---
            Text.
            """,
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func brokenFrontMatterLinksAreReportedAtTheirKeys() throws {
        let result = try SiteFixture.check([
            "content/insomnia/sso.md": Self.sso,
            "content/insomnia/guide.md": """
            ---
            title: Guide
            category-url: missing
            breadcrumbs:
              - /insomnia/sso/#nope
            related_resources:
              - text: SSO
                url: /insomnia/sso/#set-up
              - text: Sibling
                url: ../ss/
            faqs:
              - q: How?
                a: |
                  First line.

                  Read [the setup](/insomnia/sso/#set-up-ss).
            ---
            Text.
            """,
        ])
        #expect(
            result.diagnostics("link").sortedForDisplay.map { "\($0.location!.line):\($0.location!.column) \($0.id)" }
                == [
                    "3:15 link.broken", "5:5 link.broken-anchor", "8:10 link.broken-anchor", "10:10 link.broken",
                    "16:24 link.broken-anchor",
                ], "\(result.messages)")
        let faq = try #require(result.diagnostics("link").first { $0.location?.line == 16 })
        #expect(faq.fixIt == "change the link to `/insomnia/sso/#set-up-sso`")
        let related = try #require(result.diagnostics("link").first { $0.location?.line == 10 })
        #expect(related.fixIt == "change the related resource to `../sso/`")
    }
}
