import Testing

@testable import Liquid

/// `LiquidTemplate.references`: what a template calls, reads and uses, at the `{{`/`{%` it is written in.
@Suite struct ReferenceTests {
    static let template = """
        {% include nav.html title=page.title css_class="wide" %}
        {% if include.variant %}{{ include.id | upcase }}{% elsif site.data.products.size > 0 %}-{% endif %}
          {{ include.label | default: "x" }} {% render 'card', product: site.data.products[key] %}
        {% include {{ page.kind }}.html %}{% include_relative ../shared/note.md %}
        {% raw %}{{ site.pages }}{% endraw %}{% comment %}{% include gone.html %}{% endcomment %}
        {% for item in site.pages limit: 3 %}{% case item.kind %}{% when "a", page.kind %}{% break %}{% endcase %}{% endfor %}
        """

    func references(_ source: String, configure: (inout LiquidConfiguration) -> Void = { _ in }) throws
        -> LiquidReferences
    {
        var configuration = LiquidConfiguration()
        configure(&configuration)
        return try LiquidEngine(configuration).parse(source, file: "t.html").references
    }

    @Test func partialCallsHaveTheirNamesParametersAndPositions() throws {
        let partials = try references(Self.template).partials
        #expect(
            partials == [
                .init(
                    kind: .include, name: "nav.html", parameters: ["title", "css_class"],
                    location: .init(file: "t.html", line: 1, column: 1)),
                .init(
                    kind: .render, name: "card", attributes: ["product"],
                    location: .init(file: "t.html", line: 3, column: 38)),
                .init(kind: .include, name: nil, location: .init(file: "t.html", line: 4, column: 1)),
                .init(
                    kind: .includeRelative, name: "../shared/note.md",
                    location: .init(file: "t.html", line: 4, column: 35)
                ),
            ])
    }

    @Test func variablesAreReadAtTheirTagWithTestsAndDefaultsMarked() throws {
        let variables = try references(Self.template).variables.map(Self.describe)
        #expect(
            variables == [
                "1:1 page.title",
                "2:1 include.variant (test)",
                "2:25 include.id",
                "2:50 site.data.products.size (test)",
                "3:3 include.label (default)",
                "3:38 site.data.products[…]",
                "3:38 key",
                "4:1 page.kind",
                "6:1 site.pages",
                "6:38 item.kind (test)",
                "6:38 page.kind (test)",
            ])
    }

    @Test func tagsAndFiltersAreListedInSourceOrder() throws {
        let found = try references(Self.template)
        #expect(
            found.tags.map { "\($0.location.line):\($0.location.column) \($0.name)" } == [
                "1:1 include", "2:1 if", "2:50 elsif", "3:38 render", "4:1 include", "4:35 include_relative",
                "6:1 for", "6:38 case", "6:83 break",
            ])
        #expect(
            found.filters.map { "\($0.location.line):\($0.location.column) \($0.name)" } == [
                "2:25 upcase", "3:3 default",
            ])
    }

    @Test func shopifyIncludesGiveAttributesAndBareWordsAreComputedNames() throws {
        let found = try references("{% include 'card' with item as product, size: 2 %}\n{% include chosen %}")
        #expect(
            found.partials == [
                .init(
                    kind: .include, name: "card", attributes: ["size"],
                    location: .init(file: "t.html", line: 1, column: 1)),
                .init(kind: .include, name: nil, location: .init(file: "t.html", line: 2, column: 1)),
            ])
        #expect(found.variables.map(Self.describe) == ["1:1 item", "2:1 chosen"])
    }

    @Test func hostTagsReportTheirNamesArgumentsAndBodies() throws {
        let source = "{% note kind=page.kind %}\n{{ x | size }}{% endnote %}{% icon site.data.icons[name] %}"
        let found = try references(source) { configuration in
            configuration.registerBlockTag("note") { $0.body }
            configuration.registerTag("icon") { _ in "" }
        }
        #expect(found.tags.map { "\($0.location.line):\($0.location.column) \($0.name)" } == ["1:1 note", "2:28 icon"])
        #expect(
            found.variables.map(Self.describe) == ["1:1 page.kind", "2:1 x", "2:28 site.data.icons[…]", "2:28 name"])
        #expect(found.filters.map(\.name) == ["size"])
    }

    @Test func liquidTagLinesAndAFrontMatterOffsetGiveSourceLines() throws {
        let source = "{% liquid\n  assign x = site.data.menu\n  echo x | first\n%}"
        let found = try LiquidEngine().parse(source, file: "p.md", lineOffset: 3).references
        #expect(found.tags.map { "\($0.location.line) \($0.name)" } == ["4 liquid", "5 assign"])
        #expect(found.variables.map(Self.describe) == ["5:1 site.data.menu", "6:1 x"])
    }

    @Test func deepNestingIsWalkedWithoutRecursion() throws {
        // The parser stops at 200 levels; the walker itself must not care how deep a tree is.
        var nodes: [any Node] = [
            OutputNode(expression: .init(expression: .variable("leaf", []), filters: []), line: 1, column: 1)
        ]
        for _ in 0..<10_000 { nodes = [BlockNode(body: nodes, line: 1, column: 1)] }
        let deep = LiquidTemplate(file: "deep", root: nodes).references
        #expect(deep.tags.count == 10_000)
        #expect(deep.variables.map(\.name) == ["leaf"])

        let nested =
            String(repeating: "{% if a %}", count: 150) + "{{ b }}" + String(repeating: "{% endif %}", count: 150)
        let found = try references(nested)
        #expect(found.tags.count == 150)
        #expect(found.variables.last?.name == "b")
    }

    static func describe(_ variable: LiquidReferences.Variable) -> String {
        var text = "\(variable.location.line):\(variable.location.column) \(variable.name)"
        if variable.isDynamic { text += "[…]" }
        if variable.inCondition { text += " (test)" }
        if variable.hasDefault { text += " (default)" }
        return text
    }
}
