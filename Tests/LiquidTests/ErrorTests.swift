import Liquid
import Testing

@Suite("Errors: ids, positions, include chains, limits")
struct ErrorTests {
    func parseError(_ source: String, lineOffset: Int = 0) -> LiquidError? {
        #expect(throws: LiquidError.self) {
            _ = try LiquidEngine().parse(source, file: "page.md", lineOffset: lineOffset)
        }
    }

    @Test func unknownTagIsReportedAtItsLineAndColumn() {
        let error = parseError("line one\n  {% frobnicate %}")
        #expect(error?.id == "liquid.unknown-tag")
        #expect(error?.message == "Unknown tag 'frobnicate'")
        #expect(error?.location == LiquidLocation(file: "page.md", line: 2, column: 3))
    }

    @Test func unclosedBlockPointsAtItsOpeningTag() {
        let error = parseError("a\nb {% for x in y %}\n{% if x %}{% endfor %}")
        #expect(error?.id == "liquid.syntax")
        let unclosed = parseError("{% if true %}\nno end")
        #expect(unclosed?.id == "liquid.unclosed-block")
        #expect(unclosed?.message == "'if' tag was never closed")
        #expect(unclosed?.location.line == 1)
    }

    @Test func badExpressionIsASyntaxError() {
        let error = parseError("{{ a | }}\n{{ 'x' | append: }}")
        #expect(error?.id == "liquid.syntax")
        #expect(error?.location.line == 1)
        #expect(parseError("{% if a == %}{% endif %}")?.id == "liquid.syntax")
        #expect(parseError("{{ 'unterminated }}")?.id == "liquid.syntax")
        #expect(parseError("{{ never closed")?.id == "liquid.syntax")
    }

    @Test func lineOffsetShiftsPositionsPastFrontMatter() {
        let error = parseError("\n{% nope %}", lineOffset: 4)
        #expect(error?.location.line == 6)
    }

    @Test func missingPartialCarriesTheIncludeChain() throws {
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidMemoryFileSystem(["outer.html": "x\n  {% include inner.html %}"])
        let engine = LiquidEngine(configuration)
        let template = try engine.parse("{% include outer.html %}", file: "page.md")
        let error = #expect(throws: LiquidError.self) { try engine.render(template, [:]) }
        #expect(error?.id == "liquid.missing-partial")
        #expect(error?.location == LiquidLocation(file: "outer.html", line: 2, column: 3))
        #expect(error?.includeChain == [LiquidLocation(file: "page.md", line: 1, column: 1)])
    }

    @Test func renderErrorInsideAPartialIsPositionedInThePartial() throws {
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidMemoryFileSystem(["bad.html": "ok\n{{ 1 | divided_by: 0 }}"])
        let engine = LiquidEngine(configuration)
        let template = try engine.parse("\n\n{% include bad.html %}", file: "page.md")
        let error = #expect(throws: LiquidError.self) { try engine.render(template, [:]) }
        #expect(error?.location == LiquidLocation(file: "bad.html", line: 2, column: 1))
        #expect(error?.includeChain == [LiquidLocation(file: "page.md", line: 3, column: 1)])
        #expect(error?.description.contains("included from page.md:3:1") == true)
    }

    @Test func includeDepthOverTheLimitIsAnError() throws {
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidMemoryFileSystem(["loop.html": "{% include loop.html %}"])
        configuration.maxIncludeDepth = 10
        let engine = LiquidEngine(configuration)
        let error = #expect(throws: LiquidError.self) { try engine.render("{% include loop.html %}") }
        #expect(error?.id == "liquid.include-depth")
        #expect(error?.includeChain.count == 10)
    }

    @Test func outputLimitStopsRunawayOutput() {
        let error = #expect(throws: LiquidError.self) {
            try render("{% for i in (1..1000) %}{{ 'xxxxxxxxxx' }}{% endfor %}") { $0.maxOutputBytes = 500 }
        }
        #expect(error?.id == "liquid.output-limit")
    }

    @Test func noFileSystemMeansMissingPartial() {
        let error = #expect(throws: LiquidError.self) { try render("{% render 'x' %}") }
        #expect(error?.id == "liquid.missing-partial")
    }

    @Test func strictVariablesReportsUndefinedNames() {
        let error = #expect(throws: LiquidError.self) { try render("{{ nope }}") { $0.strictVariables = true } }
        #expect(error?.message.contains("nope") == true)
    }

    @Test func inlineErrorsRenderInPlaceAndContinue() throws {
        let output = try render("a\n{{ 1 | divided_by: 0 }} b") { $0.renderErrorsInline = true }
        #expect(output == "a\nLiquid error (line 2): divided by 0 b")
    }

    @Test func errorDescriptionReadsLikeACompilerDiagnostic() {
        let error = parseError("{% nope %}")
        #expect(error?.description == "page.md:1:1: error: Unknown tag 'nope' [liquid.unknown-tag]")
    }
}
