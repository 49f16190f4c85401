import DocentSite
import DocentTestSupport
import Testing

@Suite struct DuplicateHeadingIDCheckTests {
    @Test func distinctHeadingIDsPass() throws {
        let result = try SiteFixture.check([
            "content/a.md": "---\ntitle: A\n---\n## Setup\n\n## Setup\n\n## Other {#custom}\n"
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aHandWrittenIDUsedTwiceIsReportedAtTheSecondHeading() throws {
        let result = try SiteFixture.check([
            "content/a.md": "---\ntitle: A\n---\n## Setup {#setup}\n\nText.\n\n## Again {#setup}\n"
        ])
        let problem = try #require(result.diagnostics("heading").first)
        #expect(problem.id == "heading.duplicate-id")
        #expect(problem.location == SourceLocation(file: "content/a.md", line: 8, column: 10))
        #expect(problem.message == "heading id `setup` is already used on line 4")
    }
}
