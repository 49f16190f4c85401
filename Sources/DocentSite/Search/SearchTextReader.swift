import DocentMarkdown

/// A page's `SearchPageReader` as the HTML renderer's text reader: the page's Markdown body is read for search in
/// the walk that renders it (after the title and aliases, before the FAQ answers).
final class SearchTextReader: RenderedTextReader {
    /// The page's reader; nil once taken.
    private var page: SearchPageReader?

    init(_ page: SearchPageReader) { self.page = page }

    /// The page's reader, taken out once the body is read (so it is not copied when it reads on).
    func take() -> SearchPageReader { page.take()! }

    func enter(_ block: MarkdownBlock) -> Bool { page?.enter(block) ?? false }
    func exit(_ block: MarkdownBlock) { page?.exit(block) }
    func text(_ value: String) { page?.text(value) }
    func lineBreak() { page?.breakWord() }
    func image(_ description: [MarkdownInline]) { page?.read(description) }
}
