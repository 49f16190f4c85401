import DocentSite
import DocentTestSupport
import Foundation
import Testing

@testable import DocentCommands

/// When a guide and the product disagree, `docent check` says where, in the guide's own words.
@Suite struct WalkthroughDriftTests {
    func seedSite(_ edit: (String) -> String) throws -> GuideFixture {
        try GuideFixture(["content/guide.md": edit(try GuideFixture.seedGuide())])
    }

    @Test func aRenamedLabelIsAnErrorAtItsLineListingTheScreensLabels() throws {
        let site = try seedSite { $0.replacingOccurrences(of: "**Upgrade** button", with: "**Upgrade Plan** button") }
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(result.walkthroughProblems == ["content/guide.md:21:19 walkthrough.unknown-control"])
        let problem = try #require(result.diagnostics.first { $0.id == "walkthrough.unknown-control" })
        #expect(problem.severity == .error)
        #expect(problem.message.contains("\"Account Dashboard\""))
        #expect(problem.message.contains("\"Upgrade Plan\""))
        #expect(problem.note == "that screen has: Upgrade, Organization Dashboard")
        #expect(problem.fixIt == "**Upgrade**")
    }

    @Test func checkCommandExitsOneOnADriftedGuide() throws {
        let site = try seedSite { $0.replacingOccurrences(of: "**Upgrade** button", with: "**Upgrade Plan** button") }
        defer { site.remove() }
        #expect(throws: (any Error).self) {
            try CheckCommand.parse(["--source", site.root.path, "--format", "json"]).run()
        }
    }

    @Test func aStepMovedOutOfOrderFails() throws {
        // "Create Organization" before "New Organization": the dashboard has no such control yet.
        let site = try seedSite { text in
            text.replacingOccurrences(
                of: "1. Click on **New Organization**", with: "1. Click on **Create Organization**")
        }
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(result.walkthroughProblems == ["content/guide.md:39:15 walkthrough.unknown-control"])
    }

    @Test func aFailedExpectationIsReportedAtItsStep() throws {
        let site = try seedSite { text in
            text.replacingOccurrences(
                of: "redirected back to the organization dashboard", with: "redirected back to the billing page")
        }
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(result.walkthroughProblems == ["content/guide.md:35:4 walkthrough.expectation"])
    }

    @Test func aBuildWithoutChecksWarnsAndStillEmbedsTheStepsUpToTheFailure() throws {
        let site = try seedSite { $0.replacingOccurrences(of: "**Upgrade Subscription**", with: "**Subscribe**") }
        defer { site.remove() }
        let (result, output) = site.build(checks: false)
        #expect(result.succeeded)
        #expect(result.diagnostics.filter { $0.id.hasPrefix("walkthrough.") }.map(\.severity) == [.warning])
        let html = try #require(output.text("guide/index.html"))
        #expect(html.contains(#"<section class="docent-walkthrough""#))
        #expect(html.contains(#"{"fill":"Activation code","value":"ENT-100"}"#))
        #expect(!html.contains(#""click":"New Organization""#))
    }

    @Test func aMissingSampleValueNamesTheFieldAndTheFix() throws {
        let site = try seedSite { $0.replacingOccurrences(of: "  Name: Cargo\n", with: "") }
        defer { site.remove() }
        let (result, _) = site.build()
        let problem = try #require(result.diagnostics.first { $0.id == "walkthrough.missing-input" })
        #expect(problem.location?.line == 41)
        #expect(problem.fixIt == "add `walkthrough_inputs: {Name: …}` to the front matter")
    }

    @Test func anUnknownStartingStateIsReportedAtTheFrontMatterKey() throws {
        let site = try seedSite {
            $0.replacingOccurrences(of: "walkthrough: enterprise-onboarding", with: "walkthrough: enterprise-onbording")
        }
        defer { site.remove() }
        let (result, _) = site.build()
        let problem = try #require(result.diagnostics.first { $0.id == "walkthrough.unknown-state" })
        #expect(problem.location?.description == "content/guide.md:6:1")
        #expect(problem.fixIt == "use `walkthrough: enterprise-onboarding`")
    }

    @Test func everyAlternativeRunsOnItsOwnAndItsProblemsAreReported() throws {
        let guide = """
            ---
            title: Upgrade
            walkthrough: enterprise-onboarding
            walkthrough_inputs:
              Activation code: ENT-100
            ---
            1. Click **Upgrade**.
            2. **With a code:**
               - Enter your code in the provided field.
            3. **Without a code:**
               - Click **Cancel**.
               - Click **Upgrade Now**.
            4. Click **Submit**.
            """
        let site = try GuideFixture(["content/guide.md": guide])
        defer { site.remove() }
        let (result, _) = site.build()
        #expect(result.walkthroughProblems == ["content/guide.md:12:14 walkthrough.unknown-control"])
        let run = try #require(result.pages.first?.walkthrough)
        #expect(run.procedures[0].completed)
        #expect(run.procedures[0].steps.compactMap(\.action).map(\.label) == ["Upgrade", "Activation code", "Submit"])
        #expect(run.branchSteps.compactMap(\.action).map(\.label) == ["Cancel", "Upgrade Now"])
    }
}
