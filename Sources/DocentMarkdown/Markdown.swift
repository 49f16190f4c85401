/// How a site's Markdown reads: heading ids as GitHub or kramdown make them, and typographic punctuation
/// (“quotes”, – and — from `--` and `---`, … from `...`) as kramdown writes it by default in Jekyll sites.
/// Bare URLs become links (GFM's autolink extension) unless `bareURLLinks` is off, as in kramdown.
public struct MarkdownStyle: Sendable, Equatable {
    public var headingIDs: HeadingIDStyle
    public var smartPunctuation: Bool
    public var bareURLLinks: Bool

    public init(headingIDs: HeadingIDStyle = .github, smartPunctuation: Bool = false, bareURLLinks: Bool = true) {
        self.headingIDs = headingIDs
        self.smartPunctuation = smartPunctuation
        self.bareURLLinks = bareURLLinks
    }

    /// Jekyll's default Markdown (kramdown with its GFM parser): typographic punctuation, no bare-URL links.
    public static func kramdown(headingIDs: HeadingIDStyle) -> MarkdownStyle {
        MarkdownStyle(headingIDs: headingIDs, smartPunctuation: true, bareURLLinks: false)
    }
}

/// The Markdown layer's entry point: parse with cmark-gfm, apply kramdown attribute lists, assign heading ids.
public enum Markdown {
    public static func parse(_ text: String, style: MarkdownStyle = MarkdownStyle()) -> MarkdownDocument {
        var document = CmarkParser.parse(
            text, smartPunctuation: style.smartPunctuation, bareURLLinks: style.bareURLLinks)
        AttributeListPass.apply(to: &document.blocks, source: text)
        document.assignHeadingIDs(style: style.headingIDs)
        return document
    }

    /// Markdown to HTML in one call (used by Liquid's `markdownify` and FAQ answers).
    public static func html(
        _ text: String, style: MarkdownStyle = MarkdownStyle(), renderer: HTMLRenderer = HTMLRenderer()
    )
        -> String
    {
        renderer.render(parse(text, style: style))
    }
}
