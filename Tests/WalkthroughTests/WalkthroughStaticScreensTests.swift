import DocentSite
import Foundation
import Testing

/// What readers without JavaScript get: each step's screen once (by the guide's picture when it has one, else by
/// a static screen), inert (a picture of the console, with no tab stops), under copy that says what they can do.
@Suite struct WalkthroughStaticScreensTests {
    static let guide = """
        ---
        title: G
        walkthrough: enterprise-onboarding
        ---
        1. Click **Upgrade**.

        ![upgrade](upgrade.png)

        2. Click **Cancel**.

        """

    func page(_ guide: String = Self.guide) throws -> String {
        let fixture = try GuideFixture(["content/guide.md": guide, "content/upgrade.png": ""])
        defer { fixture.remove() }
        let (result, output) = fixture.build(checks: false)
        #expect(result.succeeded, "\(result.messages)")
        return try #require(output.text("guide/index.html"))
    }

    @Test func aStepWithAPictureHasNoStaticScreenToo() throws {
        let html = try page()
        let screens = html.matches(of: /<li class="docent-step-screen" data-step="([^"]+)">/).map {
            String($0.output.1)
        }
        #expect(screens == ["wt-2"], "the pictured step wt-1 is shown by its picture only")
    }

    @Test func aScreenAPictureShowsIsNotShownAgainForAnotherStep() throws {
        let html = try page(
            """
            ---
            title: G
            walkthrough: enterprise-onboarding
            ---
            1. Navigate to your account dashboard.
            2. Click **Upgrade**.

            ![upgrade](upgrade.png)

            """)
        #expect(!html.contains("<li class=\"docent-step-screen\""), "step 1's screen is step 2's picture")
        #expect(html.contains("the guide's pictures show every step's screen"))
    }

    @Test func staticScreensAreInertAndSayWhatTheReaderCanDo() throws {
        let html = try page()
        let screen = try #require(html.firstRange(of: "<li class=\"docent-step-screen\""))
        let rest = html[screen.upperBound...]
        #expect(rest.contains("<div class=\"docent-step-picture\" inert><div class=\"docent-screen\""))
        #expect(html.contains("The live console needs JavaScript: turn it on to click and type"))
    }

    @Test func theGuidePointsToItsConsole() throws {
        let page = try page()
        // In the page's content (the console's script, inline in the head, names the attribute too).
        let html = page[try #require(page.firstRange(of: "<main>")).lowerBound...]
        let note = try #require(html.firstRange(of: "<p class=\"docent-walkthrough-try\">"))
        let firstStep = try #require(html.firstRange(of: "data-walkthrough-step="))
        #expect(note.lowerBound < firstStep.lowerBound)
        #expect(html.contains("href=\"#walkthrough\""))
    }
}
