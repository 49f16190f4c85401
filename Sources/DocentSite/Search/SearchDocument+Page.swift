import DocentMarkdown
import Liquid

extension SearchDocument {
    /// True for a page search should find: not a 404 page, a redirect or a stylesheet.
    static func indexes(_ page: Page) -> Bool {
        !page.url.hasSuffix("404.html") && !page.isStylesheet && page.value(forKey: "redirect_to") == nil
    }

    /// The search reader of a page search should find, which has read its title and aliases: the page's Markdown
    /// body is read into it as it renders (`HTMLRenderer.textReader`); nil for a page search should not find.
    static func textReader(for page: Page, config: SiteConfig) -> SearchTextReader? {
        guard config.writesSearchIndex, indexes(page) else { return nil }
        return SearchTextReader(reader(title: page.title, aliases: page.meta.searchAliases))
    }

    /// A rendered page's entry in the search index: what `reader` (see `textReader(for:config:)`) read of its
    /// Markdown body as it rendered (for a page that is not Markdown, its content) and the FAQ answers the page
    /// shows; nil for a page search should not find (no reader).
    init?(
        page: Page, config: SiteConfig, reader: SearchTextReader?,
        faqs: [(id: String, question: String, answer: MarkdownDocument)], content: String
    ) {
        guard let reader else { return nil }
        let filters = config.searchFilterKeys.compactMap { key -> (key: String, values: [String])? in
            let values: [String]
            switch page.value(forKey: key) {
            case .string(let value)?: values = [value]
            case .array(let items)?: values = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: return nil
            }
            return (key, values)
        }
        self.init(
            url: page.url, title: page.title, filters: filters, reader: reader.take(), faqs: faqs,
            html: page.isMarkdown ? nil : content)
    }
}
