import Testing

@testable import DocentMarkdown

@Suite struct AttributeListTests {
    @Test func classBeforeBlockquoteMakesACallout() {
        let html = Markdown.html("{:.info}\n> Roles are defined on the team level.\n")
        #expect(html == "<blockquote class=\"info\">\n<p>Roles are defined on the team level.</p>\n</blockquote>\n")
    }

    @Test func classAfterBlockquoteLastLineAppliesToTheBlockquote() {
        let html = Markdown.html("> Careful.\n{:.warning}\n")
        #expect(html == "<blockquote class=\"warning\">\n<p>Careful.</p>\n</blockquote>\n")
    }

    @Test func spacedFormWithSeveralClassesAndAnID() {
        let html = Markdown.html("{: .note .decorative #tip}\n> Tip.\n")
        #expect(html == "<blockquote id=\"tip\" class=\"note decorative\">\n<p>Tip.</p>\n</blockquote>\n")
    }

    @Test func classAfterCodeBlockAddsTheClassToTheBlock() {
        // On the outer element of Rouge's markup, where kramdown puts it.
        let html = Markdown.html("```bash\nls\n```\n{:.no-copy}\n")
        #expect(
            html
                == "<div class=\"language-bash highlighter-rouge no-copy\"><div class=\"highlight\"><pre class=\"highlight\"><code>ls\n</code></pre></div></div>\n"
        )
        let plain = Markdown.html("```bash\nls\n```\n{:.no-copy}\n", renderer: HTMLRenderer(code: .plain))
        #expect(plain == "<pre class=\"no-copy\"><code class=\"language-bash\">ls\n</code></pre>\n")
    }

    @Test func classAfterTableAddsTheClassToTheTable() {
        let html = Markdown.html("| a | b |\n|---|---|\n| 1 | 2 |\n{:.compact}\n")
        #expect(html.hasPrefix("<table class=\"compact\">"))
        #expect(!html.contains("{:"))
        #expect(html.components("<tr>") == 2)
    }

    @Test func paragraphTrailingLineAppliesToTheParagraph() {
        #expect(Markdown.html("Some text.\n{:.lead}\n") == "<p class=\"lead\">Some text.</p>\n")
    }

    @Test func onlyBlocksOnLinesWithAnOpenerAreLookedAt() {
        // Lists deep in a long document, nested, on the last line and inside a quote: each still applies; the
        // blocks around them, on lines without `{:` or `{#`, are passed over unchanged.
        var text = ""
        for number in 0..<200 { text += "Paragraph \(number) with {braces} and a: colon.\n\n" }
        text += "- item\n\n  > nested\n  {:.deep}\n\n"
        text += "## Heading {#custom}\n\nLast words **bold**{:.x}.\n{:.lead}\n"
        let html = Markdown.html(text)
        #expect(html.contains("<blockquote class=\"deep\">"))
        #expect(html.contains("<h2 id=\"custom\">Heading</h2>"))
        #expect(html.contains("<p class=\"lead\">Last words <strong>bold</strong>.</p>"))
        #expect(html.contains("<p>Paragraph 199 with {braces} and a: colon.</p>"))
        #expect(!html.contains("{:"))
    }

    @Test func openerLinesFindTheLinesWithAnOpener() {
        let lines = OpenerLines("a\n{:.x}\nb { : c\n\n## d {#e}\n{")
        #expect(!lines.isEmpty)
        #expect(lines.any(from: 1, through: 1) == false)
        #expect(lines.any(from: 2, through: 2))
        #expect(lines.any(from: 3, through: 4) == false)
        #expect(lines.any(from: 3, through: 5))
        #expect(lines.any(from: 6, through: 9) == false)
        // A range whose end is unknown (before its start) is looked at.
        #expect(lines.any(from: 7, through: 0))
        #expect(OpenerLines("no lists here {braces}").isEmpty)
    }

    @Test func headingExplicitIDWins() {
        #expect(Markdown.html("## Set up SSO {#sso}\n") == "<h2 id=\"sso\">Set up SSO</h2>\n")
    }

    @Test func spanAttributeListsNeverReachTheHTML() {
        let html = Markdown.html("Click **Save**{:.ui} now.\n")
        #expect(html == "<p>Click <strong>Save</strong> now.</p>\n")
    }

    @Test func textThatOnlyLooksLikeAnAttributeListIsKept() {
        #expect(Markdown.html("Use {:x y} here.\n") == "<p>Use {:x y} here.</p>\n")
        #expect(AttributeList.parse("{:.info") == nil)
        #expect(
            AttributeList.parse("{: data-x=\"1 2\" .a}")
                == BlockAttributes(classes: ["a"], pairs: [.init(name: "data-x", value: "1 2")]))
    }
}

extension String {
    func components(_ separator: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
