import DocentSite
import DocentTestSupport
import Testing

@Suite struct FrontMatterSchemaCheckTests {
    static let config = """
        title: Test Docs
        schema:
          keys:
            tier: {type: string, values: [free, pro, enterprise]}
            products: {type: list, values: [insomnia, kong]}
            owner: string
            weight: number
          required: [title]
          layouts:
            default: {required: [description]}
          content_types:
            how_to: [breadcrumbs]
        """

    @Test func aStylesheetsFrontMatterIsNotCheckedAgainstTheSchema() throws {
        let result = try SiteFixture.check([
            "docent.yml": Self.config,
            "content/index.md": "---\ntitle: Home\ndescription: Start\n---\n",
            "assets/site.scss": "---\n---\na { b { color: red; } }\n",
        ])
        #expect(result.messages == [])
    }

    @Test func frontMatterThatFollowsTheSchemaPasses() throws {
        let result = try SiteFixture.check([
            "docent.yml": Self.config,
            "content/index.md": "---\ntitle: Home\ndescription: Start\n---\n",
            "content/a.md": """
            ---
            title: A
            description: About A
            tier: pro
            products: [insomnia]
            owner: docs
            weight: 2
            content_type: how_to
            breadcrumbs: [/]
            ---
            Text.
            """,
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func requiredKeysTypesValuesAndUnknownKeysAreReported() throws {
        let result = try SiteFixture.check([
            "docent.yml": Self.config,
            "content/a.md": """
            ---
            title: A
            tier: enterprize
            products: [insomnia, kongg]
            weight: heavy
            content_type: how_to
            ownr: docs
            ---
            Text.
            """,
        ])
        #expect(
            result.diagnostics("frontmatter").sortedForDisplay.map {
                "\($0.location!.line):\($0.location!.column) \($0.id) \($0.severity)"
            }
                == [
                    "1:1 frontmatter.missing-key error", "1:1 frontmatter.missing-key error",
                    "3:1 frontmatter.value error", "4:22 frontmatter.value error", "5:1 frontmatter.type error",
                    "7:1 frontmatter.unknown-key warning",
                ], "\(result.messages)")
        let messages = result.diagnostics("frontmatter").sortedForDisplay
        try #require(messages.count == 6)
        #expect(messages[0].message == "front matter has no `breadcrumbs`, which the schema requires")
        #expect(messages[1].message == "front matter has no `description`, which the schema requires")
        #expect(messages[2].fixIt == "use `enterprise`")
        #expect(messages[3].message == "`products[1]` is `kongg`, not one of the values the schema allows")
        #expect(messages[4].message == "`weight` must be number, found a string")
        #expect(messages[5].note == "did you mean `owner`?")
    }

    @Test func aSchemaWithAnUnknownTypeIsAConfigError() throws {
        let result = try SiteFixture.check([
            "docent.yml": "title: T\nschema:\n  keys:\n    tier: strng\n",
            "content/a.md": "---\ntitle: A\n---\n",
        ])
        #expect(result.messages == ["docent.yml:4:5: config.schema: unknown type `strng` for `tier`"])
    }
}
