/// The Markdown layer's entry point: parse with cmark-gfm, apply kramdown attribute lists, assign heading ids.
public enum Markdown {
    public static func parse(_ text: String, headingIDs: HeadingIDStyle = .github) -> MarkdownDocument {
        var document = CmarkParser.parse(text)
        AttributeListPass.apply(to: &document.blocks)
        document.assignHeadingIDs(style: headingIDs)
        return document
    }

    /// Markdown to HTML in one call (used by Liquid's `markdownify` and FAQ answers).
    public static func html(
        _ text: String, headingIDs: HeadingIDStyle = .github, renderer: HTMLRenderer = HTMLRenderer()
    )
        -> String
    {
        renderer.render(parse(text, headingIDs: headingIDs))
    }
}
