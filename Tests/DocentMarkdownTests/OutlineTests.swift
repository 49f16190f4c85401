import Testing

@testable import DocentMarkdown

@Suite struct OutlineTests {
    @Test func linksAndImagesCarryTheirSourcePositions() {
        let text = "# Title\n\nSee [the guide](guide.md#a) and\n![pic](img.png) here.\n"
        let outline = Outline(Markdown.parse(text))
        #expect(
            outline.links == [.init(destination: "guide.md#a", text: "the guide", position: .init(line: 3, column: 5))])
        #expect(outline.images == [.init(source: "img.png", alt: "pic", position: .init(line: 4, column: 1))])
        #expect(outline.headings.first?.position == SourcePosition(line: 1, column: 1))
    }

    @Test func textSkipsCodeBlocks() {
        let outline = Outline(Markdown.parse("Hello *world*.\n\n```\nsecret\n```\n"))
        #expect(outline.text == "Hello world.")
    }

    @Test func textSeparatesBlocksWithOneSpaceAndSkipsEmptyOnes() {
        let outline = Outline(
            Markdown.parse("# Start\n\nOne.\n\n![](x.png)\n\n| A | B |\n|---|---|\n| c | |\n\nTwo.\n"))
        #expect(outline.text == "Start One. A B c Two.")
    }

    @Test func textStopsAfterItsLimitButHeadingsAndLinksDoNot() {
        let paragraphs = (1...50).map { "Paragraph \($0) says café [link \($0)](p\($0).md)." }
        let text = paragraphs.joined(separator: "\n\n") + "\n\n## Last heading\n"
        let outline = Outline(Markdown.parse(text), textLimit: 100)
        #expect(outline.text.count >= 100 && outline.text.count < 200)
        #expect(outline.text.hasPrefix("Paragraph 1 says café link 1."))
        #expect(outline.links.count == 50)
        #expect(outline.headings.map(\.text) == ["Last heading"])
        #expect(Outline(Markdown.parse(text)).text.contains("Paragraph 50"))
    }
}
