import DocentSite
import DocentTestSupport
import Foundation
import Testing

@testable import DocentCommands

/// `docent screenshots` with the real headless Chromium, and `check` noticing a stale picture.
@Suite struct ScreenshotTests {
    static let guide = """
        ---
        title: Upgrade
        walkthrough: enterprise-onboarding
        ---
        1. Click on the **Upgrade** button.

        ![upgrade account](../assets/images/up.jpg)
        """

    func fixture() throws -> GuideFixture {
        try GuideFixture([
            "content/guides/upgrade.md": Self.guide,
            "assets/css/walkthrough.css": ".docent-highlight { outline: 3px solid #b45309; }\n",
        ])
    }

    @Test func writesThePictureAtThePathTheGuideUsesAndCheckTellsWhenItIsStale() throws {
        let site = try fixture()
        defer { site.remove() }
        try ScreenshotsCommand.parse(["--source", site.root.path]).run()
        let picture = try Data(contentsOf: site.root.appendingPathComponent("assets/images/up.jpg"))
        #expect(picture.prefix(3) == Data([0xFF, 0xD8, 0xFF]))  // a JPEG, as the extension says
        let manifest = Screenshots.readManifest(root: site.root)
        #expect(manifest.keys.sorted() == ["assets/images/up.jpg"])
        #expect(site.build().result.diagnostics.isEmpty)

        // The console's look changes: the picture no longer shows what readers see.
        try Data(".docent-highlight { outline: 4px dashed red; }\n".utf8).write(
            to: site.root.appendingPathComponent("assets/css/walkthrough.css"))
        let stale = site.build().result.diagnostics
        #expect(stale.map(\.id) == ["walkthrough.stale-screenshot"])
        #expect(stale.first?.location?.description == "content/guides/upgrade.md:7:20")
        #expect(stale.first?.severity == .warning)

        try ScreenshotsCommand.parse(["--source", site.root.path, "--stale"]).run()
        #expect(site.build().result.diagnostics.isEmpty)
        #expect(Screenshots.readManifest(root: site.root) != manifest)
    }

    @Test func neverOverwritesAPictureDocentDidNotMake() throws {
        let site = try fixture()
        defer { site.remove() }
        let mine = site.root.appendingPathComponent("assets/images/up.jpg")
        try FileManager.default.createDirectory(at: mine.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("drawn by hand".utf8).write(to: mine)
        #expect(throws: SiteProblems.self) { try ScreenshotsCommand.parse(["--source", site.root.path]).run() }
        #expect(try Data(contentsOf: mine) == Data("drawn by hand".utf8))
        #expect(Screenshots.readManifest(root: site.root).isEmpty)
    }
}
