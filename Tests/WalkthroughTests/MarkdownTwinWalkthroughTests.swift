import DocentSite
import Testing

/// A guide's Markdown twin marks the steps the simulation ran through, and only those.
@Suite struct MarkdownTwinWalkthroughTests {
    func twin(_ edit: (String) -> String = { $0 }) throws -> (twin: String, built: String?) {
        let site = try GuideFixture(["content/guide.md": edit(try GuideFixture.seedGuide())])
        defer { site.remove() }
        let (result, output) = site.build(checks: false)
        let page = try #require(result.pages.first { $0.page.url == "/guide/" })
        return (try #require(page.markdown), output.text("guide/index.md"))
    }

    func line(_ text: String, containing fragment: String) -> String? {
        text.split(separator: "\n").first { $0.contains(fragment) }.map(String.init)
    }

    @Test func stepsThatRanAreMarkedVerified() throws {
        let (twin, built) = try twin()
        #expect(built == twin)
        #expect(line(twin, containing: "**New Organization**")?.hasSuffix(MarkdownTwin.verifiedMark) == true)
        #expect(line(twin, containing: "**Upgrade Subscription**")?.hasSuffix(MarkdownTwin.verifiedMark) == true)
        #expect(line(twin, containing: "## ")?.contains(MarkdownTwin.verifiedMark) == false)
    }

    @Test func aFailedStepAndTheStepsAfterItAreNotMarked() throws {
        let (twin, _) = try twin {
            $0.replacingOccurrences(
                of: "redirected back to the organization dashboard", with: "redirected back to the billing page")
        }
        #expect(line(twin, containing: "**Upgrade Subscription**")?.hasSuffix(MarkdownTwin.verifiedMark) == true)
        #expect(line(twin, containing: "billing page")?.contains(MarkdownTwin.verifiedMark) == false)
    }
}
