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
        #expect(manifest.keys.sorted() == ["assets/images/up-dark.jpg", "assets/images/up.jpg"])
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

    /// Pictures that read: the console's box only, at the console's width and twice its pixels, a dark variant the
    /// page picks with `prefers-color-scheme`, explicit width and height, the writer's alt text, the
    /// guide's file name kept, no simulation notes.
    @Test func thePictureIsTheConsolesBoxAtScaleTwoWithADarkVariantAndItsSize() throws {
        let site = try fixture()
        defer { site.remove() }
        try Data(
            ".docent-screen { background: #fff; }\n@media (prefers-color-scheme: dark) { .docent-screen { background: #111; color: #eee; } }\n"
                .utf8
        ).write(to: site.root.appendingPathComponent("assets/css/walkthrough.css"))
        try ScreenshotsCommand.parse(["--source", site.root.path]).run()
        let light = try #require(StepPictures.pixelSize(site.root.appendingPathComponent("assets/images/up.jpg")))
        let dark = try #require(StepPictures.pixelSize(site.root.appendingPathComponent("assets/images/up-dark.jpg")))
        #expect(light.width == Screenshots.width * Screenshots.scale)
        #expect(dark.width == light.width && dark.height == light.height)
        // Cropped to the console's box: a one-button screen is far shorter than the tallest picture.
        #expect(light.height < Screenshots.height * Screenshots.scale / 2)
        #expect(light.height % Screenshots.scale == 0)
        let light0 = try Data(contentsOf: site.root.appendingPathComponent("assets/images/up.jpg"))
        let dark0 = try Data(contentsOf: site.root.appendingPathComponent("assets/images/up-dark.jpg"))
        #expect(light0 != dark0)

        let (_, output) = site.build()
        let page = String(decoding: try #require(output.files["guides/upgrade/index.html"]), as: UTF8.self)
        let picture =
            "<picture class=\"docent-step-shot\"><source srcset=\"/assets/images/up-dark.jpg\" media=\"(prefers-color-scheme: dark)\">"
            + "<img src=\"/assets/images/up.jpg\" alt=\"upgrade account\" width=\"\(light.width / 2)\" height=\"\(light.height / 2)\" loading=\"lazy\" decoding=\"async\" fetchpriority=\"low\" /></picture>"
        #expect(page.contains(picture))
    }

    @Test func aPictureLeavesOutTheSimulationDrawer() throws {
        let site = try fixture()
        defer { site.remove() }
        let (result, _) = site.build()
        let shots = Screenshots.plan(result.pages, root: site.root, config: result.config)
        #expect(shots.map(\.file) == ["assets/images/up.jpg", "assets/images/up-dark.jpg"])
        // The free account's dashboard has a "Simulated:" note, which the live console shows in its drawer.
        let screen = try #require(result.pages.first?.walkthrough?.allSteps.first?.screen)
        #expect(!screen.notes.isEmpty)
        for shot in shots {
            #expect(!shot.html.contains("docent-simulation"))
            #expect(!shot.html.contains("Simulated:"))
        }
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
