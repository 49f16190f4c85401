import Testing

@testable import DocentMarkdown

@Suite struct HeadingIDTests {
    @Test func githubStyleDropsPunctuationAndNumbersDuplicates() {
        let document = Markdown.parse(
            "## Step 1: Upgrade Account\n## Domain capture\n## Domain capture\n## Domain capture\n")
        #expect(
            Outline(document).headings.map(\.id) == [
                "step-1-upgrade-account", "domain-capture", "domain-capture-1", "domain-capture-2",
            ])
    }

    @Test func kramdownStyleDropsLeadingNonLetters() {
        #expect(HeadingIDGenerator.slug("1. Ünïcode & Things", style: .kramdown) == "ncode--things")
        #expect(HeadingIDGenerator.slug("42", style: .kramdown) == "section")
    }

    @Test func githubStyleKeepsUnicodeLetters() {
        #expect(HeadingIDGenerator.slug("Ünïcode `code` Things?", style: .github) == "ünïcode-code-things")
    }

    @Test func generatedIDsAvoidExplicitOnes() {
        let document = Markdown.parse("## Intro {#intro}\n## Intro\n")
        #expect(Outline(document).headings.map(\.id) == ["intro", "intro-1"])
    }
}
