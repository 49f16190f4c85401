import DocentPreview
import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// `serve` runs the same pipeline as `check`: a guide that drifts from the product shows in the overlay while the
/// pages stay current, and the overlay goes when the guide is fixed.
@Suite struct ServeWalkthroughTests {
    func preview(_ site: GuideFixture) -> PreviewSite {
        var options = BuildOptions(source: site.root)
        options.simulation = GuideFixture.simulation
        return PreviewSite(options: options)
    }

    /// The seed guide without what this fixture site lacks (its pictures and category page); lines stay where
    /// they are.
    func cleanSeed() throws -> String {
        try GuideFixture.seedGuide()
            .replacing(/!\[[^\]]*\]\([^)]*\)/, with: "")
            .replacing(/category-url: .*/, with: "")
    }

    @Test func aDriftedStepShowsInTheOverlayAndTheFixClearsIt() throws {
        let seed = try cleanSeed()
        let site = try GuideFixture(["content/guide.md": seed])
        defer { site.remove() }
        let preview = preview(site)
        let first = preview.buildAll()
        #expect(first.update.diagnostics.errorCount == 0, "\(first.update.diagnostics)")
        #expect(preview.store.overlayHTML == nil)

        let drifted = seed.replacingOccurrences(of: "**Upgrade** button", with: "**Upgrade Plan** button")
        try Data(drifted.utf8).write(to: site.root.appendingPathComponent("content/guide.md"))
        let broken = preview.apply(changes: ["content/guide.md"])
        let problem = try #require(broken.update.diagnostics.first { $0.id == "walkthrough.unknown-control" })
        #expect(problem.severity == .error)
        #expect(problem.location?.description == "content/guide.md:21:19")
        #expect(broken.errorsChanged)
        // The page itself built: it is published (with the step shown up to the failure), and the overlay says why.
        #expect(broken.update.publishable)
        #expect(broken.outcome == .pages(["/guide/"]))
        let overlay = try #require(preview.store.overlayHTML)
        #expect(overlay.contains("content/guide.md:21:19"))
        #expect(overlay.contains("walkthrough.unknown-control"))
        #expect(overlay.contains("the pages are up to date"))
        let page = String(decoding: try #require(preview.store.file("guide/index.html")), as: UTF8.self)
        #expect(page.contains("Upgrade Plan"))

        try Data(seed.utf8).write(to: site.root.appendingPathComponent("content/guide.md"))
        let fixed = preview.apply(changes: ["content/guide.md"])
        #expect(fixed.update.diagnostics.errorCount == 0, "\(fixed.update.diagnostics)")
        #expect(fixed.errorsChanged)
        #expect(preview.store.overlayHTML == nil)
    }

    @Test func serveReportsWhatCheckReports() throws {
        let seed = try cleanSeed()
        let drifted = seed.replacingOccurrences(of: "**Upgrade** button", with: "**Upgrade Plan** button")
        let site = try GuideFixture([
            "content/guide.md": drifted,
            "content/other.md": "---\ntitle: Other\n---\nSee [the missing page](missing.md) and ![](/nope.png).\n",
        ])
        defer { site.remove() }
        let checked = site.build(checks: true).result.diagnostics
        let served = preview(site).buildAll().update.diagnostics
        #expect(!checked.isEmpty)
        #expect(Set(served) == Set(checked))
    }
}

/// What `serve` serves is what `build` writes, byte for byte, for this repository's own site with its
/// walkthroughs running against the real simulation (the live-reload script is added when a page is sent).
@Suite struct ServeEqualsBuildTests {
    @Test func everyFileOfTheRepositorySiteIsTheSameServedAndBuilt() throws {
        var options = BuildOptions(source: GuideFixture.repository)
        options.simulation = GuideFixture.simulation
        let output = MemoryOutput()
        let built = SiteBuilder(options: options).build(into: output)
        #expect(built.succeeded, "\(built.diagnostics)")
        let preview = PreviewSite(options: options)
        let served = preview.buildAll()
        #expect(served.update.publishable)
        #expect(output.files.count > 20)
        let differing = output.files.keys.filter { preview.store.file($0) != output.files[$0] }.sorted()
        #expect(differing.isEmpty, "served differently from the build: \(differing)")
        #expect(Set(preview.store.paths).union(preview.store.siteFilePaths) == Set(output.files.keys))
        #expect(served.update.diagnostics.errorCount == 0, "\(served.update.diagnostics)")
    }
}
