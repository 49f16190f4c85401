import Liquid
import Testing

@Suite("Extension points: filters, tags, block tags")
struct ExtensionTests {
    @Test func registeredFilterReceivesPositionalAndNamedArguments() throws {
        let output = try render("{{ 'x' | wrap: '[', close: ']' }}") { configuration in
            configuration.registerFilter("wrap") { input, positional, named in
                .string(positional[0].liquidString + input.liquidString + (named["close"]?.liquidString ?? ""))
            }
        }
        #expect(output == "[x]")
    }

    @Test func filterErrorGetsTheTagPosition() {
        let error = #expect(throws: LiquidError.self) {
            try render("\n  {{ 'x' | fail }}") { configuration in
                configuration.registerFilter("fail") { _, _, _ throws(LiquidError) in
                    throw LiquidError(id: "docent.custom", message: "nope")
                }
            }
        }
        #expect(error?.id == "docent.custom")
        #expect(error?.location == LiquidLocation(file: "test.html", line: 2, column: 3))
    }

    @Test func simpleTagGetsItsEvaluatedParameters() throws {
        let output = try render("{% badge 'beta' color=tone size: 2 %}", ["tone": "blue"]) { configuration in
            configuration.registerTag("badge") { call in
                "<\(call.name) \(call.positional[0].liquidString) \(call.parameters["color"]!.liquidString) \(call.parameters["size"]!.liquidString)>"
            }
        }
        #expect(output == "<badge beta blue 2>")
    }

    @Test func blockTagReceivesTheRenderedAndRawBody() throws {
        let output = try render("{% note kind='tip' %}Hi {{ name }}{% endnote %}", ["name": "Ada"]) { configuration in
            configuration.registerBlockTag("note") { call in
                "<aside class=\"\(call.parameters["kind"]!.liquidString)\">\(call.body)|\(call.rawBody)@\(call.location.line)</aside>"
            }
        }
        #expect(output == "<aside class=\"tip\">Hi Ada|Hi {{ name }}@1</aside>")
    }

    @Test func unclosedCustomBlockIsReported() {
        let error = #expect(throws: LiquidError.self) {
            try render("{% note %}body") { $0.registerBlockTag("note") { $0.body } }
        }
        #expect(error?.id == "liquid.unclosed-block")
    }
}
