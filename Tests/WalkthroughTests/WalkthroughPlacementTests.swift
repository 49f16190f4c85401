import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// A step's spatial words (`in the sidebar`, `From the **X** section`, `From the dropdown menu`, `the **X**
/// submenu option`, `next to the organization`) are checked against where the console draws the control.
@Suite struct WalkthroughPlacementTests {
    func problems(_ steps: String, state: String = "enterprise-admin", inputs: String = "") throws -> (
        [String], [String]
    ) {
        let guide = """
            ---
            title: Placement
            walkthrough: \(state)
            walkthrough_inputs:
              Name: Cargo
            \(inputs)
            ---
            \(steps)
            """
        let site = try GuideFixture(["content/guide.md": guide])
        defer { site.remove() }
        let (result, _) = site.build()
        let messages = result.diagnostics.filter { $0.id == "walkthrough.placement" }.map(\.message)
        return (result.walkthroughProblems, messages)
    }

    @Test func theSeedsWordsHoldWhereTheConsoleDrawsTheControls() throws {
        let (found, _) = try problems(
            """
            1. From the sidebar, click the name of the team that you're currently viewing.
            1. From the dropdown menu, select the name of the team that you want to switch to.
            """, inputs: "  team that you're currently viewing: Kong\n  team that you want to switch to: Globex")
        #expect(found == [])
        let (manage, _) = try problems(
            "1. Click on the **Manage Organization** submenu option next to the organization you wish to configure.",
            inputs: "  organization you wish to configure: Cargo")
        #expect(!manage.contains { $0.hasSuffix("walkthrough.placement") })
    }

    @Test func aControlThatIsNotInTheSidebarIsAPlacementError() throws {
        let (found, messages) = try problems("1. Click **New Organization** in the sidebar.")
        #expect(found == ["content/guide.md:8:12 walkthrough.placement"])
        #expect(
            messages == [
                "the step says \"New Organization\" is in the sidebar, but the simulation shows it among the screen's own controls"
            ])
    }

    @Test func aMenuWordForAPlainButtonIsAPlacementError() throws {
        let (_, dropdown) = try problems("1. From the dropdown menu, click **New Organization**.")
        #expect(dropdown.first?.contains("is in a dropdown menu") == true)
        let (_, submenu) = try problems("1. Click the **Kong** submenu option.")
        #expect(submenu == ["the step says \"Kong\" is in a row's submenu, but the simulation shows it in the sidebar"])
    }

    @Test func aSectionTheControlIsNotInIsAPlacementError() throws {
        let (found, messages) = try problems(
            """
            1. Go to **Enterprise Controls** > **Domains**.
            1. Click **kong.com**.
            1. From the **Domain Capture** section, click **Manage**.
            """)
        #expect(found == ["content/guide.md:10:49 walkthrough.placement"])
        #expect(messages.first?.contains("in the \"Unclaimed Accounts\" section") == true)
    }

    @Test func nextToARowNeedsARowButNextToALabelDoesNot() throws {
        let (row, _) = try problems("1. Click **New Organization** next to the organization.")
        #expect(row.contains { $0.hasSuffix("walkthrough.placement") })
        let (label, _) = try problems(
            """
            1. Go to **Enterprise Controls** > **Licenses**.
            1. Click the download button next to **Last Active**.
            """)
        #expect(!label.contains { $0.hasSuffix("walkthrough.placement") })
    }
}

/// "Select the checkbox": the control is drawn as a checkbox, and a step that calls a switch a checkbox is caught.
@Suite struct WalkthroughCheckboxTests {
    @Test func aCheckboxStepNeedsACheckbox() throws {
        let guide = """
            ---
            title: Checkbox
            walkthrough: enterprise-admin
            walkthrough_inputs:
              Domain: example.com
            ---
            1. Go to **Enterprise Controls** > **Domains**.
            1. Click **kong.com**.
            1. Select the **Enable** checkbox.
            """
        let site = try GuideFixture(["content/guide.md": guide])
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(result.walkthroughProblems == ["content/guide.md:9:17 walkthrough.placement"])
        let message = result.diagnostics.first { $0.id == "walkthrough.placement" }?.message
        #expect(message == "the step says \"Enable\" is a checkbox, but the simulation shows a switch")
    }
}
