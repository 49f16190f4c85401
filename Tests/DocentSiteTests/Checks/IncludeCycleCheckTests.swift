import DocentSite
import DocentTestSupport
import Testing

@Suite struct IncludeCycleCheckTests {
    @Test func includesThatNestWithoutACyclePass() throws {
        let result = try SiteFixture.check([
            "templates/includes/a.html": "A {% include b.html %}",
            "templates/includes/b.html": "B {% include c.html %}",
            "templates/includes/c.html": "C",
            "content/x.md": "---\ntitle: X\n---\n{% include a.html %}\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func anIncludeThatDoesNotParseIsNotFollowed() throws {
        let result = try SiteFixture.check([
            "templates/includes/a.html": "{% include a.html %}{% if %}",
            "content/x.md": "---\ntitle: X\n---\nText.\n",
        ])
        #expect(result.diagnostics("include").isEmpty, "\(result.messages)")
    }

    @Test func anIncludeThatComesBackToItselfIsReportedOnceAtTheClosingCall() throws {
        let result = try SiteFixture.check([
            "templates/includes/a.html": "A\n{% include b.html %}",
            "templates/includes/b.html": "B {%- include a.html -%}",
            "templates/includes/self.html": "{% include self.html %}",
            "content/x.md": "---\ntitle: X\n---\nText.\n",
        ])
        #expect(
            result.messages == [
                "templates/includes/b.html:1:3: include.cycle: include `a.html` includes itself: a.html → b.html → a.html",
                "templates/includes/self.html:1:1: include.cycle: include `self.html` includes itself: self.html → self.html",
            ])
    }
}
