import DocentSite
import DocentTestSupport
import Foundation

extension SiteFixture {
    /// Builds with every check of `docent check`, writing nothing.
    func check() -> BuildResult {
        var options = BuildOptions(source: root)
        options.runChecks = true
        return SiteBuilder(options: options).build(into: NullOutput())
    }

    /// A Docent site with the basics and `files`, checked; the site is removed afterwards.
    static func check(_ files: [String: String]) throws -> BuildResult {
        let site = try SiteFixture(basics.merging(files) { $1 })
        defer { site.remove() }
        return site.check()
    }
}

extension BuildResult {
    /// The diagnostics whose id starts with `prefix`.
    func diagnostics(_ prefix: String) -> [Diagnostic] { diagnostics.filter { $0.id.hasPrefix(prefix) } }
}
