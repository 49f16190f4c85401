import Liquid
import Testing

@Suite("Standard filters")
struct FilterTests {
    @Test(arguments: [
        ("{{ 'hello' | upcase }}", "HELLO"),
        ("{{ 'HeLLo' | downcase }}", "hello"),
        ("{{ 'hELLO world' | capitalize }}", "Hello world"),
        ("{{ 'a' | append: 'b' | prepend: '>' }}", ">ab"),
        ("{{ '  x  ' | strip }}|{{ '  x  ' | lstrip }}|{{ '  x  ' | rstrip }}", "x|x  |  x"),
        ("{{ 'a\nb' | newline_to_br }}", "a<br />\nb"),
        ("{{ 'a\nb\r\nc' | strip_newlines }}", "abc"),
        (
            "{{ 'aXbXc' | replace: 'X', '-' }}|{{ 'aXbXc' | replace_first: 'X', '-' }}|{{ 'aXbXc' | replace_last: 'X', '-' }}",
            "a-b-c|a-bXc|aXb-c"
        ),
        (
            "{{ 'aXbXc' | remove: 'X' }}|{{ 'aXbXc' | remove_first: 'X' }}|{{ 'aXbXc' | remove_last: 'X' }}",
            "abc|abXc|aXbc"
        ),
        ("{{ 'Ground control to Major Tom.' | truncate: 20 }}", "Ground control to..."),
        ("{{ 'Ground control to Major Tom.' | truncate: 25, ', and so on' }}", "Ground control, and so on"),
        ("{{ 'Ground control to Major Tom.' | truncatewords: 3 }}", "Ground control to..."),
        ("{{ 'a,b,,c,,' | split: ',' | join: '|' }}", "a|b||c"),
        ("{{ '<p>\"x\" &</p>' | escape }}", "&lt;p&gt;&quot;x&quot; &amp;&lt;/p&gt;"),
        ("{{ '&lt; & <' | escape_once }}", "&lt; &amp; &lt;"),
        ("{{ 'a b&c/d' | url_encode }}|{{ 'a+b%26c' | url_decode }}", "a+b%26c%2Fd|a b&c"),
        ("{{ '<script>x</script><b>bold</b><!-- c -->' | strip_html }}", "bold"),
        ("{{ 'hello' | slice: 1, 3 }}|{{ 'hello' | slice: -2 }}", "ell|l"),
        ("{{ 'hi' | base64_encode }}|{{ 'aGk=' | base64_decode }}", "aGk=|hi"),
        (
            "{{ 4 | plus: 2 }}|{{ 4 | minus: 6 }}|{{ 3 | times: 4 }}|{{ 7 | divided_by: 2 }}|{{ -7 | modulo: 3 }}",
            "6|-2|12|3|2"
        ),
        ("{{ 7.0 | divided_by: 2 }}|{{ 20 | divided_by: 7.0 }}", "3.5|2.857142857142857"),
        (
            "{{ 4.5 | round }}|{{ 183.357 | round: 2 }}|{{ 1.2 | ceil }}|{{ 1.8 | floor }}|{{ -3 | abs }}",
            "5|183.36|2|1|3"
        ),
        ("{{ 3 | at_least: 5 }}|{{ 9 | at_most: 5 }}", "5|5"),
        ("{{ '3.5' | plus: 1 }}|{{ 'abc' | plus: 1 }}", "4.5|1"),
        (
            "{{ nil | default: 'd' }}|{{ '' | default: 'd' }}|{{ false | default: 'd' }}|{{ false | default: 'd', allow_false: true }}",
            "d|d|d|false"
        ),
        ("{{ 1152098955 | date: '%Y-%m-%d %H:%M' }}", "2006-07-05 11:29"),
        ("{{ '2020-06-15 14:30:00' | date: '%a %b %-d, %I:%M %p' }}", "Mon Jun 15, 02:30 PM"),
    ])
    func stringAndNumberFilters(template: String, expected: String) throws {
        #expect(try render(template) == expected)
    }

    let products: [String: LiquidValue] = [
        "products": [
            ["title": "B", "price": 2, "type": "hat", "available": true],
            ["title": "a", "price": 1, "type": "shoe", "available": false],
            ["title": "C", "price": 3, "type": "hat", "available": true],
        ],
        "numbers": [3, 1, 2, 1],
    ]

    @Test(arguments: [
        ("{{ numbers | sort | join: ',' }}", "1,1,2,3"),
        ("{{ numbers | uniq | join: ',' }}", "3,1,2"),
        ("{{ numbers | reverse | join: ',' }}", "1,2,1,3"),
        ("{{ numbers | first }}{{ numbers | last }}{{ numbers | size }}", "314"),
        ("{{ numbers | sum }}", "7"),
        ("{{ products | map: 'title' | join: ',' }}", "B,a,C"),
        ("{{ products | sort: 'price' | map: 'title' | join: ',' }}", "a,B,C"),
        ("{{ products | sort_natural: 'title' | map: 'title' | join: ',' }}", "a,B,C"),
        ("{{ products | where: 'type', 'hat' | map: 'title' | join: ',' }}", "B,C"),
        ("{{ products | where: 'available' | size }}", "2"),
        ("{{ products | reject: 'available' | map: 'title' }}", "a"),
        ("{{ products | find: 'price', 3 | map: 'title' }}", "C"),
        ("{{ products | find_index: 'price', 3 }}", "2"),
        ("{{ products | has: 'type', 'shoe' }}", "true"),
        ("{{ products | sum: 'price' }}", "6"),
        ("{{ numbers | concat: numbers | size }}", "8"),
        ("{{ products | map: 'missing' | compact | size }}", "0"),
    ])
    func arrayFilters(template: String, expected: String) throws {
        #expect(try render(template, products) == expected)
    }

    @Test func divisionByZeroIsAnError() {
        let error = #expect(throws: LiquidError.self) { try render("{{ 1 | divided_by: 0 }}") }
        #expect(error?.message == "divided by 0")
    }

    @Test func unknownFilterIsAParseErrorInStrictMode() {
        let error = #expect(throws: LiquidError.self) { try render("\n{{ x | nope }}") }
        #expect(error?.id == "liquid.unknown-filter")
        #expect(error?.location == LiquidLocation(file: "test.html", line: 2, column: 1))
    }

    @Test func unknownFilterLeavesTheValueInLaxMode() throws {
        #expect(try render("{{ 'x' | nope | upcase }}") { $0.strictFilters = false } == "X")
    }
}
