import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// Code blocks are highlighted when the site is built, in the markup Jekyll writes with Rouge.
@Suite struct CodeHighlightingTests {
    private func page(_ body: String, config: String = "title: T\n", jekyll: Bool = true) throws -> String {
        let files: [String: String] =
            jekyll
            ? ["_config.yml": config, "p.md": "---\n---\n" + body]
            : SiteFixture.basics.merging(["content/p.md": "---\ntitle: P\n---\n" + body]) { $1 }
        let site = try SiteFixture(files)
        defer { site.remove() }
        let (result, output) = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        let html = output.text(jekyll ? "p.html" : "p/index.html") ?? ""
        guard let start = html.range(of: "<main>"), let end = html.range(of: "</main>") else { return html }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func aFencedBlockIsWrittenInRougesMarkupWithTokenClasses() throws {
        #expect(
            try page("```js\nlet x = 1;\n```\n")
                == "<div class=\"language-js highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"kd\">let</span> <span class=\"nx\">x</span> <span class=\"o\">=</span> <span class=\"mi\">1</span><span class=\"p\">;</span>\n</code></pre></div></div>\n"
        )
    }

    @Test func aTitleIsWrittenAboveTheCode() throws {
        let html = try page("```js title=\"app.js\"\nx\n```\n", jekyll: false)
        #expect(
            html
                == "<div class=\"language-js highlighter-rouge\"><div class=\"code-title\">app.js</div><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"nx\">x</span>\n</code></pre></div></div>\n"
        )
    }

    @Test func highlightedLinesAreWrappedInHll() throws {
        let html = try page("```text {2}\none\ntwo\nthree\n```\n")
        #expect(html.contains("<code>one\n<span class=\"hll\">two\n</span>three\n</code>"))
    }

    @Test func lineNumbersAreRougesTable() throws {
        let html = try page("```python showLineNumbers\npass\npass\n```\n")
        #expect(
            html.contains(
                "<code><table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n2\n</pre></td><td class=\"code\"><pre><span class=\"k\">pass</span>\n<span class=\"k\">pass</span>\n</pre></td></tr></tbody></table></code>"
            ))
    }

    @Test func aDiffMarksAddedAndRemovedLines() throws {
        let html = try page("```diff\n-old\n+new\n same\n```\n")
        #expect(html.contains("<code><span class=\"gd\">-old\n</span><span class=\"gi\">+new\n</span> same\n</code>"))
        let javascript = try page("```diff-js\n-var a\n+let a\n```\n")
        #expect(
            javascript.contains(
                "<code><span class=\"gd\"><span class=\"o\">-</span><span class=\"kd\">var</span> <span class=\"nx\">a</span>\n</span><span class=\"gi\"><span class=\"o\">+</span><span class=\"kd\">let</span> <span class=\"nx\">a</span>\n</span></code>"
            ))
    }

    @Test func theHighlightTagIsWrittenAsJekyllWritesIt() throws {
        let html = try page("{% highlight ruby %}\ndef foo\n\n  puts \"x\"\nend\n{% endhighlight %}\n")
        #expect(
            html.contains(
                "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\"><span class=\"k\">def</span> <span class=\"nf\">foo</span>\n&#10;  <span class=\"nb\">puts</span> <span class=\"s2\">\"x\"</span>\n<span class=\"k\">end</span></code></pre></figure>"
            ), "\(html)")
        let numbered = try page("{% highlight python linenos %}\npass\n{% endhighlight %}\n")
        #expect(
            numbered.contains(
                "<code class=\"language-python\" data-lang=\"python\"><table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n</pre></td><td class=\"code\"><pre><span class=\"k\">pass</span>\n</pre></td></tr></tbody></table></code>"
            ))
    }

    @Test func highlighterNoneAndUnknownLanguagesPassThroughEscaped() throws {
        #expect(
            try page("```js\na < b\n```\n", config: "highlighter: none\n")
                == "<pre><code class=\"language-js\">a &lt; b\n</code></pre>\n")
        #expect(
            try page("```nosuchlang\na < b\n```\n")
                == "<pre><code class=\"language-nosuchlang\">a &lt; b\n</code></pre>\n")
        #expect(
            try page("{% highlight js %}\nlet a\n{% endhighlight %}\n", config: "highlighter: none\n")
                == "<figure class=\"highlight\"><pre><code class=\"language-js\" data-lang=\"js\">let a</code></pre></figure>\n"
        )
    }

    @Test func inlineCodeAndPlainBlocksCarryKramdownsClassesInAJekyllSite() throws {
        #expect(
            try page("Run `ls`.\n") == "<p>Run <code class=\"language-plaintext highlighter-rouge\">ls</code>.</p>\n")
        #expect(
            try page("```\nplain <b>\n```\n")
                == "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>plain &lt;b&gt;\n</code></pre></div></div>\n"
        )
        #expect(try page("Run `ls`.\n", jekyll: false) == "<p>Run <code>ls</code>.</p>\n")
    }
}
