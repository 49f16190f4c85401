import Liquid
import Testing

@Suite("Output, literals and lookups")
struct OutputTests {
    @Test func textPassesThroughUnchanged() throws {
        #expect(try render("  hello\n  world  ") == "  hello\n  world  ")
    }

    @Test func literalsRenderAsRubyWould() throws {
        #expect(
            try render("{{ 'a' }}|{{ \"b\" }}|{{ 42 }}|{{ -2.5 }}|{{ true }}|{{ nil }}|{{ 1.0 }}")
                == "a|b|42|-2.5|true||1.0")
    }

    @Test func floatsUseRubyNotation() throws {
        #expect(try render("{{ 0.1 | plus: 0.2 }} {{ 10.0 | divided_by: 4 }} {{ 1.5 | times: 2 }}") == "0.3 2.5 3.0")
    }

    @Test func dotAndBracketLookups() throws {
        let variables: [String: LiquidValue] = [
            "page": ["title": "Home", "tags": ["a", "b", "c"], "meta": ["key": "v"]], "k": "key",
        ]
        #expect(
            try render("{{ page.title }} {{ page['title'] }} {{ page.tags[1] }} {{ page.meta[k] }}", variables)
                == "Home Home b v")
        #expect(try render("{{ page.tags[-1] }} {{ page.missing.deeper }}", variables) == "c ")
    }

    @Test func sizeFirstAndLastAreCommandsOnArraysAndStrings() throws {
        let variables: [String: LiquidValue] = ["items": [1, 2, 3], "name": "héllo", "hash": ["size": "own"]]
        #expect(
            try render("{{ items.size }} {{ items.first }} {{ items.last }} {{ name.size }} {{ hash.size }}", variables)
                == "3 1 3 5 own")
    }

    @Test func rangesRenderAsTheirBoundsAndIterate() throws {
        #expect(try render("{{ (1..3) }} {% for i in (1..3) %}{{ i }}{% endfor %}") == "1..3 123")
        #expect(try render("{% assign n = 4 %}{{ (2..n) | join: ',' }}") == "2,3,4")
    }

    @Test func whitespaceControlTrimsOnTheMarkedSide() throws {
        #expect(try render("a  \n  {{- 'b' -}}  \n  c") == "abc")
        #expect(try render("a \n {%- if true -%} \n b \n {%- endif -%} \n c") == "abc")
        #expect(try render("a {{ 'b' -}} c") == "a bc")
    }

    @Test func arraysRenderJoinedAndHashesInspected() throws {
        #expect(try render("{{ items }}", ["items": ["a", "b"]]) == "ab")
        #expect(try render("{{ h }}", ["h": ["a": 1]]) == "{\"a\"=>1}")
    }

    @Test func orderedObjectsKeepTheirKeyOrder() throws {
        let object = LiquidValue.drop(LiquidOrderedObject([("z", 1), ("a", 2)]))
        #expect(
            try render("{% for pair in o %}{{ pair[0] }}={{ pair[1] }};{% endfor %}{{ o.a }}", ["o": object])
                == "z=1;a=2;2")
    }

    @Test func undefinedVariablesRenderNothing() throws {
        #expect(try render("[{{ missing }}][{{ missing.x.y }}]") == "[][]")
    }
}
