import DocentSite
import DocentTestSupport
import Testing

@Suite struct IncludeParameterCheckTests {
    static let include =
        "{% if include.variant %}<b>{{ include.variant }}</b>{% endif %}<i>{{ include.id }}</i>{{ include.label | default: \"x\" }}"

    @Test func callsThatGiveEveryNeededParameterPass() throws {
        let result = try SiteFixture.check([
            "templates/includes/box.html": Self.include,
            "content/a.md": "---\ntitle: A\n---\n{% include box.html id=\"main\" %}\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aMissingParameterIsReportedAtTheCall() throws {
        let result = try SiteFixture.check([
            "templates/includes/box.html": Self.include,
            "templates/layouts/default.html": "{% include box.html variant=\"x\" %}{{ content }}",
            "content/a.md": "---\ntitle: A\n---\nText {% include box.html variant = \"a b\" %}\n",
        ])
        let problems = result.diagnostics("include").sortedForDisplay
        #expect(
            problems.map { "\($0.location!) \($0.id)" } == [
                "content/a.md:4:6 include.missing-parameter",
                "templates/layouts/default.html:1:1 include.missing-parameter",
            ], "\(result.messages)")
        #expect(problems[0].message == "include `box.html` uses `include.id`, but this call does not give `id`")
    }

    @Test func aParameterTestedByCaseIsOptionalAndOnePassedOnIsNeeded() throws {
        let result = try SiteFixture.check([
            "templates/includes/card.html":
                "{% case include.kind %}{% when 'a' %}A{% endcase %}{% include box.html id=include.value %}",
            "templates/includes/box.html": Self.include,
            "content/a.md": "---\ntitle: A\n---\n\n  {% include card.html %}\n",
        ])
        #expect(
            result.diagnostics("include").map { "\($0.location!) \($0.message)" } == [
                "content/a.md:5:3 include `card.html` uses `include.value`, but this call does not give `value`"
            ], "\(result.messages)")
    }

    @Test func aParameterAppendedOrPrependedIsOptional() throws {
        let result = try SiteFixture.check([
            "templates/includes/badge.html":
                "<span class=\"{{ 'badge ' | append: include.css_class }}\">{{ include.label | prepend: include.icon }}</span>",
            "content/a.md": "---\ntitle: A\n---\n{% include badge.html %}\n",
        ])
        // `label` is printed as it is: still needed; `css_class` and `icon` only add to it.
        #expect(
            result.diagnostics("include").map(\.message) == [
                "include `badge.html` uses `include.label`, but this call does not give `label`"
            ], "\(result.messages)")
    }

    @Test func callsWrittenInsideRawOrACommentAreNotCalls() throws {
        let result = try SiteFixture.check([
            "templates/includes/box.html": Self.include,
            "content/a.md":
                "---\ntitle: A\n---\n{% raw %}{% include box.html %}{% endraw %}{% comment %}{% include box.html %}{% endcomment %}\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func missingIncludeIsReportedWhileRendering() throws {
        let result = try SiteFixture.check(["content/a.md": "---\ntitle: A\n---\n{% include nope.html %}\n"])
        #expect(result.diagnostics.map(\.id) == ["liquid.missing-partial"])
    }
}
