import DocentSite
import DocentTestSupport
import Foundation
import Liquid
import Testing

@Suite struct BadInputTests {
    private func diagnostics(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try SiteFixture(SiteFixture.basics.merging(files) { $1 })
        defer { site.remove() }
        return site.build().result.diagnostics
    }

    @Test func malformedYAMLIsReportedAtItsLineInTheFile() throws {
        let found = try diagnostics(["content/a.md": "---\ntitle: A\nbreadcrumbs: [oops\n---\nBody\n"])
        let error = try #require(found.first { $0.id == "frontmatter.yaml" })
        #expect(error.location?.file == "content/a.md")
        // At the `[` that is never closed (Yams alone points at the closing `---` on line 4).
        #expect(error.location == SourceLocation(file: "content/a.md", line: 3, column: 14))
    }

    @Test func wrongTypeNamesTheKeyPathAtItsLine() throws {
        let found = try diagnostics(["content/a.md": "---\ntitle: A\nfaqs:\n  - q: Why?\n    a: [1, 2]\n---\n"])
        let error = try #require(found.first { $0.id == "frontmatter.type" })
        #expect(error.message.contains("faqs[0].a"))
        #expect(error.location == SourceLocation(file: "content/a.md", line: 5, column: 5))
    }

    @Test func unclosedFrontMatterIsAnError() throws {
        let found = try diagnostics(["content/a.md": "---\ntitle: A\nBody\n"])
        #expect(found.map(\.id) == ["frontmatter.unclosed"])
    }

    @Test func missingLayoutSuggestsTheClosestName() throws {
        let found = try diagnostics(["content/a.md": "---\ntitle: A\nlayout: defualt\n---\n"])
        let error = try #require(found.first { $0.id == "layout.missing" })
        #expect(error.location == SourceLocation(file: "content/a.md", line: 3, column: 1))
        #expect(error.fixIt == "use `layout: default`")
    }

    @Test func missingIncludeIsReportedAtTheTag() throws {
        let found = try diagnostics(["content/a.md": "---\ntitle: A\n---\nLine one.\n\n{% include nope.md %}\n"])
        let error = try #require(found.first { $0.id == "liquid.missing-partial" })
        #expect(error.location?.file == "content/a.md")
        #expect(error.location?.line == 6)
    }

    @Test func anErrorInsideAnIncludeIsReportedInTheIncludeFileWithItsCall() throws {
        let found = try diagnostics([
            "templates/includes/broken.md": "Fine.\n{% if %}\n",
            "content/a.md": "---\ntitle: A\n---\n{% include broken.md %}\n",
        ])
        let error = try #require(found.first { $0.location?.file.hasSuffix("broken.md") == true })
        #expect(error.location == SourceLocation(file: "templates/includes/broken.md", line: 2, column: 1))
        #expect(error.includeChain == [SourceLocation(file: "content/a.md", line: 4, column: 1)])
    }

    @Test func includeCycleStopsWithAnErrorNotAHang() throws {
        let found = try diagnostics([
            "templates/includes/a.md": "{% include b.md %}", "templates/includes/b.md": "{% include a.md %}",
            "content/a.md": "---\ntitle: A\n---\n{% include a.md %}\n",
        ])
        #expect(found.contains { $0.id == "liquid.include-depth" })
    }

    @Test func includeOutsideItsFolderIsRefused() throws {
        let found = try diagnostics(["content/a.md": "---\ntitle: A\n---\n{% include ../../docent.yml %}\n"])
        #expect(found.contains { $0.id == "liquid.include-outside-root" })
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() throws {
        let site = try SiteFixture(SiteFixture.basics)
        defer { site.remove() }
        try site.write("content/bad.md", Data("---\ntitle: B\n---\nok\nab".utf8) + Data([0xFF, 0x41]))
        let found = site.build().result.diagnostics
        #expect(found.first?.id == "source.encoding")
        #expect(found.first?.location == SourceLocation(file: "content/bad.md", line: 5, column: 3))
    }

    @Test func binaryFileNamedLikeAPageIsRefused() throws {
        let site = try SiteFixture(SiteFixture.basics)
        defer { site.remove() }
        try site.write("content/logo.md", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]))
        #expect(site.build().result.diagnostics.map(\.id) == ["source.binary"])
    }

    @Test func hugePageIsRefusedWithADiagnostic() throws {
        let site = try SiteFixture(SiteFixture.basics)
        defer { site.remove() }
        try site.write("content/huge.md", Data(repeating: UInt8(ascii: "a"), count: 50 << 20))
        let found = site.build().result.diagnostics
        #expect(found.map(\.id) == ["source.too-large"])
        #expect(found.first?.message.contains("50 MB") == true)
    }

    @Test func everyProblemOfTheBuildIsListed() throws {
        let found = try diagnostics([
            "content/a.md": "---\ntitle: [\n---\n", "content/b.md": "---\nlayout: nope\n---\n",
            "content/c.md": "---\nbreadcrumbs:\n  - /missing/\n---\n", "content/d.md": "{% if %}\n",
        ])
        #expect(Set(found.map(\.location?.file)) == ["content/a.md", "content/b.md", "content/c.md", "content/d.md"])
    }

    @Test func unknownBreadcrumbIsAnErrorAtItsLine() throws {
        let found = try diagnostics([
            "content/index.md": "---\ntitle: Home\n---\n",
            "content/a.md": "---\ntitle: A\nbreadcrumbs:\n  - /\n  - /insomnia/\n---\n",
        ])
        let error = try #require(found.first { $0.id == "frontmatter.breadcrumb" })
        #expect(error.location == SourceLocation(file: "content/a.md", line: 5, column: 5))
    }
}

@Suite struct YAMLScalarTests {
    @Test func plainScalarsResolveAsYAMLDoesAndQuotedOnesStayText() throws {
        let yaml = """
            a: 42
            b: -3.5e2
            c: true
            d: no
            e: ~
            f: "42"
            g: 2024-05-20
            h: 0x1F
            i: 1.2.3
            j: '.5'
            k: .5
            """
        guard case .success(let data) = YAMLData.parse(yaml), case .object(let values) = data.value else {
            Issue.record("not parsed")
            return
        }
        #expect(values["a"] == .int(42))
        #expect(values["b"] == .double(-350))
        #expect(values["c"] == .bool(true))
        #expect(values["d"] == .bool(false))
        #expect(values["e"] == .nil)
        #expect(values["f"] == .string("42"))
        #expect(values["g"] == .string("2024-05-20"))
        #expect(values["h"] == .int(31))
        #expect(values["i"] == .string("1.2.3"))
        #expect(values["j"] == .string(".5"))
        #expect(values["k"] == .double(0.5))
    }

    @Test func duplicateKeysAreAnError() {
        guard case .failure(let error) = YAMLData.parse("title: A\ntitle: B\n") else {
            Issue.record("duplicate keys accepted")
            return
        }
        #expect(error.message.contains("set twice"))
        #expect(error.line == 2)  // the second occurrence (Yams names the key at the document's start)
    }
}
