import Liquid
import Testing

@Suite("Error modes: lax, warn, strict, strict2")
struct ErrorModeTests {
    func parse(_ source: String, _ mode: LiquidErrorMode) throws -> LiquidTemplate {
        var configuration = LiquidConfiguration()
        configuration.errorMode = mode
        return try LiquidEngine(configuration).parse(source, file: "page.html")
    }

    @Test func strictRejectsWhatLaxReads() throws {
        #expect(throws: LiquidError.self) { try parse("{{ false 1 }}", .strict) }
        #expect(try parse("{{ false 1 }}", .lax).warnings.count == 1)
    }

    @Test func laxAndWarnRecordEachLenientReadingAtItsPlace() throws {
        for mode in [LiquidErrorMode.lax, .warn] {
            let template = try parse("ok {{ a }}\n  {% if a && b %}{% endif %}{{ 'x' 'y' }}", mode)
            #expect(template.warnings.map(\.id) == ["liquid.lax-syntax", "liquid.lax-syntax"])
            #expect(template.warnings.map(\.location.line) == [2, 2])
            #expect(template.warnings.first?.location == LiquidLocation(file: "page.html", line: 2, column: 3))
        }
    }

    @Test func wellFormedMarkupHasNoWarnings() throws {
        #expect(try parse("{% if a and b %}{{ a | append: 'x' }}{% endif %}", .lax).warnings.isEmpty)
    }

    @Test func laxParsingIsTheLaxOrWarnMode() {
        var configuration = LiquidConfiguration()
        #expect(configuration.errorMode == .strict)
        configuration.laxParsing = true
        #expect(configuration.errorMode == .lax)
        configuration.errorMode = .warn
        #expect(configuration.laxParsing)
        configuration.laxParsing = false
        #expect(configuration.errorMode == .strict)
    }

    @Test func unknownFiltersStayErrorsInLaxMode() {
        #expect(throws: LiquidError.self) { try parse("{{ 'a' | nosuchfilter 1 2 }}", .lax) }
    }

    @Test func strictAllowsATrailingColonOrCommaInFilterArguments() throws {
        #expect(try render("{{ 'a' | append: 'b', | upcase: }}") == "AB")
    }

    @Test func strict2RejectsBareBracketsAndPointsToSelf() {
        var configuration = LiquidConfiguration()
        configuration.errorMode = .strict2
        let error = #expect(throws: LiquidError.self) {
            _ = try LiquidEngine(configuration).parse("{{ ['product'] }}", file: "")
        }
        #expect(error?.message.contains("self[") == true)
    }

    @Test func blankTagsWriteNoInlineErrorButInStrict2() throws {
        let source = "{% if 5 > 'x' %}{% endif %}"
        #expect(try render(source) { $0.renderErrorsInline = true } == "")
        let strict2 = try render(source) {
            $0.renderErrorsInline = true
            $0.errorMode = .strict2
        }
        #expect(strict2.contains("Liquid error"))
    }
}
