import DocentSite
import DocentTestSupport
import Testing

/// Recursion through includes is an error only when a render does not end (Liquid's depth limit), and then it is
/// told as the loop it repeats, once, at the call that closes it.
@Suite struct IncludeRecursionTests {
    @Test func includesThatNestWithoutALoopPass() throws {
        let result = try SiteFixture.check([
            "templates/includes/a.html": "A {% include b.html %}",
            "templates/includes/b.html": "B {% include c.html %}",
            "templates/includes/c.html": "C",
            "content/x.md": "---\ntitle: X\n---\n{% include a.html %}\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    /// A nested table of contents: the include calls itself for each level of the data, which ends.
    @Test func anIncludeThatCallsItselfUntilItsDataEndsIsNotAnError() throws {
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "templates/includes/toc.html": """
                <ul>{% for item in include.items %}<li>{{ item.title }}\
                {% if item.children %}{% include toc.html items=item.children %}{% endif %}</li>{% endfor %}</ul>
                """,
                "content/_data/toc.yml":
                    "- title: One\n  children:\n    - title: Two\n      children:\n        - title: Three\n",
                "content/x.md": "---\ntitle: X\n---\n{% include toc.html items=site.data.toc %}\n",
            ]) { $1 })
        defer { site.remove() }
        let (result, output) = site.build(checks: true)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(String(decoding: output.files["x/index.html"] ?? [], as: UTF8.self).contains("<li>Three</li>"))
    }

    @Test func aLoopThatNeverEndsIsOneErrorAtTheCallThatClosesIt() throws {
        let result = try SiteFixture.check([
            "templates/includes/a.html": "A\n{% include b.html %}",
            "templates/includes/b.html": "B {%- include a.html -%}",
            "content/x.md": "---\ntitle: X\n---\n\n{% include a.html %}\n",
            "content/y.md": "---\ntitle: Y\n---\n{% include a.html %}\n",
        ])
        #expect(
            result.messages == [
                "templates/includes/b.html:1:3: liquid.include-depth: include `a.html` includes itself with nothing that ends it: a.html → b.html → a.html"
            ])
        let error = try #require(result.diagnostics.first)
        // Told from the page's call into the loop, not through a hundred "included from" lines.
        #expect(error.includeChain.count == 2, "\(error.includeChain)")
        #expect(error.includeChain.last == SourceLocation(file: "templates/includes/a.html", line: 2, column: 1))
    }

    @Test func anIncludeThatIncludesItselfNamesOneFile() throws {
        let result = try SiteFixture.check([
            "templates/includes/self.html": "{% include self.html %}",
            "content/x.md": "---\ntitle: X\n---\n{% include self.html %}\n",
        ])
        #expect(
            result.messages == [
                "templates/includes/self.html:1:1: liquid.include-depth: include `self.html` includes itself with nothing that ends it: self.html → self.html"
            ])
    }
}
