import DocentSite
import Foundation
import Testing

/// Steps inside tabs: each tab of a set is an alternative from the same point. The main path takes the first tab
/// and goes on after the set; every other tab runs on its own from where the set starts, so its list never
/// continues the first tab's.
@Suite struct WalkthroughTabsTests {
    static let guide = """
        ---
        title: Upgrade
        walkthrough: enterprise-onboarding
        walkthrough_inputs:
          Activation code: ENT-100
        ---
        1. Click **Upgrade**.

        {% tabs group="code" %}
        {% tab "Paste the code" %}
        1. Enter your code in the provided field.
        2. Click **Submit**.
        3. Click **Upgrade Subscription**.
        {% endtab %}
        {% tab "Type the code" %}
            1. Enter your code in the provided field.
            2. Click **Submit**.
            3. Click **Upgrade Subscription**.
        {% endtab %}
        {% endtabs %}

        1. Click **New Organization**.
        """

    @Test func eachTabRunsFromTheSamePointAndTheFirstOneLeadsOn() throws {
        let site = try GuideFixture(["content/guide.md": Self.guide])
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(result.walkthroughProblems.isEmpty, "\(result.messages)")
        let run = try #require(result.pages.first?.walkthrough)
        #expect(run.procedures.count == 1)
        #expect(run.procedures[0].completed)
        #expect(
            run.procedures[0].steps.compactMap(\.action).map(\.label) == [
                "Upgrade", "Activation code", "Submit", "Upgrade Subscription", "New Organization",
            ])
        // Had the second tab continued the first, its activation code field would be gone (the plan is upgraded).
        #expect(
            run.branchSteps.compactMap(\.action).map(\.label) == ["Activation code", "Submit", "Upgrade Subscription"])
        #expect(Set(run.branchSteps.map(\.branch)) == ["Type the code"])
    }

    @Test func aStepThatFailsInALaterTabIsReportedAtItsLine() throws {
        let guide = Self.guide.replacingOccurrences(
            of: "    3. Click **Upgrade Subscription**.", with: "    3. Click **Upgrade Plan**.")
        let site = try GuideFixture(["content/guide.md": guide])
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(
            result.walkthroughProblems == ["content/guide.md:18:16 walkthrough.unknown-control"], "\(result.messages)")
        let run = try #require(result.pages.first?.walkthrough)
        #expect(run.procedures[0].completed)
    }
}
