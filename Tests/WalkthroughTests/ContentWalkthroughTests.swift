import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// Every walkthrough of our own docs runs, natively, through the step runner against the real simulation.
@Suite struct ContentWalkthroughTests {
    let result: BuildResult

    init() {
        var options = BuildOptions(source: GuideFixture.repository)
        options.simulation = GuideFixture.simulation
        options.runChecks = true
        result = SiteBuilder(options: options).build(into: NullOutput())
    }

    @Test func everyWalkthroughInContentRunsToTheEndWithoutProblems() throws {
        #expect(result.walkthroughProblems == [])
        let runs = result.pages.compactMap(\.walkthrough)
        #expect(runs.count >= 3)
        for run in runs {
            #expect(!run.procedures.isEmpty)
            #expect(run.procedures.allSatisfy { $0.completed })
        }
    }

    @Test func seedOnboardingGuideRunsTheDocumentedActionsInOrder() throws {
        let run = try #require(result.pages.first { $0.page.sitePath == "content/insomnia/enterprise.md" }?.walkthrough)
        let actions = run.procedures.flatMap(\.steps).compactMap(\.action).map(\.jsonText)
        #expect(
            actions == [
                #"{"navigate":"account dashboard"}"#, #"{"click":"Upgrade"}"#,
                #"{"fill":"Activation code","value":"ENT-100"}"#, #"{"click":"Submit"}"#,
                #"{"click":"Upgrade Subscription"}"#, #"{"click":"New Organization"}"#,
                #"{"fill":"Name","value":"Cargo"}"#, #"{"click":"Create Organization"}"#,
                #"{"click":"Manage Organization","row":"Cargo"}"#,
            ])
        let steps = run.procedures.flatMap(\.steps)
        #expect(steps.contains { $0.kind == .expectation(screen: "Organization Dashboard", listed: nil) })
        #expect(steps.contains { $0.kind == .expectation(screen: nil, listed: "Cargo") && $0.listedInput == "Name" })
        #expect(steps.first { $0.action?.label == "Manage Organization" }?.rowInput == "Name")
        // The "Without Activation Code" alternative ran on its own: one narrative step.
        #expect(run.branchSteps.map(\.branch) == ["Without Activation Code"])
        #expect(run.branchSteps.first?.kind == .narrative)
    }

    @Test func seedUserManagementStepListsAreSeparateProceduresFromTheAdminState() throws {
        let run = try #require(
            result.pages.first { $0.page.sitePath == "content/insomnia/enterprise-user-management.md" }?.walkthrough)
        #expect(run.spec.restartEachList)
        #expect(
            run.procedures.map(\.title) == [
                "If you have access to multiple team instances, you can switch between them by doing the following",
                "To turn on domain capture", "To view all of the unmanaged users associated with a domain",
                "To associate unmanaged users with your Enterprise account, enable Domain Capture",
            ])
        let switching = run.procedures[0].steps.compactMap(\.action)
        #expect(
            switching == [
                .navigate(label: "Insomnia dashboard"), .click(label: "Kong", section: "Sidebar"),
                .click(label: "Globex"),
            ])
        // `From Insomnia [**Enterprise Controls**](…), click **Domains**`: the page is told to go there first.
        #expect(run.procedures[2].steps[0].before == [.navigate(label: "Enterprise Controls")])
        let unclaimed = run.procedures[2].steps.compactMap(\.action)
        #expect(unclaimed.last == .click(label: "Manage", section: "Unclaimed Accounts"))
        #expect(run.procedures[3].steps.compactMap(\.action).last == .toggle(label: "Enable", on: true))
        // The domain-capture steps come from an include and are placed in it.
        #expect(run.procedures[1].steps[0].location.file == "templates/includes/insomnia/domain-capture.md")
    }

    @Test func seedPicturesBelongToTheStepsTheyFollow() throws {
        let run = try #require(result.pages.first { $0.page.sitePath == "content/insomnia/enterprise.md" }?.walkthrough)
        let pictures = run.procedures.flatMap(\.steps).flatMap { step in
            step.images.map { ($0.split(separator: "/").last.map(String.init) ?? "", step.screen?.title ?? "") }
        }
        #expect(
            pictures.map(\.0) == [
                "enterprise_step1.jpg", "enterprise_step2.jpg", "enterprise_step3.jpg", "enterprise_step4.jpg",
                "enterprise_step5.jpg", "enterprise_manage_org.jpg",
            ])
        // A click's picture is the screen it happens on; a typed value's, the screen with the value in it.
        #expect(
            pictures.map(\.1) == [
                "Account Dashboard", "Upgrade to Enterprise", "Organization Dashboard", "New Organization",
                "Organization Dashboard", "Cargo",
            ])
    }
}
