import Liquid
import Testing

/// Inputs the fuzzer (Fuzz/Liquid) or its review found that once crashed, hung or exhausted memory.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    func survives(_ source: String) {
        var configuration = LiquidConfiguration()
        configuration.strictFilters = false
        configuration.maxLoopIterations = 10_000
        configuration.maxOutputBytes = 1 << 20
        let engine = LiquidEngine(configuration)
        if let template = try? engine.parse(source, file: "fuzz") {
            _ = try? engine.render(template, ["site": ["pages": [["title": "A"]]], "n": 7])
        }
    }

    @Test func hugeLoopLimitDoesNotOverflow() {
        survives("{% for p in site.pages limit: 9999999999999999999999999999999999999 %}{{ p.title }}{% endfor %}")
        survives("{% for p in site.pages offset: 99999999999999999999 limit: 9223372036854775807 %}x{% endfor %}")
    }

    @Test func extremeRangesAndIntegersDoNotTrap() {
        survives("{% for i in (-9223372036854775807..9223372036854775807) %}x{% endfor %}")
        survives("{% for i in (9223372036854775800..9223372036854775807) %}{{ i }}{% endfor %}")
        survives("{{ (1..99999999999) | join }}{{ (1..3)[9223372036854775807] }}")
        survives(
            "{{ -9223372036854775807 | minus: 10 | modulo: -1 }}{{ -9223372036854775807 | minus: 1 | divided_by: -1 }}")
        survives(
            "{{ 'abc' | slice: -9223372036854775807, 9223372036854775807 }}{{ 'x' | truncate: -9223372036854775807 }}")
        survives("{{ 1e300 | times: 1e300 | round }}{{ 99999999999999999999.5 | floor | ceil }}")
        survives("{{ 99999999999999999999 | date: '%Y' }}{{ '99999999999-01-01' | date: '%Y' }}")
        survives("{{ 'now' | date: '%999999999999d' }}{{ '2020-01-01 10:00 +99999999999' | date: '%z' }}")
    }

    @Test func roundWithExtremePlacesNeitherTrapsNorHangs() throws {
        let start = ContinuousClock.now
        survives("{{ 1.5 | round: -9223372036854775807 }}{{ 1.5 | round: -2147483648 }}")
        survives("{{ 1.5 | round: 9223372036854775807 }}{{ 1.5 | round: 2147483648 }}")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(try render("{{ 1.25 | round: 9223372036854775807 }}") == "1.25")
        #expect(try ["0", "0.0"].contains(render("{{ 1234.5 | round: -2147483648 }}")))
    }

    @Test func deepNestingIsASyntaxErrorNotAStackOverflow() {
        let deep = String(repeating: "{% if true %}", count: 5000) + String(repeating: "{% endif %}", count: 5000)
        let error = #expect(throws: LiquidError.self) { _ = try LiquidEngine().parse(deep, file: "deep") }
        #expect(error?.message.contains("Nesting too deep") == true)
        survives("{{ " + String(repeating: "(", count: 10000) + " }}")
        // Each `liquid` line that is itself a `liquid` tag is parsed by a parser of its own.
        let nested = "{% liquid " + String(repeating: "liquid ", count: 10_000) + "echo x %}"
        let nestedError = #expect(throws: LiquidError.self) { _ = try LiquidEngine().parse(nested, file: "deep") }
        #expect(nestedError?.message.contains("Nesting too deep") == true)
        let shallow = try? LiquidEngine().parse(
            "{% liquid " + String(repeating: "liquid ", count: 20) + "echo x %}", file: "t")
        #expect(shallow?.references.variables.map(\.name) == ["x"])
        survives("{{ a" + String(repeating: "[a", count: 10000) + " }}")
    }

    @Test func longConditionChainsNeedNoRecursion() throws {
        let chain = (0..<20000).map { _ in "false" }.joined(separator: " or ")
        #expect(try render("{% if \(chain) or true %}yes{% endif %}") == "yes")
    }

    @Test func doublingAVariableStopsAtTheOutputLimit() {
        let error = #expect(throws: LiquidError.self) {
            try render("{% assign s = 'x' %}{% for i in (1..100) %}{% assign s = s | append: s %}{% endfor %}") {
                $0.maxOutputBytes = 1 << 20
            }
        }
        #expect(error?.id == "liquid.output-limit")
    }

    @Test func unterminatedTagsAndStrayDelimitersAreErrors() {
        survives("{{")
        survives("{%")
        survives("{% raw %}")
        survives("{% comment %}{% raw %}")
        survives("{%- -%}{{- -}}{% %}{{}}")
        survives("{% include {{ %}")
        survives("{% liquid\nif\nfor\n %}")
    }
}
