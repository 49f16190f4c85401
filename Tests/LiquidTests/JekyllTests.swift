import Liquid
import Testing

@Suite("Jekyll: include parameters, include_relative, filters")
struct JekyllTests {
    func engine(_ files: [String: String], configure: (inout LiquidConfiguration) -> Void = { _ in }) -> LiquidEngine {
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidMemoryFileSystem(files)
        configure(&configuration)
        return LiquidEngine(configuration)
    }

    @Test func includeTakesAnUnquotedPathAndExposesParametersAsInclude() throws {
        let engine = engine([
            "insomnia/domain-capture.md": "[{{ include.step }}|{{ include.title }}|{{ include.page }}]"
        ])
        let template = try engine.parse(
            "{% include insomnia/domain-capture.md step=2 title=\"Verify\" page=page.title %}", file: "guide.md")
        #expect(try engine.render(template, ["page": ["title": "Guide"]]) == "[2|Verify|Guide]")
    }

    @Test func includeNameMayBeBuiltFromVariables() throws {
        let engine = engine(["note-warning.html": "warn:{{ include.text }}"])
        let template = try engine.parse("{% include note-{{ kind }}.html text='careful' %}", file: "page.md")
        #expect(try engine.render(template, ["kind": "warning"]) == "warn:careful")
    }

    @Test func variablesAssignedInsideAnIncludeLeakToTheCaller() throws {
        let engine = engine(["set.html": "{% assign shared = 'from include' %}"])
        #expect(try engine.render("{% include set.html %}{{ shared }}") == "from include")
    }

    @Test func includeParametersDoNotOutliveTheInclude() throws {
        let engine = engine(["p.html": "{{ include.a }}"])
        #expect(try engine.render("{% include p.html a=1 %}[{{ include.a }}]") == "1[]")
    }

    @Test func shopifyQuotedIncludeWithWithAndAttributesStillWorks() throws {
        let engine = engine(["card.liquid": "{{ card.name }}-{{ size }}"])
        #expect(
            try engine.render("{% include 'card' with product, size: 2 %}", file: "", ["product": ["name": "Hat"]])
                == "Hat-2")
    }

    @Test func includeRelativeResolvesBesideTheIncludingFile() throws {
        let engine = engine(["docs/guide/snippet.md": "snippet", "docs/guide/index.md": "x"])
        let template = try engine.parse("{% include_relative snippet.md %}", file: "docs/guide/index.md")
        #expect(try engine.render(template, [:]) == "snippet")
    }

    @Test func urlFiltersUseTheSiteBaseAndURL() throws {
        let output = try render(
            "{{ '/about/' | relative_url }} {{ 'about/' | absolute_url }} {{ 'https://x.org/' | relative_url }}"
        ) {
            $0.baseURL = "/docs/"
            $0.siteURL = "https://example.com/"
        }
        #expect(output == "/docs/about/ https://example.com/docs/about/ https://x.org/")
    }

    @Test func markdownifyGoesThroughTheHostHook() throws {
        #expect(
            try render("{{ '*x*' | markdownify }}") { $0.markdownify = { "<em>\($0.dropFirst().dropLast())</em>" } }
                == "<em>x</em>")
    }

    @Test(arguments: [
        ("{{ 'Hello, World: Ünïcode!' | slugify }}", "hello-world-ünïcode"),
        ("{{ 'a.b c' | slugify: 'pretty' }}", "a.b-c"),
        ("{{ data | jsonify }}", "{\"a\":[1,\"x\",null],\"b\":true}"),
        ("{{ '<a href=\"x\">&</a>' | xml_escape }}", "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"),
        ("{{ 'a b/c?' | cgi_escape }}|{{ 'a b/c?' | uri_escape }}", "a+b%2Fc%3F|a%20b/c?"),
        ("{{ 'one two  three\nfour' | number_of_words }}", "4"),
        ("{{ '2026-03-14 10:00:00' | date_to_xmlschema }}", "2026-03-14T10:00:00+00:00"),
        ("{{ '2026-03-14' | date_to_string }}", "14 Mar 2026"),
        ("{{ pages | where_exp: 'p', 'p.n > 1' | map: 'n' | join: ',' }}", "3,2"),
        (
            "{% assign g = pages | group_by: 'kind' %}{% for group in g %}{{ group.name }}:{{ group.size }};{% endfor %}",
            "a:2;b:1;"
        ),
        ("{{ pages | sort: 'n' | map: 'n' | join: ',' }}", "1,2,3"),
    ])
    func jekyllFilters(template: String, expected: String) throws {
        let variables: [String: LiquidValue] = [
            "data": ["a": [1, "x", .nil], "b": true],
            "pages": [["n": 3, "kind": "a"], ["n": 1, "kind": "b"], ["n": 2, "kind": "a"]],
        ]
        #expect(try render(template, variables) == expected)
    }
}
