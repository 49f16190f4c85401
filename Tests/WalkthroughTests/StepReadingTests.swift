import DocentEnterprise
import DocentMarkdown
import Testing

@testable import DocentSite

/// How a step written for people is read: its verb, the label it names and the context around the label.
@Suite struct StepReadingTests {
    /// The reading of the first list item of `markdown`.
    func read(_ markdown: String) throws -> StepReading {
        let lists = WrittenSteps.lists(in: Markdown.parse(markdown))
        guard case .step(let step)? = lists.first?.entries.first else {
            throw Failure.noStep
        }
        return StepReading(step, vocabulary: EnterpriseSimulation().vocabulary)
    }

    enum Failure: Error { case noStep }

    @Test func clickWithABoldLabel() throws {
        let reading = try read("1. Click on the **Upgrade** button to initiate the upgrade process.")
        #expect(reading.verb == .click)
        #expect(reading.target == "Upgrade")
        #expect(reading.targetIsLabel)
    }

    @Test func sectionContextIsNotTheTarget() throws {
        let reading = try read("1. From the **Unclaimed Accounts** section, click **Manage**.")
        #expect(reading.target == "Manage")
        #expect(reading.section == "Unclaimed Accounts")
        #expect(reading.places == [])
    }

    @Test func aLabelInALinkAfterFromIsAPlaceToGoFirst() throws {
        let reading = try read(
            "1. From Insomnia [**Enterprise Controls**](https://x.test/), click **Domains** in the sidebar.")
        #expect(reading.places == ["Enterprise Controls"])
        #expect(reading.target == "Domains")
        #expect(reading.section == "Sidebar")
    }

    @Test func anArrowPathIsNavigationEvenWithoutAVerb() throws {
        let reading = try read("1. Add the domain in **Enterprise Controls** > **Domains** (see [Domains](/d/)).")
        #expect(reading.verb == .click)
        #expect(reading.places == ["Enterprise Controls"])
        #expect(reading.target == "Domains")
    }

    @Test func wordsInParenthesesAreAsidesNotVerbs() throws {
        let reading = try read("1. Read the overview (see [the list](/l/)).")
        #expect(reading.verb == nil)
    }

    @Test func whatYouCanDoIsNarrative() throws {
        let reading = try read(
            "1. In the organization setup page, you can invite members and configure settings, such as enabling SSO.")
        #expect(reading.verb == nil)
    }

    @Test func enableNamesAToggleOn() throws {
        let reading = try read("1. Enable the **Enable** toggle.")
        #expect(reading.verb == .toggle(on: true))
        #expect(reading.target == "Enable")
        #expect(try read("1. Turn off **Lock**.").verb == .toggle(on: false))
    }

    @Test func enterWithoutALabelLeavesTheFieldToTheScreen() throws {
        let reading = try read("1. If you have an enterprise activation code, enter it in the provided field.")
        #expect(reading.verb == .fill)
        #expect(reading.target == nil)
    }

    @Test func navigateToAPlaceNamedInProse() throws {
        let reading = try read("1. Navigate to your account dashboard.")
        #expect(reading.verb == .navigate)
        #expect(reading.target == "account dashboard")
        #expect(!reading.targetIsLabel)
        #expect(try read("1. Navigate to your [Insomnia dashboard](https://x.test/).").target == "Insomnia dashboard")
    }

    @Test func expectations() throws {
        let redirected = try read("1. You will be redirected back to the organization dashboard.")
        #expect(redirected.verb == .expectScreen)
        #expect(redirected.target == "organization dashboard")
        let listed = try read("1. After creating your organization, you should see it listed on your dashboard.")
        #expect(listed.verb == .expectListed)
        #expect(listed.target == nil)
    }

    @Test func submittingClicksTheFormsSubmit() throws {
        let reading = try read("1. You should be able to preview the details after submitting it.")
        #expect(reading.verb == .submit)
    }

    @Test func boldLeadInsFollowedByNestedListsAreBranches() throws {
        let lists = WrittenSteps.lists(
            in: Markdown.parse(
                """
                1. **With Activation Code:**
                   - Enter it.
                2. **Without Activation Code:**
                   - Contact sales.
                3. Click **Upgrade Subscription**.
                """))
        let entries = try #require(lists.first?.entries)
        #expect(entries.count == 2)
        guard case .branches(let branches) = entries[0] else {
            Issue.record("expected branches")
            return
        }
        #expect(branches.map(\.title) == ["With Activation Code", "Without Activation Code"])
        #expect(branches.map { $0.steps.map(\.text) } == [["Enter it."], ["Contact sales."]])
    }

    @Test func aPictureRightAfterAListBelongsToItsLastStep() throws {
        let lists = WrittenSteps.lists(
            in: Markdown.parse("1. Navigate.\n2. Click **Upgrade**.\n\n![upgrade](../img/up.jpg)\n"))
        guard case .step(let last)? = lists.first?.entries.last else {
            Issue.record("expected a step")
            return
        }
        #expect(last.images == ["../img/up.jpg"])
    }
}
