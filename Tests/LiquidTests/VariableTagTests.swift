import Liquid
import Testing

@Suite("Tags: assign, capture, counters, raw, comment, echo, liquid")
struct VariableTagTests {
    @Test func assignAppliesFilters() throws {
        #expect(try render("{% assign x = 'a,b' | split: ',' | last %}{{ x }}") == "b")
    }

    @Test func assignInsideLoopIsVisibleAfterIt() throws {
        #expect(try render("{% for i in (1..3) %}{% assign last = i %}{% endfor %}{{ last }}") == "3")
    }

    @Test func captureStoresTheRenderedBody() throws {
        #expect(
            try render("{% capture greeting %}Hi {{ name }}!{% endcapture %}[{{ greeting }}]", ["name": "Ada"])
                == "[Hi Ada!]")
    }

    @Test func incrementAndDecrementKeepTheirOwnCounters() throws {
        #expect(
            try render("{% increment c %}{% increment c %}{% decrement d %}{% decrement d %}|{{ c }}") == "01-1-2|2")
        #expect(try render("{% assign c = 10 %}{% increment c %}{{ c }}") == "010")
    }

    @Test func rawKeepsLiquidSyntaxVerbatim() throws {
        #expect(try render("{% raw %}{{ not rendered }} {% if %}{% endraw %}") == "{{ not rendered }} {% if %}")
    }

    @Test func commentsAreDropped() throws {
        #expect(try render("a{% comment %}{% if broken %}{{ x }}{% endcomment %}b{% # inline note %}c") == "abc")
    }

    @Test func echoOutputsLikeAnObject() throws {
        #expect(try render("{% echo 'hi' | upcase %}") == "HI")
    }

    @Test func liquidTagRunsOneTagPerLine() throws {
        let template = """
            {% liquid
              assign n = 3
              for i in (1..n)
                echo i
              endfor
              # a comment line
            %}
            """
        #expect(try render(template) == "123")
    }
}
