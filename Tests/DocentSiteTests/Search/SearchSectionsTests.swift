import DocentSite
import Testing

@Suite struct SearchSectionsTests {
    @Test func headingsWithIDsStartSectionsAndNavigationIsLeftOut() {
        let html = """
            <nav><a href="/">Home</a></nav>
            <main><h1>Title</h1><p>Intro &amp; more.</p>
            <nav class="toc"><a href="#setup">Setup</a></nav>
            <h2 id="setup">Set <code>up</code></h2><p>First<br>second.</p><script>var x = 1;</script>
            <details id="faq-why"><summary>Why?</summary><div><p>Because.</p></div></details>
            <div data-search-ignore><p>Hidden</p></div></main><footer>Foot</footer>
            """
        let sections = SearchSections.read(html: html)
        #expect(
            sections == [
                SearchSection(anchor: "", heading: "Title", text: "Intro & more."),
                SearchSection(anchor: "setup", heading: "Set up", text: "First second."),
                SearchSection(anchor: "faq-why", heading: "Why?", text: "Because."),
            ])
    }

    @Test func aPageWithoutMainIsReadWhole() {
        #expect(
            SearchSections.read(html: "<p>Just text</p>") == [SearchSection(anchor: "", heading: "", text: "Just text")]
        )
    }

    @Test func declarationsCommentsAndScriptTextAreNotText() {
        // Read with the page-editing passes' lexer (`HTMLTokens`): a doctype and a comment are markup, a script's
        // `<` and `>` do not start tags, a quoted `>` does not end one, a lone `<` is text.
        let html = """
            <!DOCTYPE html><html><head><style>p > a { color: red }</style></head><body>
            <!-- a <p>comment</p> --><h2 id="cmp" title="a > b">Compare</h2>
            <p>1 < 2 &lt; 3</p><script>if (a < b) { document.write("<p>no</p>") }</script><p>End.</p></body></html>
            """
        #expect(
            SearchSections.read(html: html) == [
                SearchSection(anchor: "cmp", heading: "Compare", text: "1 < 2 < 3 End.")
            ])
    }

    @Test func wordsAreLowercaseAndSplitAtPunctuationAndTypographicQuotes() {
        #expect(
            Tokenizer.words(in: "INSOMNIA_DISABLE_AUTOMATIC_UPDATES=true organization’s café a")
                == ["insomnia", "disable", "automatic", "updates", "true", "organization", "s", "café"].filter {
                    $0.count >= 2
                })
    }
}
