import DocentSite
import DocentTestSupport
import Testing

@Suite struct ImageCheckTests {
    @Test func imagesThatExistWithAltTextPass() throws {
        let result = try SiteFixture.check([
            "content/insomnia/a.md":
                "---\ntitle: A\n---\n![Shot](../assets/images/a.png) ![Two](/assets/images/a.png)\n",
            "assets/images/a.png": "png",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func missingImageIsAnErrorAndMissingAltTextAWarning() throws {
        let result = try SiteFixture.check([
            "content/insomnia/a.md":
                "---\ntitle: A\n---\nIntro.\n\n![Shot](../assets/images/b.png)\n\n![](../assets/images/a.png)\n",
            "assets/images/a.png": "png",
        ])
        let problems = result.diagnostics("image").sortedForDisplay
        #expect(problems.map(\.id) == ["image.missing", "image.missing-alt"], "\(result.messages)")
        #expect(problems[0].severity == .error)
        #expect(problems[0].location == SourceLocation(file: "content/insomnia/a.md", line: 6, column: 9))
        #expect(problems[0].message == "image `../assets/images/b.png` does not exist: no file at /assets/images/b.png")
        #expect(problems[0].fixIt == "change the source to `../assets/images/a.png`")
        #expect(problems[1].severity == .warning)
        #expect(problems[1].location == SourceLocation(file: "content/insomnia/a.md", line: 8, column: 3))
    }
}
