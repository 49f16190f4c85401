import DocentSite
import DocentTestSupport
import Testing

/// Jekyll's `liquid: error_mode`: warn (its default) and lax read malformed markup as Ruby Liquid does and warn at
/// its place; strict makes it an error.
@Suite struct LiquidErrorModeTests {
    static let page = "---\n---\nA {{ 'x' 'y' }}|{% if true && false %}B{% endif %}"

    @Test func aJekyllSiteReadsMalformedLiquidLenientlyAndWarnsAtItsPlace() throws {
        for config in ["title: T\n", "liquid: {error_mode: lax}\n", "liquid: {error_mode: warn}\n"] {
            let site = try SiteFixture(["_config.yml": config, "index.html": Self.page])
            defer { site.remove() }
            let (result, output) = site.build()
            #expect(result.succeeded, "\(result.messages)")
            #expect(output.text("index.html") == "A x|B")
            #expect(result.diagnostics.map(\.id) == ["liquid.lax-syntax", "liquid.lax-syntax"])
            #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
            #expect(result.diagnostics.map { $0.location?.line } == [3, 3])
            #expect(result.diagnostics.first?.location?.column == 3)
        }
    }

    @Test func anIncludesMalformedLiquidIsReportedOnceInTheInclude() throws {
        let site = try SiteFixture([
            "_config.yml": "title: T\n",
            "_includes/note.html": "\n{{ 'n' 'o' }}",
            "a.html": "---\n---\n{% include note.html %}",
            "b.html": "---\n---\n{% include note.html %}",
        ])
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(output.text("a.html") == "\nn")
        #expect(result.diagnostics.map(\.id) == ["liquid.lax-syntax"])
        #expect(result.diagnostics.first?.location?.file == "_includes/note.html")
        #expect(result.diagnostics.first?.location?.line == 2)
    }

    @Test func strictErrorModeMakesMalformedLiquidAnError() throws {
        let site = try SiteFixture(["_config.yml": "liquid: {error_mode: strict}\n", "index.html": Self.page])
        defer { site.remove() }
        let result = site.build().result
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.id) == ["liquid.syntax"])
    }
}
