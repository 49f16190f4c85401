import DocentMarkdown
import Liquid

extension SearchDocument {
    /// True for a page search should find: not a 404 page, a redirect or a stylesheet.
    static func indexes(_ page: Page) -> Bool {
        !page.url.hasSuffix("404.html") && !page.isStylesheet && page.values["redirect_to"] == nil
    }

    /// A rendered page's entry in the search index, read from its Markdown tree (or, for a page that is not
    /// Markdown, its content) and the FAQ answers the page shows; nil for a page search should not find.
    init?(
        page: Page, config: SiteConfig, markdown: MarkdownDocument?,
        faqs: [(id: String, question: String, answer: MarkdownDocument)], content: String
    ) {
        guard config.writesSearchIndex else { return nil }
        guard Self.indexes(page) else { return nil }
        let filters = config.searchFilterKeys.compactMap { key -> (key: String, values: [String])? in
            let values: [String]
            switch page.values[key] {
            case .string(let value)?: values = [value]
            case .array(let items)?: values = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: return nil
            }
            return (key, values)
        }
        self.init(
            url: page.url, title: page.title, aliases: page.meta.searchAliases, filters: filters, markdown: markdown,
            faqs: faqs, html: markdown == nil ? content : nil, expectedWords: max(64, page.body.utf8.count / 24))
    }
}
