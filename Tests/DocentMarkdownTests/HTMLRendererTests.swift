import Foundation
import Testing

@testable import DocentMarkdown

@Suite struct HTMLRendererTests {
    @Test func gfmExtensionsRender() {
        let html = Markdown.html("~~old~~ https://example.com\n\n- [x] done\n- [ ] todo\n")
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(html.contains("<li class=\"task-list-item\"><input type=\"checkbox\" disabled checked> done</li>"))
        #expect(html.contains("<li class=\"task-list-item\"><input type=\"checkbox\" disabled> todo</li>"))
    }

    @Test func rawHTMLIsKept() {
        #expect(Markdown.html("<div class=\"x\">hi</div>\n") == "<div class=\"x\">hi</div>\n")
        #expect(Markdown.html("a <kbd>b</kbd>\n") == "<p>a <kbd>b</kbd></p>\n")
    }

    @Test func tableWithAlignment() {
        let html = Markdown.html("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        #expect(
            html
                == "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n"
        )
    }

    @Test func linksAndImagesGoThroughTheHooks() {
        let renderer = HTMLRenderer(
            rewriteLink: { $0 == "sso.md#setup" ? "/insomnia/sso/#setup" : $0 },
            rewriteImage: { "/assets/" + $0.split(separator: "/").last! })
        let html = Markdown.html("[SSO](sso.md#setup) ![shot](../assets/images/a.jpg)\n", renderer: renderer)
        #expect(
            html
                == "<p><a href=\"/insomnia/sso/#setup\">SSO</a> <img src=\"/assets/a.jpg\" alt=\"shot\" loading=\"lazy\" /></p>\n"
        )
    }

    @Test func textIsEscaped() {
        #expect(Markdown.html("a < b & \"c\"\n") == "<p>a &lt; b &amp; &quot;c&quot;</p>\n")
    }

    @Test func looseAndTightLists() {
        #expect(Markdown.html("1. a\n2. b\n") == "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n")
        #expect(
            Markdown.html("3. a\n\n4. b\n") == "<ol start=\"3\">\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>\n"
        )
        #expect(Markdown.html("- a\n  - b\n") == "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n")
    }
}

@Suite struct ParallelParsingTests {
    /// cmark-gfm shares its table of special characters between parsers; parsing on many threads at once must
    /// still find every `~~strike~~` (Docent parses pages in parallel).
    @Test func strikethroughSurvivesParallelParsing() {
        let text = (0..<200).map { "- item \($0)\n  - ~~old \($0)~~ new\n\nSome *text* to parse.\n" }.joined()
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            if Markdown.html(text).components("<del>") != 200 { failures.increment() }
        }
        #expect(failures.value == 0)
        #expect(CmarkParser.isThreadSafe)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
