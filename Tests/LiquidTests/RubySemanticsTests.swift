import Liquid
import Testing

/// Ruby Liquid 5 behaviour templates can observe.
@Suite("Ruby Liquid semantics")
struct RubySemanticsTests {
    @Test func selfLooksVariablesUpByComputedName() throws {
        #expect(try render("{% assign k = 'greeting' %}{{ self[k] }}", ["greeting": "hi"]) == "hi")
        #expect(try render("{{ self.x }}|{{ self }}", ["x": 1]) == "1|Liquid::SelfDrop")
        #expect(try render("{% assign s = self %}{% assign x = 2 %}{{ s.x }}") == "2")
        #expect(try render("{% assign self = 'mine' %}{{ self }}") == "mine")
    }

    @Test func ifchangedRendersOnlyWhenItsOutputChanges() throws {
        #expect(
            try render("{% for i in a %}{% ifchanged %}{{ i }}{% endifchanged %}{% endfor %}", ["a": [1, 1, 2, 2, 1]])
                == "121")
    }

    @Test func docBodiesRenderNothingAndAreNotParsed() throws {
        #expect(try render("a{% doc %}{% if %}{{ x {% enddoc %}b") == "ab")
        #expect(try render("a {%- doc -%} x {%- enddoc -%} b") == "ab")
    }

    @Test func rawWhitespaceControlTrimsOutsideOnly() throws {
        #expect(try render("> {%- raw -%} inner {%- endraw -%} <") == "> inner <")
    }

    @Test func firstAndLastOfAStringAreCharacters() throws {
        #expect(try render("{{ s | first }}{{ s | last }}{{ s.first }}{{ s.last }}", ["s": "hello"]) == "hoho")
    }

    @Test func aHashHasNoLastAndIsOneItemToArrayFilters() throws {
        let hash = LiquidValue.drop(LiquidOrderedObject([("a", 1), ("b", 2)]))
        #expect(try render("{{ h.last }}|{{ h | last }}|{{ h.size }}|{{ h | size }}", ["h": hash]) == "||2|2")
        #expect(try render("{{ h | reverse }}", ["h": hash]) == "{\"a\"=>1, \"b\"=>2}")
    }

    @Test func tablerowReadsItsAttributesWithToI() throws {
        #expect(
            try render("{% tablerow i in (1..2) limit: nil %}{{ i }}{% endtablerow %}")
                == "<tr class=\"row1\">\n</tr>\n")
        #expect(
            try render("{% tablerow i in (1..3) cols: 'x' %}{{ i }}{% endtablerow %}")
                == "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td><td class=\"col3\">3</td></tr>\n"
        )
        #expect(throws: LiquidError.self) { try render("{% tablerow i in (1..2) limit: true %}{% endtablerow %}") }
        #expect(try render("{% tablerow i in nothing %}{{ i }}{% endtablerow %}") == "")
    }

    @Test func rangeBoundsThatAreNotNumbersAreZero() throws {
        #expect(try render("{% for i in (a..2) %}{{ i }}{% endfor %}", ["a": "words"]) == "012")
        #expect(try render("{% for i in (a..2) %}{{ i }}{% endfor %}") == "012")
    }

    @Test func blankAndEmptyLiteralsAreNotEqualToEachOther() throws {
        #expect(try render("{% if blank == blank %}y{% endif %}{% if empty == empty %}y{% endif %}") == "")
        #expect(try render("{% if blank != empty %}y{% endif %}") == "y")
    }

    @Test func aWhenRendersOnceForEachMatchingValue() throws {
        #expect(try render("{% case 'a' %}{% when 'a', 'a' %}M{% endcase %}") == "MM")
    }

    @Test func rangesCompareByTheirBounds() throws {
        #expect(try render("{% if (1..3) == r %}same{% endif %}", ["r": .range(1, 3)]) == "same")
    }

    @Test func anOutputEndsAtDoubleBraces() throws {
        #expect(try render("{{ 'a}b' }}") == "a}b")
        #expect(try render("foo {{-}} bar") == "foobar")
    }
}
