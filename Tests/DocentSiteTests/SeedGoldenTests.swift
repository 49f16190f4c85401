import DocentEnterprise
import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// The two seed guides, built with the repository's own site (content/, templates/, docent.yml) and their
/// walkthroughs run against the simulation we ship, compared with
/// golden copies of their `<main>` element. Set DOCENT_UPDATE_GOLDEN=1 to rewrite the golden files after an
/// intended change, then review the diff.
@Suite struct SeedGoldenTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    static let site: (BuildResult, MemoryOutput) = {
        let output = MemoryOutput()
        var options = BuildOptions(source: repositoryRoot)
        options.simulation = EnterpriseSimulation()
        let result = SiteBuilder(options: options).build(into: output)
        return (result, output)
    }()

    @Test(arguments: [
        ("insomnia/enterprise/index.html", "enterprise.main.html"),
        ("insomnia/enterprise-user-management/index.html", "enterprise-user-management.main.html"),
    ])
    func seedPageMainMatchesGolden(page: String, golden: String) throws {
        let (result, output) = Self.site
        #expect(result.succeeded, "\(result.messages)")
        let html = try #require(output.text(page))
        let main = try #require(Self.mainElement(of: html))
        let goldenURL = Self.goldenFolder.appendingPathComponent(golden)
        if ProcessInfo.processInfo.environment["DOCENT_UPDATE_GOLDEN"] == "1" {
            try Data(main.utf8).write(to: goldenURL)
        }
        let expected = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(main == expected)
    }

    @Test func ourDocsSiteBuildsWithoutProblems() {
        let (result, _) = Self.site
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(result.pages.count >= 12)
    }

    static func mainElement(of html: String) -> String? {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>", options: .backwards) else {
            return nil
        }
        // "Last updated" is the page's last commit, which committing a golden change moves: kept out.
        let main = String(html[start.lowerBound..<end.upperBound]) + "\n"
        return main.replacing(#/<span class="page-footer__updated">.*?</span>\n/#, with: "")
    }
}
