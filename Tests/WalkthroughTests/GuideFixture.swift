import DocentEnterprise
import DocentSite
import DocentTestSupport
import Foundation

/// A site in a temporary folder whose guides run against the real simulation (the Insomnia Enterprise console).
struct GuideFixture {
    let site: TemporarySite
    var root: URL { site.root }

    init(_ files: [String: String]) throws {
        var files = files
        files["docent.yml", default: "title: Test Docs\n"] += ""
        let layout = "{{ page.walkthrough_head }}<main>{{ content }}{{ page.walkthrough_html }}</main>\n"
        files["templates/layouts/default.html", default: layout] += ""
        files["templates/layouts/article-detail.html", default: layout] += ""
        site = try TemporarySite(files)
    }

    /// Builds in memory; `checks` runs every rule of `docent check`.
    func build(checks: Bool = true) -> (result: BuildResult, output: MemoryOutput) {
        var options = BuildOptions(source: root)
        options.simulation = Self.simulation
        options.runChecks = checks
        let output = MemoryOutput()
        return (SiteBuilder(options: options).build(into: output), output)
    }

    func remove() { site.remove() }

    static let simulation = EnterpriseSimulation()

    /// The repository's own site (content/, templates/, docent.yml).
    static var repository: URL { TemporarySite.repository }
    /// The seed guide "Enabling Enterprise Membership in Insomnia", as the repository has it.
    static func seedGuide() throws -> String {
        try String(
            contentsOf: repository.appendingPathComponent("content/insomnia/enterprise.md"), encoding: .utf8)
    }
}

extension BuildResult {
    /// `file:line:col id` of the walkthrough problems, in display order.
    var walkthroughProblems: [String] {
        diagnostics.sortedForDisplay.filter { $0.id.hasPrefix("walkthrough.") }.map {
            "\($0.location.map(\.description) ?? "-") \($0.id)"
        }
    }
}
