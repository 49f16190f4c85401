import DocentSite
import DocentTestSupport
import Testing

@Suite struct CalloutCheckTests {
    static let css = "blockquote.info { color: blue }\nblockquote.warning, blockquote.note { color: red }\n"

    @Test func calloutClassesTheCSSStylesPass() throws {
        let result = try SiteFixture.check([
            "assets/css/site.css": Self.css,
            "content/a.md":
                "---\ntitle: A\n---\n{:.info}\n> Note.\n\n> After.\n{:.warning}\n\n```\n{:.infox}\n> not a callout\n```\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func unknownCalloutClassIsReportedWithTheClosestKnownOne() throws {
        let result = try SiteFixture.check([
            "assets/css/site.css": Self.css,
            "content/a.md": "---\ntitle: A\n---\nText.\n\n{:.warnign}\n> Careful.\n",
        ])
        let problem = try #require(result.diagnostics("callout").first)
        #expect(problem.id == "callout.unknown-class")
        #expect(problem.location == SourceLocation(file: "content/a.md", line: 6, column: 3))
        #expect(problem.fixIt == "use `{:.warning}`")
        #expect(problem.note == "known classes: danger, decorative, info, note, warning")
    }

    @Test func theCalloutsTheREADMEDocumentsPassOnASiteWhoseCSSDoesNotStyleThem() throws {
        let result = try SiteFixture.check([
            "assets/css/site.css": Self.css,
            "content/a.md": "---\ntitle: A\n---\n{:.decorative}\n> Quote.\n\n{:.danger}\n> Careful.\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }
}
