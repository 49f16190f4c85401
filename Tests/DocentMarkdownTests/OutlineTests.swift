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
}
