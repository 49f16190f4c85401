/// What reads a document's text in the HTML renderer's own walk over it, so a page's text need not be walked twice
/// (the search index counts a page's words so): each block as it starts and ends, and between them the text of the
/// block's inlines in document order. Set as `HTMLRenderer.textReader`.
public protocol RenderedTextReader: AnyObject {
    /// A block starts (a table's rows and cells included). Returns false when the reader does not want the text in
    /// the block (it read the block itself): no calls follow for it but its `exit`.
    func enter(_ block: MarkdownBlock) -> Bool
    /// The block ends.
    func exit(_ block: MarkdownBlock)
    /// The text of a text node or a code span, unescaped.
    func text(_ value: String)
    /// A soft or hard line break.
    func lineBreak()
    /// An image's description (the renderer writes it as the `alt` text, not as text nodes).
    func image(_ description: [MarkdownInline])
}
