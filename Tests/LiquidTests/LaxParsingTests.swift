import Liquid
import Testing

/// Markup the strict parser rejects, read as Ruby Liquid's lax parser reads it (Jekyll's default error mode).
@Suite("Lax parsing: malformed markup as Ruby reads it")
struct LaxParsingTests {
    func lax(_ source: String, _ variables: [String: LiquidValue] = [:]) throws -> String {
        try render(source, variables) { $0.errorMode = .lax }
    }

    @Test func anOutputIsItsFirstFragmentAndIgnoresTheRest() throws {
        #expect(try lax("{{ false 1 }}") == "false")
        #expect(try lax("{{ 'a' 'b' }}") == "a")
        #expect(try lax("{{ #{1+1} }}") == "")
    }

    @Test func filtersToleratePunctuationRubyIgnores() throws {
        #expect(try lax("{{ 'a' | append: 'b', | upcase: }}") == "AB")
        #expect(try lax("{{ 'a' | | upcase }}") == "A")
        #expect(try lax("{{ 'abc' | remove: 'b' ~~~ }}") == "ac")
    }

    @Test func aVariableIsTheNamesAndBracketsItHolds() throws {
        #expect(try lax("{{ a-b }}", ["a-b": "dash"]) == "dash")
        #expect(try lax("{{ a..b }}", ["a": .object(["b": "x"])]) == "x")
    }

    @Test func rangesWithThreeDotsAreRead() throws {
        #expect(try lax("{% for i in (1...3) %}{{ i }}{% endfor %}") == "123")
    }

    @Test func conditionsIgnoreUnknownPunctuation() throws {
        #expect(try lax("{% if true && false %}yes{% endif %}") == "yes")
        #expect(try lax("{% if x == 'x' ~~ %}yes{% endif %}", ["x": "x"]) == "yes")
        #expect(try lax("{% if 1 == 1 and 2 == 2 %}both{% endif %}") == "both")
    }

    @Test func anUnknownOperatorIsStillAnError() {
        #expect(throws: LiquidError.self) { try lax("{% if 1 =! 1 %}x{% endif %}") }
    }

    @Test func cycleAndWhenAndForTolerateStrayMarkup() throws {
        #expect(try lax("{% cycle .5: 'a', 'b' %}{% cycle .5: 'a', 'b' %}") == "ab")
        #expect(try lax("{% case 2 %}{% when 1 or 2 ~ %}two{% endcase %}") == "two")
        #expect(try lax("{% for i in (1..4) limit: 2 ~ %}{{ i }}{% endfor %}") == "12")
    }

    @Test func partialCallsKeepTheirAttributesPastStrayMarkup() throws {
        for tag in ["render", "include"] {
            let output = try render("{% \(tag) 'p' !!! a: 1 ~~~ b: 'x' %}") {
                $0.errorMode = .lax
                $0.fileSystem = LiquidMemoryFileSystem(["p": "{{ a }}{{ b }}"])
            }
            #expect(output == "1x")
        }
    }

    @Test func hostileMarkupStaysBounded() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(try lax("{{ \(deep) }}") == "")
        let quotes = String(repeating: "'\"", count: 5000)
        _ = try lax("{{ x \(quotes) | \(quotes) }}")
        let words = String(repeating: "ab ", count: 5000)
        _ = try lax("{% for i in x \(words) %}{% endfor %}")
    }
}
