import DocentSite
import Testing

@Suite struct KeyPositionsTests {
    @Test func everyWrittenKeyPathIsFoundAtItsLineAndColumnAndNoOtherIs() {
        var positions: [String: (line: Int, column: Int)] = [:]
        for index in 0..<500 {
            positions["faqs[\(index)].q"] = (index * 2, 3)
            positions["faqs[\(index)].a"] = (index * 2 + 1, 5)
        }
        positions["title"] = (0, 1)
        positions[""] = (0, 1)
        let kept = KeyPositions(positions)
        for (path, position) in positions {
            let found = kept.position(of: path)
            #expect(found?.line == position.line && found?.column == position.column, "\(path)")
        }
        #expect(kept.position(of: "faqs[500].q") == nil)
        #expect(kept.position(of: "titles") == nil)
        #expect(!kept.contains("description"))
        #expect(KeyPositions().position(of: "title") == nil)
    }

    @Test func aPageKeepsItsFrontMatterPositionsForItsDiagnostics() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "content/a.md": "---\ntitle: A\nbreadcrumbs:\n  - /nowhere/\n---\nx\n"
            ]) { $1 })
        defer { site.remove() }
        let (result, _) = site.build()
        let problem = try #require(result.diagnostics.first { $0.id == "frontmatter.breadcrumb" })
        #expect(problem.location?.line == 4)
    }
}
