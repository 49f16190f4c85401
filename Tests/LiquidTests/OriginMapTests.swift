import Liquid
import Testing

/// `render(_:_:origins:)`: which template line each output line came from.
@Suite struct OriginMapTests {
    func originLines(
        _ source: String, lineOffset: Int = 0, _ variables: [String: LiquidValue] = [:],
        partials: [String: String] = [:]
    ) throws -> (output: String, lines: [Int?]) {
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidMemoryFileSystem(partials)
        configuration.registerBlockTag("note") { "<aside>\n\($0.body)</aside>" }
        let engine = LiquidEngine(configuration)
        var origins = LiquidOriginMap()
        let output = try engine.render(
            try engine.parse(source, file: "page.md", lineOffset: lineOffset), variables, origins: &origins)
        let count = output.split(separator: "\n", omittingEmptySubsequences: false).count
        return (output, (1...count).map { origins.sourceLine(forOutputLine: $0) })
    }

    @Test func textMapsLineForLineAndWhatATagPrintsMapsToTheTag() throws {
        let source = "# Title\n{% include two.md %}\nAfter {{ x }}\n{% if true %}\nInside\n{% endif %}\nLast"
        let (output, lines) = try originLines(
            source, lineOffset: 3, ["x": "1\n2"], partials: ["two.md": "A\nB\n"])
        #expect(output == "# Title\nA\nB\n\nAfter 1\n2\n\nInside\n\nLast")
        #expect(lines == [4, 5, 5, 5, 6, 6, 7, 8, 9, 10])
    }

    @Test func captureAndHostBlockBodiesMapToWhereTheyArePrinted() throws {
        let source = "{% capture c %}\none\ntwo\n{% endcapture %}{% note %}\nbody\n{% endnote %}\n{{ c }}\nend"
        let (output, lines) = try originLines(source)
        #expect(output == "<aside>\n\nbody\n</aside>\n\none\ntwo\n\nend")
        #expect(lines == [4, 4, 4, 4, 7, 7, 7, 7, 8])
    }

    @Test func renderingWithOriginsPrintsWhatRenderingWithoutPrints() throws {
        let source = "{% for i in (1..3) %}\nline {{ i }}\n{% endfor %}\n{% assign y = 2 %}{{ y }}"
        let engine = LiquidEngine()
        let template = try engine.parse(source, file: "t")
        var origins = LiquidOriginMap()
        #expect(try engine.render(template, [:], origins: &origins) == engine.render(template, [:]))
        #expect([1, 2, 3, 4].map { origins.sourceLine(forOutputLine: $0) } == [1, 2, 1, 2])
    }
}
