import DocentSite
import Foundation
import Testing

/// A walkthrough page's layout must give the console its two places: `{{ page.walkthrough_html }}` and
/// `{{ page.walkthrough_head }}` (or the script itself). A custom layout without them is told, at its line.
@Suite struct WalkthroughHookTests {
    static let guide = "---\ntitle: G\nwalkthrough: enterprise-onboarding\n---\n1. Click **Upgrade**.\n"

    func problems(layout: String) throws -> [String] {
        let fixture = try GuideFixture([
            "templates/layouts/default.html": layout,
            "content/guide.md": Self.guide,
        ])
        defer { fixture.remove() }
        let (result, _) = fixture.build()
        return result.diagnostics.sortedForDisplay.filter { $0.id == "walkthrough.layout-hook" }.map {
            "\($0.location.map(\.description) ?? "-") \($0.fixIt ?? "")"
        }
    }

    @Test func aLayoutWithoutTheConsoleIsToldWhereToAddIt() throws {
        let layout = "<html><head>\n{{ page.walkthrough_head }}\n</head><body>\n<main>\n{{ content }}\n</main>\n"
        #expect(
            try problems(layout: layout) == [
                "templates/layouts/default.html:5:1 add `{{ page.walkthrough_html }}` after `{{ content }}`"
            ])
    }

    @Test func aLayoutWithoutTheRuntimeIsToldToLoadItInTheHead() throws {
        let layout =
            "<html>\n<head>\n<title>{{ page.title }}</title>\n</head>\n{{ content }}{{ page.walkthrough_html }}\n"
        #expect(
            try problems(layout: layout) == [
                "templates/layouts/default.html:4:1 add `{{ page.walkthrough_head }}` before `</head>`"
            ])
    }

    @Test func aLayoutWithBothHooksIsQuiet() throws {
        let layout = "<head>{{ page.walkthrough_head }}</head>{{ content }}{{ page.walkthrough_html }}\n"
        #expect(try problems(layout: layout).isEmpty)
    }
}
